/** Roles in the working group, lowest to highest privilege. */
export const ROLES = ['member', 'vice-chair', 'chair', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PLATFORMS = ['slack', 'teams', 'terminal'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
