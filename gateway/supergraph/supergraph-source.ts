import { SupergraphSdlHook } from '@apollo/gateway';
import { readFileSync, watch } from 'node:fs';

/**
 * Serves the checked-in supergraph (no introspection of subgraphs at run time) and hands the
 * gateway a new one whenever the file changes, so a re-composed schema goes live without a
 * restart. A file that fails to load keeps the previous schema in service.
 */
/** `prepare` adapts the file's SDL before the gateway sees it. */
export function supergraphFromFile(
  file: string,
  prepare: (sdl: string) => string = (sdl) => sdl,
): SupergraphSdlHook {
  return async ({ update }) => {
    let current = readFileSync(file, 'utf8');
    const load = () => prepare(current);
    const watcher = watch(file, { persistent: false }, () => {
      try {
        const next = readFileSync(file, 'utf8');
        if (next.trim() && next !== current) {
          current = next;
          update(load());
          console.log(`[gateway] supergraph reloaded from ${file}`);
        }
      } catch (error) {
        console.error(`[gateway] kept the previous supergraph: ${(error as Error).message}`);
      }
    });
    return { supergraphSdl: load(), cleanup: async () => watcher.close() };
  };
}
