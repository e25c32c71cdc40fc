import { registerEnumType } from 'type-graphql';

export enum TravelDirection {
  ENTRY = 'ENTRY',
  EXIT = 'EXIT',
}

export enum TravelMode {
  AIR = 'AIR',
  LAND = 'LAND',
  MARINE = 'MARINE',
  RAIL = 'RAIL',
}

export enum TravelRecordSource {
  CBSA_PRIMARY_INSPECTION = 'CBSA_PRIMARY_INSPECTION',
  US_ENTRY_RECORD = 'US_ENTRY_RECORD',
  AIRLINE_PASSENGER_LIST = 'AIRLINE_PASSENGER_LIST',
}

export enum TravelDocumentType {
  PASSPORT = 'PASSPORT',
  PERMANENT_RESIDENT_CARD = 'PERMANENT_RESIDENT_CARD',
  REFUGEE_TRAVEL_DOCUMENT = 'REFUGEE_TRAVEL_DOCUMENT',
}

export enum MissingExitTreatment {
  COUNT_AS_ABSENT = 'COUNT_AS_ABSENT',
  COUNT_AS_PRESENT = 'COUNT_AS_PRESENT',
}

export enum EnforcementActionKind {
  SECONDARY_EXAMINATION = 'SECONDARY_EXAMINATION',
  INADMISSIBILITY_REPORT = 'INADMISSIBILITY_REPORT',
  REMOVAL_ORDER = 'REMOVAL_ORDER',
  DETENTION = 'DETENTION',
  SEIZURE = 'SEIZURE',
  IMMIGRATION_WARRANT = 'IMMIGRATION_WARRANT',
}

export enum ReportReferral {
  IMMIGRATION_DIVISION = 'IMMIGRATION_DIVISION',
  MINISTERS_DELEGATE = 'MINISTERS_DELEGATE',
}

export enum RemovalOrderType {
  DEPARTURE = 'DEPARTURE',
  EXCLUSION = 'EXCLUSION',
  DEPORTATION = 'DEPORTATION',
}

export enum RemovalOrderStatus {
  IN_FORCE = 'IN_FORCE',
  STAYED = 'STAYED',
  ENFORCED = 'ENFORCED',
}

export enum DetentionReviewBody {
  CBSA = 'CBSA',
  IMMIGRATION_DIVISION = 'IMMIGRATION_DIVISION',
}

export enum SeizureAuthority {
  CUSTOMS_ACT_S110 = 'CUSTOMS_ACT_S110',
  IRPA_S140 = 'IRPA_S140',
}

export enum WarrantStatus {
  OUTSTANDING = 'OUTSTANDING',
  EXECUTED = 'EXECUTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(TravelDirection, { name: 'TravelDirection' });
registerEnumType(TravelMode, { name: 'TravelMode' });
registerEnumType(TravelRecordSource, {
  name: 'TravelRecordSource',
  description:
    'Entries come from CBSA primary inspection; exits from United States entry records at land crossings and from airline passenger lists.',
});
registerEnumType(TravelDocumentType, { name: 'TravelDocumentType' });
registerEnumType(MissingExitTreatment, {
  name: 'MissingExitTreatment',
  description:
    'How to count the days between an entry and the next entry when no exit was recorded between them.',
});
registerEnumType(EnforcementActionKind, { name: 'EnforcementActionKind' });
registerEnumType(ReportReferral, {
  name: 'ReportReferral',
  description: 'Where an IRPA s.44 report went for decision.',
});
registerEnumType(RemovalOrderType, { name: 'RemovalOrderType' });
registerEnumType(RemovalOrderStatus, { name: 'RemovalOrderStatus' });
registerEnumType(DetentionReviewBody, { name: 'DetentionReviewBody' });
registerEnumType(SeizureAuthority, {
  name: 'SeizureAuthority',
  description: 'Customs Act s.110 or IRPA s.140.',
});
registerEnumType(WarrantStatus, { name: 'WarrantStatus' });
