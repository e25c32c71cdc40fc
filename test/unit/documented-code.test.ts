import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { documentationPages, examplesOf } from '../fixtures/documented-examples';

/**
 * The TypeScript a page shows a front-end team compiles as written, against the kit's generated
 * types, with the project's compiler settings: a renamed field or an import the project lacks
 * fails here.
 */
const ROOT = path.join(__dirname, '..', '..');
const snippets = documentationPages()
  .flatMap(examplesOf)
  .filter((example) => example.language === 'ts' && example.settings.compile === 'true');

describe('TypeScript shown in the documentation', () => {
  it('is there to compile', () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  it.each(snippets.map((snippet) => [snippet.where, snippet] as const))(
    '%s compiles as written',
    (where, snippet) => {
      // Beside the README, so that its relative imports resolve as a reader's copy would.
      const file = path.join(ROOT, `.documented-snippet-${process.pid}.ts`);
      writeFileSync(file, snippet.code);
      try {
        const config = ts.getParsedCommandLineOfConfigFile(
          path.join(ROOT, 'tsconfig.json'),
          {},
          {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
              throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
            },
          },
        )!;
        const program = ts.createProgram([file], { ...config.options, noEmit: true });
        const problems = ts
          .getPreEmitDiagnostics(program)
          .filter((diagnostic) => diagnostic.file?.fileName === file || !diagnostic.file)
          .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        expect({ where, problems }).toEqual({ where, problems: [] });
      } finally {
        rmSync(file, { force: true });
      }
    },
  );
});
