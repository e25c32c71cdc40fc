import { SupergraphSdlHook } from '@apollo/gateway';
import { readFileSync, watch } from 'node:fs';

/**
 * Serves the checked-in supergraph (no introspection of subgraphs at run time) and hands the
 * gateway a new one whenever the file changes, so a re-composed schema goes live without a
 * restart. A file that fails to load keeps the previous schema in service.
 */
export function supergraphFromFile(file: string): SupergraphSdlHook {
  return async ({ update }) => {
    let current = readFileSync(file, 'utf8');
    const watcher = watch(file, { persistent: false }, () => {
      try {
        const next = readFileSync(file, 'utf8');
        if (next.trim() && next !== current) {
          update(next);
          current = next;
          console.log(`[gateway] supergraph reloaded from ${file}`);
        }
      } catch (error) {
        console.error(`[gateway] kept the previous supergraph: ${(error as Error).message}`);
      }
    });
    return { supergraphSdl: current, cleanup: async () => watcher.close() };
  };
}
