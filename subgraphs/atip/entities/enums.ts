import { registerEnumType } from 'type-graphql';

export enum Institution {
  IRCC = 'IRCC',
  CBSA = 'CBSA',
}

export enum AccessAct {
  ACCESS_TO_INFORMATION_ACT = 'ACCESS_TO_INFORMATION_ACT',
  PRIVACY_ACT = 'PRIVACY_ACT',
}

export enum RequesterCategory {
  CLIENT = 'CLIENT',
  REPRESENTATIVE_WITH_CONSENT = 'REPRESENTATIVE_WITH_CONSENT',
  MEDIA = 'MEDIA',
  BUSINESS = 'BUSINESS',
  ACADEMIA = 'ACADEMIA',
  ORGANIZATION = 'ORGANIZATION',
  PUBLIC = 'PUBLIC',
}

export enum AccessRequestStatus {
  RECEIVED = 'RECEIVED',
  IN_PROGRESS = 'IN_PROGRESS',
  ON_HOLD_FEE = 'ON_HOLD_FEE',
  ON_HOLD_CLARIFICATION = 'ON_HOLD_CLARIFICATION',
  IN_CONSULTATION = 'IN_CONSULTATION',
  COMPLETED = 'COMPLETED',
  ABANDONED = 'ABANDONED',
}

export enum Disposition {
  ALL_DISCLOSED = 'ALL_DISCLOSED',
  DISCLOSED_IN_PART = 'DISCLOSED_IN_PART',
  ALL_EXEMPTED = 'ALL_EXEMPTED',
  ALL_EXCLUDED = 'ALL_EXCLUDED',
  NO_RECORDS_EXIST = 'NO_RECORDS_EXIST',
  TRANSFERRED = 'TRANSFERRED',
  ABANDONED = 'ABANDONED',
  TREATED_INFORMALLY = 'TREATED_INFORMALLY',
}

export enum HoldReason {
  FEE = 'FEE',
  CLARIFICATION = 'CLARIFICATION',
}

export enum Commissioner {
  INFORMATION_COMMISSIONER = 'INFORMATION_COMMISSIONER',
  PRIVACY_COMMISSIONER = 'PRIVACY_COMMISSIONER',
}

export enum ComplaintStatus {
  FILED = 'FILED',
  UNDER_INVESTIGATION = 'UNDER_INVESTIGATION',
  WELL_FOUNDED = 'WELL_FOUNDED',
  NOT_WELL_FOUNDED = 'NOT_WELL_FOUNDED',
  RESOLVED = 'RESOLVED',
  DISCONTINUED = 'DISCONTINUED',
}

registerEnumType(Institution, { name: 'Institution' });
registerEnumType(AccessAct, {
  name: 'AccessAct',
  description:
    'Access to Information Act (anyone entitled, any records) or Privacy Act (your own personal information).',
});
registerEnumType(RequesterCategory, {
  name: 'RequesterCategory',
  description: 'Who asked, as Treasury Board counts requesters.',
});
registerEnumType(AccessRequestStatus, {
  name: 'AccessRequestStatus',
  description: 'The clock stops while a request is on hold.',
});
registerEnumType(Disposition, {
  name: 'Disposition',
  description: 'How a request was closed, as Treasury Board counts outcomes.',
});
registerEnumType(HoldReason, { name: 'HoldReason' });
registerEnumType(Commissioner, { name: 'Commissioner' });
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });
