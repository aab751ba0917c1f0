/**
 * The flags of `members add` and `members link`, read the same way from the command line
 * (`da06 members …`) and from chat (`/da06 members …`). Each caller words the problem its own way:
 * the CLI as a usage line per flag, chat as a notice in the member's language.
 */
import { parseArgs } from 'node:util';
import { isLocale, isRole, type Platform } from '../domain/roles.ts';
import type { NewMember } from './ports/stores.ts';

const PLATFORMS = ['slack', 'teams', 'terminal'] as const;

const ACCOUNT_OPTIONS = {
  slack: { type: 'string' },
  teams: { type: 'string' },
  terminal: { type: 'string' },
} as const;

/** Which flag is missing or wrong. */
export type MemberFlagProblem = 'name' | 'unit' | 'role' | 'locale' | 'email' | 'account';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: MemberFlagProblem };

/**
 * `--name NAME --unit CODE [--role ROLE] [--slack ID] [--teams ID] [--terminal LOGIN] [--email E]
 * [--locale vi|en]`. Unknown flags throw node's parseArgs TypeError (code ERR_PARSE_ARGS_…).
 */
export function parseMemberAdd(args: string[]): Parsed<NewMember> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      locale: { type: 'string' },
      ...ACCOUNT_OPTIONS,
    },
  });
  const role = values.role ?? 'member';
  const locale = values.locale ?? 'vi';
  if (!values.name?.trim()) return { ok: false, problem: 'name' };
  if (!values.unit?.trim()) return { ok: false, problem: 'unit' };
  if (!isRole(role)) return { ok: false, problem: 'role' };
  if (!isLocale(locale)) return { ok: false, problem: 'locale' };
  if (values.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email))
    return { ok: false, problem: 'email' };
  const identities: Partial<Record<Platform, string>> = {};
  for (const platform of PLATFORMS) if (values[platform]) identities[platform] = values[platform];
  return {
    ok: true,
    value: {
      displayName: values.name.trim(),
      unitCode: values.unit.trim().toUpperCase(),
      role,
      email: values.email ?? null,
      locale,
      identities,
    },
  };
}

/** `NAME|ID (--slack ID | --teams ID | --terminal LOGIN)`: exactly one account. */
export function parseMemberLink(
  args: string[],
): Parsed<{ member: string; platform: Platform; externalId: string }> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: ACCOUNT_OPTIONS });
  const given = PLATFORMS.filter((platform) => values[platform]);
  if (given.length !== 1) return { ok: false, problem: 'account' };
  const platform = given[0]!;
  return { ok: true, value: { member: positionals.join(' '), platform, externalId: values[platform]! } };
}
