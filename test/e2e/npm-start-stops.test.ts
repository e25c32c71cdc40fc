import { npmStart, NpmStarted, portsClosed } from '../fixtures/npm-start';

/**
 * However One Window is stopped, no part is left behind holding its port: Ctrl-C in a terminal,
 * or npm itself killed outright (the parts then notice their parent is gone).
 */
const running: NpmStarted[] = [];
afterAll(() => Promise.all(running.map((started) => started.cleanUp())));

/** Until every port is closed, or the time is up: what is still open then is reported. */
async function untilClosed(ports: readonly number[], withinMs: number): Promise<boolean[]> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const closed = await portsClosed(ports);
    if (closed.every(Boolean) || Date.now() > deadline) return closed;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('stopping npm start', () => {
  it('on Ctrl-C in a terminal (SIGINT to npm and the start script together) stops every part, and npm exits 0', async () => {
    const started = await npmStart(20, { ownGroup: true });
    running.push(started);
    process.kill(-started.npm.pid!, 'SIGINT');
    expect(await started.exited).toBe(0);
    expect(await portsClosed(started.allPorts)).toEqual(started.allPorts.map(() => true));
  });

  it('when npm is killed outright (SIGKILL), stops every part by itself within seconds', async () => {
    const started = await npmStart(20);
    running.push(started);
    started.npm.kill('SIGKILL');
    expect(await untilClosed(started.allPorts, 30_000)).toEqual(started.allPorts.map(() => true));
    expect(started.output()).toContain('the process that started One Window is gone; stopping');
  });
});
