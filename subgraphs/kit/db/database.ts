/** What a subgraph needs from its store. */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A connection inside a transaction, which can also take rows in bulk. */
export interface Transaction extends Queryable {
  /** Streams `COPY table (columns) FROM STDIN` its rows, already in COPY's text format. */
  copyFrom(table: string, columns: readonly string[], text: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs several statements separated by semicolons (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Dates travel as ISO `YYYY-MM-DD` strings so no time zone can shift a birthday or a due date. */
export const DATE_TYPE_OID = 1082;
