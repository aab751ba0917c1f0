/**
 * Reads the settings once, from the environment and an optional `.env` file (the environment wins).
 * A bad value, or a chat platform configured in part, stops start-up with one line per problem in
 * the operator's language (DEFAULT_LOCALE); unknown variables in `.env`, and variables anywhere that
 * look like a misspelt setting, are warned about with the likely intended name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import type { z } from 'zod';
import { type SettingsLocale, settingHint, settingsLocale, settingsText } from '../i18n/settings.ts';
import { platformProblems } from './platforms.ts';
import { SECRET_SETTINGS, type Settings, settingsSchema } from './settings.ts';

export class SettingsError extends Error {
  constructor(
    readonly problems: string[],
    readonly locale: SettingsLocale = 'vi',
  ) {
    super(
      problems.length === 1
        ? settingsText(locale, 'invalid.one', { problem: problems[0] ?? '' })
        : [
            settingsText(locale, 'invalid.many'),
            ...problems.map((problem) => `  - ${problem}`),
            settingsText(locale, 'invalid.footer'),
          ].join('\n'),
    );
    this.name = 'SettingsError';
  }
}

export interface LoadSettingsOptions {
  /** Where warnings about unknown or misspelt variables go (nowhere by default). */
  warn?: (line: string) => void;
}

/** Every variable the bot reads. */
export const SETTING_NAMES: readonly string[] = Object.keys(settingsSchema.shape);

export function loadSettings(
  env: NodeJS.ProcessEnv = process.env,
  dotenvPath = '.env',
  options: LoadSettingsOptions = {},
): Settings {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  // Empty strings mean "not set", as most deployment tools write unset variables.
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const locale = settingsLocale(merged.DEFAULT_LOCALE);
  if (options.warn)
    for (const line of unknownVariables(Object.keys(fromFile), Object.keys(env), locale)) options.warn(line);
  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    throw new SettingsError(
      result.error.issues.map((issue) => describeIssue(issue, merged, locale)),
      locale,
    );
  }
  const platforms = platformProblems(result.data);
  if (platforms.length > 0) {
    throw new SettingsError(
      platforms.map((problem) => settingsText(locale, problem.key, problem.params)),
      locale,
    );
  }
  return result.data;
}

/**
 * Warnings for the variables that are not settings: every one in `.env` (it is there for da06), and
 * in the environment only those that look like a setting (the environment holds much else).
 */
export function unknownVariables(
  dotenvNames: string[],
  envNames: string[],
  locale: SettingsLocale,
): string[] {
  const known = new Set(SETTING_NAMES);
  const warnings: string[] = [];
  for (const name of dotenvNames) {
    if (known.has(name)) continue;
    const suggestion = closestSetting(name);
    warnings.push(
      suggestion
        ? settingsText(locale, 'unknown.dotenv_suggest', { name, suggestion })
        : settingsText(locale, 'unknown.dotenv', { name }),
    );
  }
  for (const name of envNames) {
    if (known.has(name) || dotenvNames.includes(name)) continue;
    const suggestion = closestSetting(name);
    if (suggestion) warnings.push(settingsText(locale, 'unknown.env_suggest', { name, suggestion }));
  }
  return warnings;
}

/** The setting `name` most likely meant: the same letters ignoring case and `_`, or one or two typos away. */
export function closestSetting(name: string): string | null {
  const folded = fold(name);
  if (folded.length < 4) return null;
  let best: { name: string; distance: number } | null = null;
  for (const candidate of SETTING_NAMES) {
    const distance = editDistance(folded, fold(candidate));
    if (best === null || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return null;
  const allowed = folded.length >= 10 ? 2 : folded.length >= 6 ? 1 : 0;
  return best.distance <= allowed ? best.name : null;
}

const fold = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  values: Record<string, string | undefined>,
  locale: SettingsLocale,
): string {
  const name = String(issue.path[0] ?? '(?)');
  const value = values[name];
  const shown =
    value === undefined || SECRET_SETTINGS.has(name) ? '' : settingsText(locale, 'current_value', { value });
  return `${name}: ${issueText(issue, name, locale)}${shown}`;
}

function issueText(issue: z.core.$ZodIssue, name: string, locale: SettingsLocale): string {
  const hint = settingHint(locale, name);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return settingsText(locale, 'value.integer');
      return settingsText(locale, issue.expected === 'number' ? 'value.number' : 'value.text');
    case 'too_small':
      if (issue.origin === 'string') return hint ?? settingsText(locale, 'value.min_length');
      return settingsText(locale, 'value.min', { min: String(issue.minimum) });
    case 'too_big':
      return settingsText(locale, issue.origin === 'string' ? 'value.max_length' : 'value.max', {
        max: String(issue.maximum),
      });
    case 'invalid_value':
      return settingsText(locale, 'value.one_of', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return hint ?? settingsText(locale, issue.format === 'url' ? 'value.url' : 'value.invalid');
    default:
      return hint ?? settingsText(locale, 'value.invalid');
  }
}
