/** What every CLI command gets: where to write, and the app, opened on first use (some commands need no database). */

import { type Clock, shiftedClock, systemClock } from '../app/clock.ts';
import { loadSettings } from '../config/load-settings.ts';
import type { Settings } from '../config/settings.ts';
import { type App, openApp } from '../runtime/open-app.ts';
import type { Output } from './output.ts';

export interface CliContext {
  output: Output;
  settings(): Settings;
  app(): Promise<App>;
  /** The operator's language for start-up messages: DEFAULT_LOCALE once read, else as the environment says. */
  locale(): string | undefined;
}

export function createCliContext(
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): CliContext & { close(): Promise<void> } {
  let settings: Settings | undefined;
  let app: Promise<App> | undefined;
  const readSettings = () => {
    settings ??= loadSettings(env, '.env', { warn: output.err });
    return settings;
  };
  return {
    output,
    settings: readSettings,
    locale: () => settings?.DEFAULT_LOCALE ?? env.DEFAULT_LOCALE,
    app: () => {
      app ??= openApp(readSettings(), { log: output.err });
      return app;
    },
    close: async () => {
      // An app that failed to open has nothing to close (its error is already being reported).
      const opened = await app?.catch(() => null);
      await opened?.close();
    },
  };
}

export interface Command {
  /** The words that select it, e.g. ["plan", "import"]. */
  path: string[];
  usage: string;
  summary: string;
  run(args: string[], context: CliContext): Promise<number>;
}

/** A user mistake on the command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** The clock every command runs on: the system's, or shifted to start at CLOCK_START (demos, tests). */
export function settingsClock(settings: Settings): Clock {
  return settings.CLOCK_START ? shiftedClock(new Date(settings.CLOCK_START)) : systemClock;
}
