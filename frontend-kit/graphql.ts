/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Access to Information Act (anyone entitled, any records) or Privacy Act (your own personal information). */
export type AccessAct =
  | 'ACCESS_TO_INFORMATION_ACT'
  | 'PRIVACY_ACT';

/** The clock stops while a request is on hold. */
export type AccessRequestStatus =
  | 'ABANDONED'
  | 'COMPLETED'
  | 'IN_CONSULTATION'
  | 'IN_PROGRESS'
  | 'ON_HOLD_CLARIFICATION'
  | 'ON_HOLD_FEE'
  | 'RECEIVED';

/** The tracker's overall status. CLOSED covers approved, refused, withdrawn, abandoned and returned as incomplete: see `decision`. */
export type ApplicationStatus =
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'RECEIVED';

export type DecisionOutcome =
  | 'ABANDONED'
  | 'APPROVED'
  | 'REFUSED'
  | 'RETURNED_AS_INCOMPLETE'
  | 'WITHDRAWN';

export type EnforcementActionKind =
  | 'DETENTION'
  | 'IMMIGRATION_WARRANT'
  | 'INADMISSIBILITY_REPORT'
  | 'REMOVAL_ORDER'
  | 'SECONDARY_EXAMINATION'
  | 'SEIZURE';

export type Institution =
  | 'CBSA'
  | 'IRCC';

/** The IRCC program an application belongs to. */
export type LineOfBusiness =
  | 'CITIZENSHIP'
  | 'ECONOMIC_IMMIGRATION'
  | 'FAMILY_SPONSORSHIP'
  | 'HUMANITARIAN_AND_COMPASSIONATE'
  | 'STUDY_PERMIT'
  | 'VISITOR_VISA'
  | 'WORK_PERMIT';

/** How to count the days between an entry and the next entry when no exit was recorded between them. */
export type MissingExitTreatment =
  | 'COUNT_AS_ABSENT'
  | 'COUNT_AS_PRESENT';

/** The review sections the Application Status Tracker shows. */
export type ReviewStageName =
  | 'BACKGROUND_VERIFICATION'
  | 'BIOMETRICS'
  | 'ELIGIBILITY'
  | 'MEDICAL_EXAM';

export type ReviewStageStatus =
  | 'COMPLETED'
  | 'EXEMPTED'
  | 'IN_PROGRESS'
  | 'NOT_STARTED'
  | 'WAITING_ON_YOU';

/** Which system a status came from; they can disagree, so each status also says when it was true. */
export type StatusSource =
  | 'APPLICATION_STATUS_TRACKER'
  | 'ATIP_RELEASE'
  | 'CASE_MANAGEMENT_SYSTEM';

export type TravelDirection =
  | 'ENTRY'
  | 'EXIT';

export type TravelMode =
  | 'AIR'
  | 'LAND'
  | 'MARINE'
  | 'RAIL';

/** Entries come from CBSA primary inspection; exits from United States entry records at land crossings and from airline passenger lists. */
export type TravelRecordSource =
  | 'AIRLINE_PASSENGER_LIST'
  | 'CBSA_PRIMARY_INSPECTION'
  | 'US_ENTRY_RECORD';

export type TravelHistoryQueryVariables = Exact<{
  uci: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TravelHistoryQuery = { client: { uci: string, travelHistory: { edges: Array<{ node: { direction: TravelDirection, occurredAt: string, port: { code: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type CaseloadQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type CaseloadQuery = { representative: { id: string, activeClientCount: number, clients: { edges: Array<{ node: { uci: string, familyName: string, applications: Array<{ applicationNumber: string, status: { status: ApplicationStatus }, stages: Array<{ name: ReviewStageName, status: ReviewStageStatus }> }>, travelHistory: { edges: Array<{ node: { occurredAt: string, direction: TravelDirection } }> } | null, accessRequests: Array<{ requestNumber: string, dueDate: string, isOverdue: boolean }> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ClientFileQueryVariables = Exact<{
  uci: string | number;
}>;


export type ClientFileQuery = { client: { uci: string, givenNames: string, familyName: string, applications: Array<{ applicationNumber: string, lineOfBusiness: LineOfBusiness, estimatedDecisionBy: string | null, status: { status: ApplicationStatus, source: StatusSource, asOf: string }, stages: Array<{ name: ReviewStageName, status: ReviewStageStatus }>, decision: { outcome: DecisionOutcome, decidedOn: string, officerNotes: string | null, grounds: Array<{ provision: string, summary: string, explanation: string }> } | null }>, travelHistory: { edges: Array<{ node: { occurredAt: string, direction: TravelDirection, mode: TravelMode, source: TravelRecordSource, port: { code: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null, daysInCanada: { days: number, confirmedDays: number, uncertainDays: number, missingExits: number, treatment: MissingExitTreatment, explanation: string } | null, enforcementActions: Array<
      | { __typename: 'Detention', kind: EnforcementActionKind, occurredOn: string }
      | { __typename: 'ImmigrationWarrant', kind: EnforcementActionKind, occurredOn: string }
      | { __typename: 'InadmissibilityReport', kind: EnforcementActionKind, occurredOn: string }
      | { __typename: 'RemovalOrder', kind: EnforcementActionKind, occurredOn: string }
      | { __typename: 'SecondaryExamination', result: string, kind: EnforcementActionKind, occurredOn: string }
      | { __typename: 'Seizure', kind: EnforcementActionKind, occurredOn: string }
    > | null, accessRequests: Array<{ requestNumber: string, institution: Institution, act: AccessAct | null, status: AccessRequestStatus, receivedOn: string, dueDate: string, daysRemaining: number | null, isOverdue: boolean }> | null } | null };


export const TravelHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TravelHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uci"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uci"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uci"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uci"}},{"kind":"Field","name":{"kind":"Name","value":"travelHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"port"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TravelHistoryQuery, TravelHistoryQueryVariables>;
export const CaseloadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Caseload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"representative"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeClientCount"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uci"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"travelHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"open"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CaseloadQuery, CaseloadQueryVariables>;
export const ClientFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uci"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uci"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uci"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uci"}},{"kind":"Field","name":{"kind":"Name","value":"givenNames"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"lineOfBusiness"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"grounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provision"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"officerNotes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedDecisionBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"travelHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"port"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"daysInCanada"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"StringValue","value":"2021-11-01","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"StringValue","value":"2026-10-31","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedDays"}},{"kind":"Field","name":{"kind":"Name","value":"uncertainDays"}},{"kind":"Field","name":{"kind":"Name","value":"missingExits"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enforcementActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecondaryExamination"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestNumber"}},{"kind":"Field","name":{"kind":"Name","value":"institution"}},{"kind":"Field","name":{"kind":"Name","value":"act"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"daysRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}}]}}]}}]}}]} as unknown as DocumentNode<ClientFileQuery, ClientFileQueryVariables>;