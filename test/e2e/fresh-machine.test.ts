import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The README's test command passes on a machine without the optional servers: a suite that needs
 * one reports its tests as skipped, with the reason, and the run exits 0.
 */

const ROOT = path.resolve(__dirname, '../..');

/** A PATH that finds every command this one does except those named. */
function pathWithout(commands: string[], folder: string): string {
  const linked = new Set<string>(commands);
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!directory || !existsSync(directory)) continue;
    for (const name of readdirSync(directory)) {
      if (linked.has(name)) continue;
      linked.add(name);
      symlinkSync(path.join(directory, name), path.join(folder, name));
    }
  }
  return folder;
}

function runJest(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('on a machine without redis-server', () => {
  let bin: string;
  let withoutRedis: string;

  beforeAll(() => {
    bin = mkdtempSync(path.join(tmpdir(), 'one-window-path-'));
    withoutRedis = pathWithout(['redis-server'], bin);
  });

  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  /** The Redis suites, run as a fresh jest would be on a machine without redis-server, in CI or not. */
  const runWithoutRedis = (ci: boolean) => {
    const {
      CI: _ci,
      ONE_WINDOW_TEST_REDIS_URL: _redis,
      ONE_WINDOW_TEST_POSTGRES_URL: _postgres,
      JEST_WORKER_ID: _worker,
      ...env
    } = process.env;
    return runJest(['--ci', 'test/integration/replicas.test.ts'], {
      ...env,
      ...(ci ? { CI: 'true' } : {}),
      PATH: withoutRedis,
    });
  };

  it('the suites that need Redis pass with their tests skipped and the reason in the summary', async () => {
    const { code, output } = await runWithoutRedis(false);
    expect(output).toMatch(
      /^3 skipped: redis-server not installed; `apt-get install redis-server` runs them$/m,
    );
    expect(output).toMatch(/^0 passed, 0 failed, 3 skipped$/m);
    expect(code).toBe(0);
  });

  it('fail in CI, which installs every server', async () => {
    const { code, output } = await runWithoutRedis(true);
    expect(output).toContain('CI runs every suite: redis-server not installed');
    expect(code).not.toBe(0);
  });
});
