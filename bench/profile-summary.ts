import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `node dist/bench/profile-summary.js DIR`: where each profiled process spent its time, from the
 * .cpuprofile files `npm run bench -- --profile DIR` leaves (one per process): self time grouped
 * by package (node_modules/<name>), by One Window's own folders, and by Node's internals.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

function groupOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)')
    return functionName;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  const own = /\/dist\/([^/]+\/[^/]+)/.exec(url);
  if (own) return `one-window ${own[1]}`;
  if (url.startsWith('node:'))
    return url
      .replace(/^node:(internal\/)?/, 'node ')
      .split('/')
      .slice(0, 2)
      .join('/');
  return url ? url : `native ${functionName}`;
}

function summarize(file: string): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const groups = new Map(profile.nodes.map((node) => [node.id, groupOf(node.callFrame)]));
  const counts = new Map<string, number>();
  for (const sample of profile.samples) {
    const group = groups.get(sample) ?? 'unknown';
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const total = profile.samples.length;
  const lines = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([group, count]) => `  ${((count * 100) / total).toFixed(1).padStart(5)}%  ${group}`);
  return `${path.basename(file)} (${total} samples)\n${lines.join('\n')}`;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node dist/bench/profile-summary.js DIR');
  process.exit(2);
}
for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')))
  console.log(summarize(path.join(dir, file)));
