import { SupergraphSdlHook } from '@apollo/gateway';
import { readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { Logger } from '../../platform/observability/logger';

/**
 * Serves the checked-in supergraph (no introspection of subgraphs at run time) and hands the
 * gateway a new one whenever the file changes, so a re-composed schema goes live without a
 * restart: requests already running finish on the schema they started with. A file that does
 * not build (unreadable, empty, not a valid supergraph) is refused and the previous schema stays
 * in service. The folder is watched, not the file, so a file replaced by rename (as editors and
 * deployment tools do) is still seen; a folder that goes away stops the watching, not the gateway. `prepare` adapts the file's SDL before the gateway sees it.
 */
export function supergraphFromFile(
  file: string,
  prepare: (sdl: string) => string,
  logger: Pick<Logger, 'info' | 'error'>,
): SupergraphSdlHook {
  return async ({ update }) => {
    let current = readFileSync(file, 'utf8');
    // Any change in the folder is looked at, since the file may change through a renamed
    // symlink (a Kubernetes ConfigMap swaps `..data`); only a different text is loaded.
    const watcher = watch(path.dirname(file), { persistent: false }, () => {
      try {
        const next = readFileSync(file, 'utf8');
        if (next === current) return;
        update(prepare(next));
        current = next;
        logger.info({ file }, 'supergraph reloaded');
      } catch (error) {
        logger.error(
          { file, reason: (error as Error).message.slice(0, 500) },
          'supergraph refused; the previous one stays in service',
        );
      }
    });
    watcher.on('error', (error) => logger.error({ file, reason: error.message }, 'supergraph watch stopped'));
    return { supergraphSdl: prepare(current), cleanup: async () => watcher.close() };
  };
}
