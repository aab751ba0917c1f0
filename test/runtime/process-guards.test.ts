import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger.ts';
import { installProcessGuards } from '../../src/runtime/process-guards.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

it('an unhandled rejection and an uncaught exception are logged at error level, with the stack', async () => {
  const { lines, logger } = capture();
  const target = new EventEmitter();
  const remove = installProcessGuards(logger, target);
  target.emit('unhandledRejection', new TypeError("Cannot read properties of null (reading 'ssl_check')"));
  target.emit('uncaughtException', new Error('boom'));
  await new Promise((resolve) => setImmediate(resolve));
  expect(lines.map((l) => l.level)).toEqual([50, 50]);
  expect(String((lines[0]!.err as { stack: string }).stack)).toContain('ssl_check');
  expect(lines[1]!.msg).toContain('uncaught exception');
  remove();
  expect(target.listenerCount('unhandledRejection')).toBe(0);
  expect(target.listenerCount('uncaughtException')).toBe(0);
});
