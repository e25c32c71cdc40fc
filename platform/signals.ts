/** Stops a server cleanly on Ctrl-C or a service manager's SIGTERM, then exits. */
export function stopOnSignals(stop: () => Promise<void>): void {
  const shutdown = async () => {
    await stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}
