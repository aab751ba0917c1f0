/**
 * `npm ci` on a fresh clone: it refuses a lock file that lacks any platform's optional package, and a
 * later `npm install` rewrites a lock written with registry URLs on a machine configured without them.
 * (.ci/run installs with `npm ci` and checks `git status --porcelain` after it and after `npm install`.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface LockEntry {
  version?: string;
  resolved?: string;
  optionalDependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  engines: Record<string, string>;
};

/** Where npm would look a dependency of the package at `path` up: its own node_modules, then upwards. */
function locate(path: string, name: string): LockEntry | undefined {
  let base = path;
  for (;;) {
    const found = lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (found) return found;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('lists every optional package of every platform (npm ci refuses a lock without them)', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!locate(path, name)) missing.push(`${path || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('carries no registry URLs, and .npmrc keeps them out on every machine', () => {
    const withUrl = Object.entries(lock.packages).filter(([, entry]) => entry.resolved);
    expect(withUrl.map(([path]) => path)).toEqual([]);
    expect(readFileSync(resolve(root, '.npmrc'), 'utf8')).toMatch(/^omit-lockfile-registry-resolved=true$/m);
  });

  it('agrees with package.json on the Node versions (22 and 24, 20.19 still working)', () => {
    expect(lock.packages['']?.engines).toEqual(pkg.engines);
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || >=24.0.0');
  });
});
