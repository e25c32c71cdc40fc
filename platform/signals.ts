/**
 * Stops a process cleanly on a service manager's SIGTERM, on Ctrl-C, or when the `npm start`
 * that forked it is gone (its IPC channel closes), then exits 0. `stop` itself bounds how long
 * in-flight work may take. A repeated SIGTERM changes nothing (a supervisor may signal the whole
 * group, and `npm start` then signals each part again); a second Ctrl-C exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, log: (line: string) => void = console.log): void {
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) {
      if (why === 'SIGINT') process.exit(1);
      return;
    }
    stopping = true;
    log(`stopping (${why})`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (process.send) process.once('disconnect', () => shutdown('parent gone'));
}
