// The V8 options the bot's server runs with. They size the heap, so they cannot be set once the
// process runs (v8.setFlagsFromString is too late for them): `npm start` passes them on the command
// line, and package.json's start script is the one place they are written. The benchmarks read them
// from there, to measure the bot as it runs (docs/adr/0009-slack-ack-path.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './dist.mjs';

/** The options between `node` and `bin/da06.js` in package.json's start script, e.g. `--max-semi-space-size=32`. */
export function serverNodeOptions(root = ROOT) {
  const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.start ?? '';
  const words = start.trim().split(/\s+/);
  const script = words.indexOf('bin/da06.js');
  if (words[0] !== 'node' || script < 0)
    throw new Error(`package.json's start script is not "node … bin/da06.js …": ${start}`);
  return words.slice(1, script);
}

/** The server options this process was not started with (empty when it runs as the bot does). */
export function missingServerNodeOptions(root = ROOT) {
  return serverNodeOptions(root).filter((option) => !process.execArgv.includes(option));
}
