/** What a subgraph tells the gateway, in a response extension, about the files one request touched. */
export interface AuditExtension {
  read: string[];
  denied: string[];
}

export const AUDIT_EXTENSION = 'oneWindowAudit';
