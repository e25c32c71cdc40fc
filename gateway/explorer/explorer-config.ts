/** What the bundled explorer opens with, written into its page by the gateway. */
export interface ExplorerConfig {
  /** One tab per flagship operation: its document and its variables (JSON text). */
  tabs: { query: string; variables: string }[];
  /** JSON text for every tab's headers: the development token in development, nothing in production. */
  headers: string;
}
