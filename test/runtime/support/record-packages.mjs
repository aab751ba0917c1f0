// `node --import` this file: every package the process resolves from node_modules is appended, once,
// to the file named by DA06_RECORD_PACKAGES (test/runtime/startup-modules.test.ts).
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on('message', (name) => {
  if (seen.has(name)) return;
  seen.add(name);
  appendFileSync(process.env.DA06_RECORD_PACKAGES, `${name}\n`);
});
port1.unref();
register(new URL('./record-packages-hooks.mjs', import.meta.url), {
  data: { port: port2 },
  transferList: [port2],
});
