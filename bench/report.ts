import { LoadResult } from './load';
import { Usage } from './process-usage';

export interface Run {
  workload: string;
  target: string;
  repetition: number;
  result: LoadResult;
  usage: Record<string, Usage>;
}

interface Report {
  ranAt: string;
  machine: { cpus: number; cpuModel?: string; memoryGiB: number; node: string };
  settings: {
    clients: number;
    duration: number;
    connections: number;
    repeat: number;
    rates: number[];
    overloadSeconds?: number;
  };
  runs: Run[];
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
/** The median of the repetitions: one slow or fast run on a shared machine does not move it. */
export const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
/** "median (lowest–highest)" of the repetitions. */
const medianAndRange = (values: number[], digits = 0) =>
  values.length
    ? `${fixed(median(values), digits)} (${fixed(Math.min(...values), digits)}–${fixed(Math.max(...values), digits)})`
    : '–';
const modeOf = ({ result }: Run) =>
  result.phase ??
  (result.mode === 'closed'
    ? result.connections === 1
      ? 'unloaded'
      : 'closed'
    : `open ${result.targetRate}/s`);
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ratio = (a: number, b: number) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

/** The summary BENCHMARKS.md quotes: ratios first, then latency under fixed rates, then where the CPU went. */
export function markdownReport({ ranAt, machine, settings, runs }: Report): string {
  const workloads = [...new Set(runs.map((run) => run.workload))];
  const targets = [...new Set(runs.map((run) => run.target))];
  const closed = (workload: string, target: string, connections = settings.connections) =>
    runs.filter(
      (run) =>
        run.workload === workload &&
        run.target === target &&
        run.result.mode === 'closed' &&
        run.result.connections === connections &&
        !run.result.phase,
    );
  const throughput = (workload: string, target: string) =>
    median(closed(workload, target).map((run) => run.result.requestsPerSecond));
  const spread = (workload: string, target: string) =>
    medianAndRange(closed(workload, target).map((run) => run.result.requestsPerSecond));
  const latency = (workload: string, target: string) => {
    const found = closed(workload, target);
    return found.length
      ? `${fixed(median(found.map((run) => run.result.latencyMs.p50)), 1)} / ${fixed(median(found.map((run) => run.result.latencyMs.p99)), 1)}`
      : '–';
  };
  const lines = [
    `Ran ${ranAt} on ${machine.cpus} × ${machine.cpuModel ?? 'CPU'}, ${machine.memoryGiB} GiB, Node ${machine.node}; load generator, gateways, subgraphs and PostgreSQL on the same machine.`,
    `${settings.clients.toLocaleString('en')} seeded clients; ${settings.duration} s per run; closed loop at ${settings.connections} connections, repeated ${settings.repeat}×.`,
    '',
    `### Throughput, closed loop (${settings.connections} connections): req/s, median (lowest–highest) of ${settings.repeat} runs in rotated order`,
    '',
    '| workload | One Window | Hive Gateway | direct | OW / Hive | OW / direct | OW without token check & audit | their cost | p50 / p99 ms: OW · Hive · direct |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...workloads.map((workload) => {
      const ow = throughput(workload, 'one-window');
      const bare = throughput(workload, 'one-window-bare');
      return `| ${workload} | ${spread(workload, 'one-window')} | ${spread(workload, 'hive-gateway')} | ${spread(workload, 'direct')} | ${ratio(ow, throughput(workload, 'hive-gateway'))} | ${ratio(ow, throughput(workload, 'direct'))} | ${spread(workload, 'one-window-bare')} | ${bare ? `${fixed((1 - ow / bare) * 100)}%` : '–'} | ${latency(workload, 'one-window')} · ${latency(workload, 'hive-gateway')} · ${latency(workload, 'direct')} |`;
    }),
    '',
    '### Unloaded (one connection): p50 ms, median (lowest–highest)',
    '',
    '| workload | One Window | Hive Gateway | direct | OW / direct |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...workloads.map((workload) => {
      const p50s = (target: string) => closed(workload, target, 1).map((run) => run.result.latencyMs.p50);
      return `| ${workload} | ${medianAndRange(p50s('one-window'), 1)} | ${medianAndRange(p50s('hive-gateway'), 1)} | ${medianAndRange(p50s('direct'), 1)} | ${ratio(median(p50s('one-window')), median(p50s('direct')))} |`;
    }),
    '',
    '### Every target: closed-loop req/s · unloaded p50 ms, medians',
    '',
    `| workload | ${targets.join(' | ')} |`,
    `| --- | ${targets.map(() => '---:').join(' | ')} |`,
    ...workloads.map((workload) => {
      const cells = targets.map((target) => {
        const p50 = median(closed(workload, target, 1).map((run) => run.result.latencyMs.p50));
        return `${fixed(throughput(workload, target))} · ${fixed(p50, 1)}`;
      });
      return `| ${workload} | ${cells.join(' | ')} |`;
    }),
    '',
    '### Open loop (fixed arrival rate): achieved req/s, p50 / p99 ms (medians; p99 with its range; dropped: arrivals beyond 500 waiting)',
    '',
    `| workload | rate | ${targets.filter((target) => target !== 'one-window-bare').join(' | ')} |`,
    `| --- | ---: | ${targets
      .filter((target) => target !== 'one-window-bare')
      .map(() => '---')
      .join(' | ')} |`,
    ...workloads.flatMap((workload) =>
      settings.rates.map((rate) => {
        const cells = targets
          .filter((target) => target !== 'one-window-bare')
          .map((target) => {
            const found = runs.filter(
              (candidate) =>
                candidate.workload === workload &&
                candidate.target === target &&
                candidate.result.targetRate === rate &&
                !candidate.result.phase,
            );
            if (!found.length) return '–';
            const of = (pick: (run: Run) => number) => median(found.map(pick));
            const dropped = found.reduce((sum, run) => sum + run.result.dropped, 0);
            const failed = found.reduce((sum, run) => sum + run.result.failed, 0);
            return `${fixed(of((run) => run.result.requestsPerSecond))}: ${fixed(
              of((run) => run.result.latencyMs.p50),
              1,
            )} / ${medianAndRange(
              found.map((run) => run.result.latencyMs.p99),
              1,
            )}${dropped || failed ? ` (${dropped} dropped, ${failed} failed over ${found.length} runs)` : ''}`;
          });
        return `| ${workload} | ${rate}/s | ${cells.join(' | ')} |`;
      }),
    ),
    '',
    ...overloadTable(runs, workloads, targets, settings.overloadSeconds ?? 0, (workload) =>
      median(closed(workload, 'one-window', 1).map((run) => run.result.latencyMs.p50)),
    ),
    `### CPU per request, closed loop: ms of CPU in each process (group) per answered request`,
    '',
    ...cpuTable(runs, workloads, targets, settings.connections),
    '',
    '### Largest resident set of any one process in each group, per mode: MB, median of the runs',
    '',
    ...rssTable(runs, workloads),
    '',
  ];
  return lines.join('\n');
}

/**
 * Offered twice One Window's closed-loop capacity: what each target still answered (goodput, as a
 * share of that capacity), how many it refused and how quickly, the p99 of what it answered
 * against five times One Window's unloaded p50, and the p50 of one connection right after.
 */
function overloadTable(
  runs: Run[],
  workloads: string[],
  targets: string[],
  seconds: number,
  unloadedP50: (workload: string) => number,
): string[] {
  const of = (workload: string, target: string, phase: 'overload' | 'recovery') =>
    runs.filter((run) => run.workload === workload && run.target === target && run.result.phase === phase);
  const rows = workloads.flatMap((workload) => {
    const capacity = (of(workload, 'one-window', 'overload')[0]?.result.targetRate ?? 0) / 2;
    return targets
      .filter((target) => of(workload, target, 'overload').length)
      .map((target) => {
        const found = of(workload, target, 'overload');
        const total = (pick: (result: LoadResult) => number) =>
          found.reduce((sum, run) => sum + pick(run.result), 0);
        const goodput = found.map((run) => run.result.timely / run.result.seconds);
        const refusedP50 = found.flatMap((run) => run.result.refusedLatencyMs?.p50 ?? []);
        const recovery = of(workload, target, 'recovery').map((run) => run.result.latencyMs.p50);
        return `| ${workload} | ${target} | ${fixed(capacity * 2)}/s | ${medianAndRange(goodput)} | ${fixed((median(goodput) / capacity) * 100)}% | ${fixed(total((r) => r.refused) / found.length / seconds, 1)}/s, p50 ${refusedP50.length ? fixed(median(refusedP50), 1) : '–'} ms | ${fixed(total((r) => r.failed + r.dropped) / found.length / seconds, 1)}/s | ${medianAndRange(
          found.map((run) => run.result.latencyMs.p99),
          1,
        )} (${ratio(median(found.map((run) => run.result.latencyMs.p99)), unloadedP50(workload))}) | ${medianAndRange(recovery, 1)} |`;
      });
  });
  if (!rows.length) return [];
  return [
    `### Overload: twice One Window's closed-loop capacity for ${seconds} s, then one connection at once (medians of the runs; rates per second of overload)`,
    '',
    "| workload | target | offered | answered within 2 s, req/s | of OW's capacity | refused (503) | failed or dropped | p99 of answered, ms (× OW unloaded p50) | p50 right after, ms |",
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function cpuTable(runs: Run[], workloads: string[], targets: string[], connections: number): string[] {
  const groups = Object.keys(runs[0]?.usage ?? {});
  return [
    `| workload | target | ${groups.join(' | ')} | all |`,
    `| --- | --- | ${groups.map(() => '---:').join(' | ')} | ---: |`,
    ...workloads.flatMap((workload) =>
      targets.map((target) => {
        const found = runs.filter(
          (run) =>
            run.workload === workload &&
            run.target === target &&
            run.result.mode === 'closed' &&
            run.result.connections === connections &&
            !run.result.phase,
        );
        const perRequest = (group: string) =>
          mean(found.map((run) => run.usage[group].cpuMs / Math.max(1, run.result.completed)));
        const cells = groups.map((group) => perRequest(group));
        return `| ${workload} | ${target} | ${cells.map((cell) => fixed(cell, 2)).join(' | ')} | ${fixed(
          cells.reduce((sum, cell) => sum + cell, 0),
          2,
        )} |`;
      }),
    ),
  ];
}

function rssTable(runs: Run[], workloads: string[]): string[] {
  const groups = Object.keys(runs[0]?.usage ?? {});
  const rows = new Map<string, Run[]>();
  for (const run of runs) {
    const key = `| ${run.workload} | ${run.target} | ${modeOf(run)} |`;
    rows.set(key, [...(rows.get(key) ?? []), run]);
  }
  return [
    `| workload | target | mode | ${groups.join(' | ')} |`,
    `| --- | --- | --- | ${groups.map(() => '---:').join(' | ')} |`,
    ...workloads.flatMap((workload) =>
      [...rows.entries()]
        .filter(([, found]) => found[0].workload === workload)
        .map(
          ([key, found]) =>
            `${key} ${groups.map((group) => fixed(median(found.map((run) => run.usage[group].maxRssMb)))).join(' | ')} |`,
        ),
    ),
  ];
}
