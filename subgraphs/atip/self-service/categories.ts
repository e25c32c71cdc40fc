import { registerEnumType } from 'type-graphql';

/** What a part of an access request asks for: information One Window shows, or records it does not hold. */
export enum SelfServiceCategory {
  APPLICATION_STATUS = 'APPLICATION_STATUS',
  DECISION_AND_NOTES = 'DECISION_AND_NOTES',
  DOCUMENTS_AND_MESSAGES = 'DOCUMENTS_AND_MESSAGES',
  REPRESENTATIVES = 'REPRESENTATIVES',
  TRAVEL_HISTORY = 'TRAVEL_HISTORY',
  DAYS_IN_CANADA = 'DAYS_IN_CANADA',
  ENFORCEMENT_ACTIONS = 'ENFORCEMENT_ACTIONS',
  ACCESS_LOG = 'ACCESS_LOG',
  MEDICAL = 'MEDICAL',
  SECURITY_SCREENING = 'SECURITY_SCREENING',
  OTHER_PEOPLE = 'OTHER_PEOPLE',
  INSTITUTIONAL_RECORDS = 'INSTITUTIONAL_RECORDS',
  RECORDS_NOT_HELD = 'RECORDS_NOT_HELD',
  ALL_RECORDS = 'ALL_RECORDS',
  UNRECOGNIZED = 'UNRECOGNIZED',
}

registerEnumType(SelfServiceCategory, {
  name: 'SelfServiceCategory',
  description: 'What a part of an access request asks for.',
  valuesConfig: {
    APPLICATION_STATUS: { description: 'Application status and review stages (the tracker).' },
    DECISION_AND_NOTES: {
      description: 'Decision, refusal grounds and officer notes (GCMS notes; FOSS notes for older files).',
    },
    DOCUMENTS_AND_MESSAGES: {
      description: 'Documents issued (COPR, visa, permits) and messages sent to the client.',
    },
    REPRESENTATIVES: { description: 'Representatives authorized on the file (IMM 5476).' },
    TRAVEL_HISTORY: { description: 'Entries into and exits from Canada.' },
    DAYS_IN_CANADA: { description: 'Days physically present in Canada.' },
    ENFORCEMENT_ACTIONS: {
      description:
        'Removal orders, inadmissibility reports, port-of-entry and secondary examinations, detention and reviews, seizures, warrants.',
    },
    ACCESS_LOG: { description: 'Who read the file, and when.' },
    MEDICAL: { description: 'Medical examination results and reports: not held by One Window.' },
    SECURITY_SCREENING: {
      description: 'Security and criminality screening records: not held by One Window.',
    },
    OTHER_PEOPLE: { description: 'Records about someone other than the client: not shown.' },
    INSTITUTIONAL_RECORDS: {
      description:
        "An institution's own records (briefing notes, contracts, policies, statistics beyond atipStatistics): not held by One Window.",
    },
    RECORDS_NOT_HELD: {
      description:
        'Forms, photos and documents the client sent, recordings and copies of records: not held by One Window.',
    },
    ALL_RECORDS: { description: 'Everything the institution holds: more than One Window shows.' },
    UNRECOGNIZED: { description: 'Words One Window does not recognise as anything it shows.' },
  },
});

/** What one part of a wording is, as the request model reads it. */
export enum SelfServicePartKind {
  REQUEST = 'request',
  CIRCUMSTANCE = 'circumstance',
  NOT_UNDERSTOOD = 'not-understood',
}

registerEnumType(SelfServicePartKind, {
  name: 'SelfServicePartKind',
  description: 'What a part of a wording is: a request, mere circumstance, or not understood.',
  valuesConfig: {
    REQUEST: { description: 'It asks for something: what, and whose.' },
    CIRCUMSTANCE: {
      description: 'It asks for nothing: how long, since when, why, on whose advice, courtesy.',
    },
    NOT_UNDERSTOOD: { description: 'Words nothing explains: it may ask for anything.' },
  },
});

/** The three answers of a self-service check. */
export enum SelfServiceVerdict {
  COVERED = 'COVERED',
  NEEDS_REQUEST = 'NEEDS_REQUEST',
  UNCERTAIN = 'UNCERTAIN',
}

registerEnumType(SelfServiceVerdict, {
  name: 'SelfServiceVerdict',
  description: 'Whether One Window answers the whole request now.',
  valuesConfig: {
    COVERED: { description: 'Everything asked for is shown now: no formal request is needed.' },
    NEEDS_REQUEST: { description: 'Something asked for only a formal request can give: file one for it.' },
    UNCERTAIN: {
      description:
        'Some words were not understood (`notUnderstood`): One Window cannot say the request is unnecessary, so filing is recommended.',
    },
  },
});

/** The categories One Window shows a person about their own file, each with the query that answers it. */
export const SHOWN: Partial<
  Record<SelfServiceCategory, { scope: string; query: (uci: string, application: string | null) => string }>
> = {
  [SelfServiceCategory.APPLICATION_STATUS]: {
    scope: 'case:read',
    query: (uci, application) =>
      application
        ? `{ application(applicationNumber: "${application}") { status { status source asOf } stages { name status } estimatedDecisionBy } }`
        : `{ client(uci: "${uci}") { applications { applicationNumber status { status source asOf } stages { name status } } } }`,
  },
  [SelfServiceCategory.DECISION_AND_NOTES]: {
    scope: 'case:notes',
    query: (uci, application) =>
      application
        ? `{ application(applicationNumber: "${application}") { decisionNotes { outcome decidedOn grounds { provision summary explanation } officerNotes } } }`
        : `{ client(uci: "${uci}") { applications { applicationNumber decisionNotes { outcome decidedOn grounds { provision explanation } officerNotes } } } }`,
  },
  [SelfServiceCategory.DOCUMENTS_AND_MESSAGES]: {
    scope: 'case:read',
    query: (uci) =>
      `{ client(uci: "${uci}") { applications { applicationNumber documents { type documentNumber issuedOn validUntil } messages { kind sentOn dueOn } } } }`,
  },
  [SelfServiceCategory.REPRESENTATIVES]: {
    scope: 'case:read',
    query: (uci) =>
      `{ client(uci: "${uci}") { representativeAuthorizations { id active signedOn cancelledOn representative { id kind } } } }`,
  },
  [SelfServiceCategory.TRAVEL_HISTORY]: {
    scope: 'border:travel',
    query: (uci) =>
      `{ client(uci: "${uci}") { travelHistory(first: 100) { edges { node { occurredAt direction port { name } mode source } } } } }`,
  },
  [SelfServiceCategory.DAYS_IN_CANADA]: {
    scope: 'border:travel',
    query: (uci) =>
      `{ client(uci: "${uci}") { daysInCanada(from: "2021-01-01", to: "2025-12-31") { days confirmedDays uncertainDays explanation } } }`,
  },
  [SelfServiceCategory.ENFORCEMENT_ACTIONS]: {
    scope: 'border:enforcement',
    query: (uci) =>
      `{ client(uci: "${uci}") { enforcementActions { __typename kind occurredOn ... on RemovalOrder { orderType explanation } } } }`,
  },
  [SelfServiceCategory.ACCESS_LOG]: {
    scope: '',
    query: (uci) =>
      `{ client(uci: "${uci}") { accessLog(first: 20) { edges { node { occurredAt outcome reader { role } fields } } } } }`,
  },
};

/** Categories One Window shows: what "everything" covers of it, by institution. */
export const SHOWN_BY_INSTITUTION: Record<string, SelfServiceCategory[]> = {
  IRCC: [
    SelfServiceCategory.APPLICATION_STATUS,
    SelfServiceCategory.DECISION_AND_NOTES,
    SelfServiceCategory.DOCUMENTS_AND_MESSAGES,
    SelfServiceCategory.REPRESENTATIVES,
  ],
  CBSA: [
    SelfServiceCategory.TRAVEL_HISTORY,
    SelfServiceCategory.DAYS_IN_CANADA,
    SelfServiceCategory.ENFORCEMENT_ACTIONS,
  ],
};
