import { Page } from '../pagination';
import { Queryable } from './database';

/** The parts of a per-parent page query: which rows, whose, in what order. */
export interface PerParentQuery {
  /** The columns each row carries, e.g. `c.uci, c.family_name AS "familyName"`. */
  select: string;
  from: string;
  /** The column naming each row's parent; `$1` is the array of parents asked for. */
  parentColumn: string;
  /** The parent as the rows carry it (an alias in `select`), by which they are returned. */
  parentKey: string;
  orderBy: string;
  /** More conditions on the rows, if any. */
  where?: string;
}

/**
 * One page of every parent's children in one statement — a caseload's clients, each client's
 * travel history, each file's access log: rows are numbered per parent by a window function and
 * the page kept, with one row to spare per parent to tell whether another page follows.
 */
export function pagePerParent<Row>(
  db: Queryable,
  query: PerParentQuery,
  parents: readonly string[],
  page: Page,
): Promise<Row[]> {
  return db.query<Row>(
    `SELECT ranked.* FROM (
       SELECT ${query.select}, row_number() OVER (PARTITION BY ${query.parentColumn} ORDER BY ${query.orderBy}) AS position
       FROM ${query.from} WHERE ${query.parentColumn} = ANY($1)${query.where ? ` AND ${query.where}` : ''}
     ) ranked
     WHERE position > $2 AND position <= $2 + $3
     ORDER BY "${query.parentKey}", position`,
    [parents, page.offset, page.first + 1],
  );
}
