// Builds dist/: the bot's TypeScript (src/) bundled by esbuild into ES modules that Node runs
// without tsx's loader, which saves start-up time and memory (docs/performance.md, footprint;
// docs/adr/0007-precompiled-bundle.md). `npm install` runs it after generating the Prisma clients;
// `npm run build` runs it again after editing src/. bin/da06.js runs dist/ only while
// dist/build-info.json matches the sources (scripts/dist.mjs), so a stale build never runs.
//
// - Packages stay external: they are imported from node_modules as they are under tsx.
// - Dynamic imports stay dynamic (code splitting): a chunk loads when the sources would load its module.
// - `import.meta.url`, `.dirname` and `.filename` in src/ are rewritten to the original file's
//   location, so paths computed from them (data/, prisma/) are the same as when the sources run.
// - A new build goes in beside the old one: chunks first, then main.js, then build-info.json, each
//   by rename. A bot started from the old build can still import its chunks when it needs them
//   later (a report's document writers); chunks no build refers to are removed after a week.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST_DIR, ROOT, sourceFingerprint } from './dist.mjs';

const SRC_FILE = /[\\/]src[\\/].*\.ts$/;
const KEEP_UNUSED_MS = 7 * 24 * 3600 * 1000;

/** Rewrites import.meta.* in a source file so that it names that file, not the chunk it ends up in. */
function sourceLocation(outDir) {
  return {
    name: 'source-location',
    setup(build) {
      build.onLoad({ filter: SRC_FILE }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        if (contents.includes('import.meta.')) {
          const file = relative(outDir, args.path).split('\\').join('/');
          const dir = relative(outDir, dirname(args.path)).split('\\').join('/');
          contents = contents
            .replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(file)}, import.meta.url).href`)
            .replace(
              /\bimport\.meta\.dirname\b/g,
              `__da06_resolve(import.meta.dirname, ${JSON.stringify(dir)})`,
            )
            .replace(
              /\bimport\.meta\.filename\b/g,
              `__da06_resolve(import.meta.dirname, ${JSON.stringify(file)})`,
            );
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles src/cli/main.ts into `outDir` (dist/ by default) and records the sources' fingerprint in
 * its build-info.json. `outDir` must be inside the repository, so that node_modules resolves from it.
 */
export async function buildDist({ root = ROOT, outDir = DIST_DIR } = {}) {
  const esbuild = await import('esbuild');
  // Taken before building: a file edited during the build makes the result stale, never wrongly fresh.
  const fingerprint = sourceFingerprint(root);
  const started = performance.now();
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: join(root, 'src/cli/main.ts') },
      outdir: staging,
      entryNames: '[name]',
      // Every chunk beside main.js: the import.meta rewrite assumes they all sit in one folder.
      chunkNames: '[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      packages: 'external',
      sourcemap: 'linked',
      sourcesContent: false,
      banner: { js: "import { resolve as __da06_resolve } from 'node:path';" },
      plugins: [sourceLocation(outDir)],
      logLevel: 'warning',
    });
    const built = readdirSync(staging);
    writeFileSync(
      join(staging, 'build-info.json'),
      `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString(), esbuild: esbuild.version }, null, 2)}\n`,
    );
    mkdirSync(outDir, { recursive: true });
    const last = ['main.js.map', 'main.js', 'build-info.json'];
    for (const name of [...built.filter((n) => !last.includes(n)), ...last]) {
      renameSync(join(staging, name), join(outDir, name));
    }
    const current = new Set([...built, 'build-info.json']);
    for (const name of readdirSync(outDir)) {
      const path = join(outDir, name);
      if (!current.has(name) && Date.now() - statSync(path).mtimeMs > KEEP_UNUSED_MS)
        rmSync(path, { force: true });
    }
    return {
      files: built.filter((n) => n.endsWith('.js')).length,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const built = await buildDist();
    console.log(`build-dist: ${built.files} modules in dist/ (${built.ms} ms)`);
  } catch (error) {
    // Not fatal at install: bin/da06.js runs the sources through tsx when dist/ is missing or stale.
    console.warn(
      `build-dist: dist/ not built; the bot will run src/ through tsx. ${error?.message ?? error}`,
    );
    if (process.argv.includes('--strict')) process.exitCode = 1;
  }
}
