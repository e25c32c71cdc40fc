import { Page } from '../pagination';
import { Queryable } from './database';

/** The parts of a per-parent page query: which rows, whose, in what order. */
export interface PerParentQuery {
  /** The columns each row carries, e.g. `c.uci, c.family_name AS "familyName"`. */
  select: string;
  from: string;
  /** The (text) column naming each row's parent. */
  parentColumn: string;
  orderBy: string;
  /** More conditions on the rows, if any. */
  where?: string;
}

/**
 * One page of every parent's children in one statement — a caseload's clients, each client's
 * travel history, each file's access log: for each parent, the rows of its page only, with one
 * to spare to tell whether another page follows. Each parent's page is a LIMIT over an index in
 * the page's order, so its cost is the page's size, not the parent's history: numbering every
 * child with a window function first read a client's 900 crossings, or a file's years of
 * access records, to return twenty.
 */
export function pagePerParent<Row>(
  db: Queryable,
  query: PerParentQuery,
  parents: readonly string[],
  page: Page,
): Promise<Row[]> {
  return db.query<Row>(
    `SELECT page.* FROM (SELECT DISTINCT unnest($1::text[]) AS key) parent
     CROSS JOIN LATERAL (
       SELECT ${query.select} FROM ${query.from}
       WHERE ${query.parentColumn} = parent.key${query.where ? ` AND ${query.where}` : ''}
       ORDER BY ${query.orderBy} OFFSET $2 LIMIT $3
     ) page`,
    [parents, page.offset, page.first + 1],
  );
}
