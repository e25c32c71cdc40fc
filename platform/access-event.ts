/**
 * One request's access to client files, as the gateway records it in the audit subgraph: the
 * request once (who, which operation, which fields), and the files it touched as a list. The
 * gateway builds it; the audit subgraph's `recordAccess` input mirrors it field for field.
 */
export interface AccessEvent {
  /** The gateway's id for the request. */
  requestId: string;
  occurredAt: string;
  readerSubject: string | null;
  readerRole: string;
  readerClientId: string | null;
  readerScopes: string[];
  operationName: string | null;
  /** SHA-256 of the operation as run. */
  operationHash: string;
  /** Fields delivered, as dotted field names ("client.applications.status.status"). */
  deliveredFields: string[];
  /** Fields asked for and removed because the caller's scopes do not open them. */
  refusedFields: string[];
  files: AccessedFile[];
}

export type AccessOutcomeName = 'READ' | 'DENIED';

/** Which of the request's fields a file's record names. */
export type FieldsShownName = 'DELIVERED' | 'REFUSED' | 'ASKED';

export interface AccessedFile {
  clientUci: string;
  outcome: AccessOutcomeName;
  /** READ names what was delivered; a DENIED file names what was refused on it (REFUSED) or everything asked (ASKED). */
  fieldsShown: FieldsShownName;
}
