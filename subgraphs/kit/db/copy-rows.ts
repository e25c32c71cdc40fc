import { Transaction } from './database';
import { SeedOptions } from '../subgraph-definition';

export type Row = Record<string, unknown>;

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null; backslash, tab and line breaks escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
          ? String(value)
          : JSON.stringify(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Writes rows into a table with COPY: about ten times faster than INSERT … SELECT for bulk loads. */
export async function copyRows(
  tx: Transaction,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const text = rows.map((row) => columns.map((column) => copyValue(row[column])).join('\t')).join('\n');
  await tx.copyFrom(table, columns, `${text}\n`);
}

/** Clients generated and written per round. */
const BATCH = 2_000;

/**
 * Seeds a subgraph's share of the population a batch of clients at a time: `addClient` draws one
 * client's rows into the batch's tables, which are copied in the order given (foreign keys first).
 * The next batch is drawn while the server writes the last one, so both cores work.
 */
export async function seedInBatches<Table extends string>(
  tx: Transaction,
  { clients, log }: SeedOptions,
  name: string,
  tables: Readonly<Record<Table, readonly string[]>>,
  addClient: (index: number, rows: Record<Table, Row[]>) => void,
): Promise<void> {
  const order = Object.keys(tables) as Table[];
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < clients; start += BATCH) {
    const rows = Object.fromEntries(order.map((table) => [table, []])) as unknown as Record<Table, Row[]>;
    const end = Math.min(clients, start + BATCH);
    for (let index = start; index < end; index += 1) addClient(index, rows);
    await writing;
    writing = (async () => {
      for (const table of order) await copyRows(tx, table, tables[table], rows[table]);
      log?.(`${name}: ${end} of ${clients} clients`);
    })();
  }
  await writing;
}
