import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE']).toString().trim()) || 4096;

interface Stat {
  ppid: number;
  cpuMs: number;
  /** CPU of its children that have exited and been waited for (PostgreSQL's backends that closed). */
  exitedChildrenCpuMs: number;
  rssBytes: number;
}

function statOf(pid: number): Stat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (command) ": state, ppid, … utime (12th), stime, cutime, cstime, … rss (22nd).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (ticks: string) => (Number(ticks) * 1000) / TICKS_PER_SECOND;
    return {
      ppid: Number(fields[1]),
      cpuMs: ms(fields[11]) + ms(fields[12]),
      exitedChildrenCpuMs: ms(fields[13]) + ms(fields[14]),
      rssBytes: Number(fields[21]) * PAGE_BYTES,
    };
  } catch {
    return null;
  }
}

/** Every live process: its own CPU time and memory, and its parent. */
function snapshot(): Map<number, Stat> {
  const processes = new Map<number, Stat>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = statOf(pid);
    if (stat) processes.set(pid, stat);
  }
  return processes;
}

function withDescendants(root: number, processes: Map<number, Stat>): number[] {
  if (root < 0) return processes.has(-root) ? [-root] : [];
  const found = [root];
  for (let index = 0; index < found.length; index += 1)
    for (const [pid, stat] of processes) if (stat.ppid === found[index]) found.push(pid);
  return found.filter((pid) => processes.has(pid));
}

export interface Usage {
  /** CPU time of the group's processes over the run, in ms. */
  cpuMs: number;
  /** The largest resident set of any one of its processes, sampled every second. */
  maxRssMb: number;
}

/**
 * CPU time and memory of named process groups (a process and all its descendants: PostgreSQL's
 * server with its backends, Hive Gateway with any worker) over one run, from /proc.
 */
export class ProcessUsage {
  private readonly start: Map<string, number>;
  private readonly maxRss = new Map<string, number>();
  private readonly sampler: NodeJS.Timeout;

  /** `groups`: a name for each process whose tree is measured; a negative pid measures that process alone. */
  constructor(private readonly groups: Record<string, number>) {
    this.start = this.cpu();
    this.sampler = setInterval(() => this.sampleRss(), 1_000);
    this.sampleRss();
  }

  private cpu(processes = snapshot()): Map<string, number> {
    return new Map(
      Object.entries(this.groups).map(([name, root]) => [
        name,
        // A tree counts its exited members too: a process that ended during the run took its time along.
        withDescendants(root, processes).reduce((sum, pid) => {
          const { cpuMs, exitedChildrenCpuMs } = processes.get(pid)!;
          return sum + cpuMs + (root > 0 ? exitedChildrenCpuMs : 0);
        }, 0),
      ]),
    );
  }

  private sampleRss(): void {
    const processes = snapshot();
    for (const [name, root] of Object.entries(this.groups)) {
      const largest = Math.max(
        0,
        ...withDescendants(root, processes).map((pid) => processes.get(pid)!.rssBytes),
      );
      this.maxRss.set(name, Math.max(this.maxRss.get(name) ?? 0, largest));
    }
  }

  stop(): Record<string, Usage> {
    clearInterval(this.sampler);
    this.sampleRss();
    const end = this.cpu();
    return Object.fromEntries(
      Object.keys(this.groups).map((name) => [
        name,
        {
          cpuMs: Math.round(end.get(name)! - this.start.get(name)!),
          maxRssMb: Math.round(this.maxRss.get(name)! / 2 ** 20),
        },
      ]),
    );
  }
}

/**
 * Waits until the groups together use under a tenth of a core over a quarter of a second (the
 * previous run's queued work, PostgreSQL's background writes and the garbage collector are done),
 * or ten seconds have passed; returns how long it waited.
 */
export async function waitUntilIdle(groups: Record<string, number>): Promise<number> {
  const started = Date.now();
  const total = (usage: ProcessUsage) =>
    Object.values(usage.stop()).reduce((sum, { cpuMs }) => sum + cpuMs, 0);
  while (Date.now() - started < IDLE_WAIT_LIMIT_MS) {
    const usage = new ProcessUsage(groups);
    await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
    if (total(usage) < IDLE_WINDOW_MS * 0.1) break;
  }
  return Date.now() - started;
}

const IDLE_WINDOW_MS = 250;
const IDLE_WAIT_LIMIT_MS = 10_000;

/** The first descendant of `root` whose command line contains `marker`. */
export function findProcess(root: number, marker: string): number {
  const processes = snapshot();
  for (const pid of withDescendants(root, processes)) {
    const command = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        return '';
      }
    })();
    if (command.includes(marker)) return pid;
  }
  throw new Error(`no process under ${root} runs ${marker}`);
}
