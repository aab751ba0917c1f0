/**
 * A serving process must not die on one request: an unhandled rejection or an uncaught exception
 * (a bug in a dependency's handler, as Bolt's receiver had for `payload=null`) is logged at error
 * level with its stack, and the process goes on serving. Installed once, by `da06 start` when it
 * serves HTTP.
 */
import type { EventEmitter } from 'node:events';

export interface ErrorLog {
  error(object: Record<string, unknown>, message: string): void;
}

/** Installs the handlers on `target` (the process); returns a function that removes them. */
export function installProcessGuards(logger: ErrorLog, target: EventEmitter = process): () => void {
  const onRejection = (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled rejection (the bot goes on serving)');
  };
  const onException = (error: Error) => {
    logger.error({ err: error }, 'uncaught exception (the bot goes on serving)');
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
