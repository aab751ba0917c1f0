/**
 * `node bin/run-ts.js bench/profile-summary.ts FILE.cpuprofile [--top N] [--until MS]`: where a V8 CPU profile
 * (`node --cpu-prof …`) spent its time — self time by package or source file, by function, and the
 * inclusive time of the repository's own functions. How docs/performance.md's profiles were read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository's root as profiles name it (`file:///…/`). */
const ROOT = `${pathToFileURL(resolve(import.meta.dirname, '..')).href}/`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Which package (node_modules/…), repository file, or engine bucket a frame belongs to. */
export function bucketOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  return url.startsWith(ROOT) ? url.slice(ROOT.length) : url;
}

/** `untilMs`: only the first milliseconds of the profile (e.g. a process's start-up until ready). */
export function summarize(profile: Profile, top = 25, untilMs = Number.POSITIVE_INFINITY): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    elapsed += profile.timeDeltas[i] ?? 0;
    if (elapsed / 1000 > untilMs) break;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, time] of self) {
    const node = byId.get(id)!;
    const { url, functionName, lineNumber } = node.callFrame;
    const bucket = bucketOf(url, functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + time);
    const fn = `${functionName || '(anonymous)'} ${bucket}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + time);
    // Inclusive time of the repository's own frames (each counted once per sample).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.url.startsWith(`${ROOT}src/`) && !frame.url.startsWith(`${ROOT}bench/`)) continue;
      const key = `${frame.functionName || '(anonymous)'} ${bucketOf(frame.url, '')}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + time);
    }
  }
  const ms = (us: number) =>
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)} %`;
  const list = (title: string, map: Map<string, number>) =>
    [
      title,
      ...[...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => `${ms(v)}  ${k}`),
    ].join('\n');
  return [
    `profile: ${(total / 1000).toFixed(0)} ms sampled`,
    list('-- self time by package / file', buckets),
    list('-- self time by function', functions),
    list('-- inclusive time of repository functions', inclusive),
  ].join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench/profile-summary.ts FILE.cpuprofile [--top N]');
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
  const untilIndex = process.argv.indexOf('--until');
  const until = untilIndex > 0 ? Number(process.argv[untilIndex + 1]) : Number.POSITIVE_INFINITY;
  process.stdout.write(`${summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, top, until)}\n`);
}
