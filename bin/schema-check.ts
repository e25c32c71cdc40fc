import { ClassifiedChange } from './tools/schema-changes';
import { checkAgainstRelease, lastRelease, registeredDocuments } from './tools/schema-versions';

/** A change as one line of the report. */
function describeChange(change: ClassifiedChange): string {
  const ruling = change.ruling
    ? ` — ${change.ruling.allowed ? 'allowed' : 'NOT ALLOWED'}: ${change.ruling.why}`
    : '';
  return `${change.verdict.padEnd(9)} ${change.schema}: ${change.message}${ruling}`;
}

/**
 * `npm run schema:check`: the API schema and each subgraph's SDL against the last release
 * (schema/released/), every change classified, and every registered document validated against
 * the new API schema. Fails on a broken document, and on a breaking change that the released
 * schema did not announce by a deprecation whose removal date has come.
 */
async function main(): Promise<void> {
  const release = lastRelease();
  if (!release) throw new Error('no released schema in schema/released/: run `npm run schema:release` once');
  const today = new Date().toISOString().slice(0, 10);
  const { changes, failures } = await checkAgainstRelease(today);
  console.log(`schema check against release ${release.release} (${release.date})`);
  console.log(changes.length ? changes.map(describeChange).join('\n') : 'no change since the release');
  console.log(`${registeredDocuments().length} registered documents checked against the API schema`);
  if (failures.length) {
    console.error(`\nschema check failed:\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
    process.exit(1);
  }
  console.log('schema check passed');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
