#!/usr/bin/env node
// The `da06` command. The bot is written in TypeScript. `npm install` bundles it into dist/
// (scripts/build-dist.mjs); that bundle runs when it was built from src/ exactly as it is now.
// Otherwise — src/ edited since, no build, or DA06_FROM_SOURCE=1 — the sources run through tsx's
// loader, as before, so there is never a stale build and never a required build step (ADR 7).
import { setFlagsFromString } from 'node:v8';
import { freshDistMain } from '../scripts/dist.mjs';

// Prisma's query compiler is WebAssembly. V8 re-compiles a wasm function with its optimising
// compiler once it has run about 1.8 MB of code; start-up's first queries (each new query shape is
// compiled once, then its plan is cached) passed that and left ≈ 70 MB of compiler memory behind in
// V8's background threads. Ten times the budget keeps start-up on the baseline compiler; a function
// that stays hot under load is still optimised (docs/performance.md, footprint).
setFlagsFromString('--wasm-tiering-budget=18000000');
// Start-up allocates a lot and keeps little; V8 answers by doubling its young generation up to
// 2 × 16 MB, which then stays resident while the bot idles. `da06 start` keeps it at its initial
// size until the bot serves, then gives back V8's default growth (src/cli/commands/start.ts).
if (process.argv[2] === 'start') setFlagsFromString('--semi-space-growth-factor=1');
// The young generation's ceiling (--max-semi-space-size) sizes the heap, so it cannot be set here:
// `npm start` passes it on the command line (package.json's start script, ADR 9).

const built = process.env.DA06_FROM_SOURCE === '1' ? null : freshDistMain();
let main;
if (built) {
  ({ main } = await import(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
