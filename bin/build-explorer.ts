import { build } from 'esbuild';
import path from 'node:path';
import { EXPLORER_BUNDLE_DIR } from '../gateway/explorer/graphiql-routes';
import { PROJECT_ROOT } from '../platform/supergraph-config';

/**
 * Part of `npm run build`: bundles the explorer (gateway/explorer/browser/) into one script and
 * one stylesheet in dist/explorer/, which the gateway serves at /graphiql. Everything the page
 * needs is in them: nothing is fetched from elsewhere when it runs.
 */
async function main(): Promise<void> {
  await build({
    entryPoints: { graphiql: path.join(PROJECT_ROOT, 'gateway', 'explorer', 'browser', 'graphiql.ts') },
    outdir: EXPLORER_BUNDLE_DIR,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images the styles name are inlined: the page may load nothing from elsewhere.
    loader: {
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
      '.ttf': 'dataurl',
      '.svg': 'dataurl',
      '.png': 'dataurl',
    },
    logLevel: 'warning',
  });
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
