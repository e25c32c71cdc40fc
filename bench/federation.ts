import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/supergraph-config';
import { heapLimitFlags } from '../platform/config';

/** Starts `script` with an IPC channel and resolves once it reports itself ready (as `npm start`'s parts do). */
function startPart(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyLine?: string,
  execArgv?: string[],
): Promise<ChildProcess> {
  const child = fork(path.join(PROJECT_ROOT, 'dist', script), args, {
    env,
    execArgv,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const isReady = () => {
      ready = true;
      resolve(child);
    };
    // Start-up is shown; once ready, the access log (one line a request, at its shipped level) is
    // read and dropped, as a log shipper would take it, rather than written to the terminal.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      process.stdout.write(chunk);
      if (readyLine && output.includes(readyLine)) isReady();
    });
    child.on('message', (message: { ready?: string }) => {
      if (!readyLine && message.ready) isReady();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** The whole federation, exactly as `npm start` runs it: PostgreSQL, four subgraphs and One Window's gateway. */
export const startFederation = (clients: number, env: NodeJS.ProcessEnv, profileDir?: string) =>
  startPart(
    'bin/start.js',
    ['--clients', String(clients)],
    env,
    'One Window is ready',
    // Every part inherits the flags: each process writes its own profile when it exits.
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined,
  );

/** One Window's gateway without its token check and audit write, beside the real one (bench/targets/one-window-bare.ts). */
export const startBareGateway = (env: NodeJS.ProcessEnv) =>
  startPart('bench/targets/one-window-bare.js', [], env, undefined, heapLimitFlags('gateway', env));

/** One Window's gateway as `npm start` runs it (its heap capped the same way), alone, beside the federation's own. */
export const startGateway = (env: NodeJS.ProcessEnv) =>
  startPart('gateway/main.js', [], env, undefined, heapLimitFlags('gateway', env));

export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
