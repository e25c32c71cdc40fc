import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ClassifiedChange, Verdict } from './tools/schema-changes';
import {
  CHANGELOG,
  checkAgainstRelease,
  checkedSchemas,
  currentSdl,
  DEPRECATIONS_FILE,
  deprecationsAt,
  lastRelease,
  Release,
  RELEASE_FILE,
  RELEASED_DIR,
} from './tools/schema-versions';

const HEADINGS: Record<Verdict, string> = {
  breaking: 'Breaking (removals announced by a deprecation)',
  dangerous: 'Dangerous',
  safe: 'Safe',
};

/** The changelog's section for a release: its changes by class, each schema named. */
function changelogSection(release: Release, changes: readonly ClassifiedChange[]): string {
  const lines = [`## Release ${release.release} — ${release.date}`, ''];
  if (release.release === 1)
    lines.push('The first recorded release: the API schema and each subgraph’s SDL as of this date.', '');
  for (const verdict of ['breaking', 'dangerous', 'safe'] as const) {
    const of = changes.filter((change) => change.verdict === verdict);
    if (!of.length) continue;
    lines.push(
      `### ${HEADINGS[verdict]}`,
      '',
      ...of.map((change) => `- \`${change.schema}\`: ${change.message}`),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run schema:release`: records the checked-in schemas as released (schema/released/) and
 * appends their classified changes to schema/CHANGELOG.md. Refused while the schema check fails.
 */
async function main(): Promise<void> {
  const previous = lastRelease();
  const today = new Date().toISOString().slice(0, 10);
  const { changes, failures } = previous ? await checkAgainstRelease(today) : { changes: [], failures: [] };
  if (failures.length) throw new Error(`not released: the schema check fails\n${failures.join('\n')}`);
  if (previous && changes.length === 0) {
    console.log(`nothing to release: the schemas are as in release ${previous.release}`);
    return;
  }
  const release: Release = { release: (previous?.release ?? 0) + 1, date: today };
  mkdirSync(RELEASED_DIR, { recursive: true });
  for (const name of checkedSchemas())
    writeFileSync(path.join(RELEASED_DIR, `${name}.graphql`), currentSdl(name));
  writeFileSync(RELEASE_FILE, `${JSON.stringify(release, null, 2)}\n`);
  writeFileSync(DEPRECATIONS_FILE, `${JSON.stringify(deprecationsAt(today), null, 2)}\n`);
  if (!existsSync(CHANGELOG))
    writeFileSync(
      CHANGELOG,
      '# Schema changelog\n\nEach release of the API schema and the subgraphs’ SDL, written by `npm run schema:release`.\n\n',
    );
  appendFileSync(CHANGELOG, changelogSection(release, changes));
  console.log(
    `released ${release.release} (${release.date}): ${changes.length} changes recorded in schema/CHANGELOG.md`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
