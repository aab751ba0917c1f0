/**
 * The web dashboard's sign-in links and sessions (issue 18, docs/adr/0021-web-dashboard.md). The
 * store keeps only SHA-256 hashes of the secrets a browser holds; the core signs and checks them.
 */

export interface WebSessionRecord {
  memberId: number;
  csrf: string;
  /** The language the person chose with the toggle, or null (the member's own). */
  locale: 'vi' | 'en' | null;
  expiresAt: Date;
}

/** Why a sign-in link was refused (the words: `error.web.link_*`). */
export type LinkRefusal = 'unknown' | 'used' | 'expired';

export interface WebSessionRepository {
  /** The key links are signed with: made once per database, so the CLI and the bot share it. */
  signingKey(): Promise<string>;
  saveLink(hash: string, memberId: number, expiresAt: Date): Promise<void>;
  /** Marks an unused, unexpired link used (once, even under a race) and says whose it was. */
  useLink(
    hash: string,
    now: Date,
  ): Promise<{ ok: true; memberId: number } | { ok: false; reason: LinkRefusal }>;
  createSession(hash: string, memberId: number, csrf: string, expiresAt: Date): Promise<void>;
  /** The live session (its expiry moved to `extendTo`: 8 hours sliding), or null when gone or expired. */
  touchSession(hash: string, now: Date, extendTo: Date): Promise<WebSessionRecord | null>;
  setLocale(hash: string, locale: 'vi' | 'en'): Promise<void>;
  /** Ends every session of the member (sign-out ends them everywhere); how many there were. */
  endSessions(memberId: number): Promise<number>;
  /** A plan file uploaded for its preview, until confirmed (or a day has passed). */
  saveUpload(upload: PlanUpload): Promise<void>;
  upload(id: string): Promise<PlanUpload | null>;
  deleteUpload(id: string): Promise<void>;
  /**
   * Deletes what can no longer be used: links that expired before `cutoffs.links` (used or not),
   * sessions that expired before `cutoffs.sessions`, uploads made before `cutoffs.uploads`.
   */
  prune(cutoffs: PruneCutoffs): Promise<PruneCounts>;
}

export interface PruneCutoffs {
  links: Date;
  sessions: Date;
  uploads: Date;
}

export interface PruneCounts {
  links: number;
  sessions: number;
  uploads: number;
}

/** Hours an uploaded plan file waits for its confirmation (then the preview has expired and the row is pruned). */
export const PREVIEW_HOURS = 24;

export interface PlanUpload {
  id: string;
  memberId: number;
  fileName: string;
  bytes: Uint8Array;
  number: string;
  title: string;
  year: number;
  issuedOn: string | null;
  createdAt: Date;
}
