// Where the precompiled bot lives (dist/, written by scripts/build-dist.mjs at `npm install`) and
// whether it may be run: only when it was built from the sources exactly as they are now. bin/da06.js
// asks on every start; anything else runs src/ through tsx (docs/adr/0007-precompiled-bundle.md).
// Plain JavaScript with Node built-ins only: it runs before tsx or esbuild is loaded.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST_DIR = join(ROOT, 'dist');
export const DIST_MAIN = join(DIST_DIR, 'main.js');
export const BUILD_INFO = join(DIST_DIR, 'build-info.json');

/** Besides every file under src/, what the build depends on. */
const BUILD_INPUTS = ['package.json', 'tsconfig.json', 'scripts/build-dist.mjs', 'scripts/dist.mjs'];

/**
 * A hash of the path, size and modification time of every file under src/ (the generated Prisma
 * clients included) and of the build's own inputs: any edit, added or deleted file changes it,
 * whether the file became newer or older. Costs a stat per file (≈ 270 files, ≈ 20 ms at start).
 */
export function sourceFingerprint(root = ROOT) {
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .concat(BUILD_INPUTS)
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    let stamp = 'missing';
    try {
      const stat = statSync(join(root, file));
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      // a build input that does not exist is part of the fingerprint too
    }
    hash.update(`${file}\0${stamp}\n`);
  }
  return hash.digest('hex');
}

/**
 * Why dist/ must not run (it is missing, or src/ changed since it was built), or null when it is
 * up to date with the sources.
 */
export function distStaleReason(root = ROOT) {
  let info;
  try {
    info = JSON.parse(readFileSync(join(root, 'dist', 'build-info.json'), 'utf8'));
  } catch {
    return 'dist/ has not been built';
  }
  if (info.fingerprint !== sourceFingerprint(root)) return 'src/ changed since dist/ was built';
  return null;
}

/** The URL of dist/main.js when it is up to date with src/, else null. */
export function freshDistMain(root = ROOT) {
  return distStaleReason(root) === null ? pathToFileURL(join(root, 'dist', 'main.js')).href : null;
}
