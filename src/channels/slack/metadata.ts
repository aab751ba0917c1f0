/**
 * What a modal carries to its submission in `private_metadata` (≤ 3000 characters): the task, the
 * period shown, and where to confirm (the response_url of the command or message it came from, or the
 * App Home to refresh). Slack returns it untouched in signed requests.
 */
import { LIMITS } from './blocks/kit.ts';

export type Origin = 'command' | 'message' | 'home';

export interface ModalMeta {
  /** The task id, or null when the member picks the task in the form. */
  task: number | null;
  /** The reporting period the form was opened for (a report is filed there even after midnight). */
  period?: string;
  origin: Origin;
  /** Where an ephemeral confirmation can go (30 minutes, 5 uses, says Slack). */
  responseUrl?: string;
}

export function encodeMeta(meta: ModalMeta): string {
  const text = JSON.stringify(meta);
  if (text.length <= LIMITS.privateMetadata) return text;
  return JSON.stringify({ ...meta, responseUrl: undefined });
}

export function decodeMeta(text: string | undefined): ModalMeta {
  try {
    const value = JSON.parse(text ?? '') as Partial<ModalMeta>;
    return {
      task: typeof value.task === 'number' && Number.isInteger(value.task) ? value.task : null,
      period: typeof value.period === 'string' ? value.period : undefined,
      origin: value.origin === 'home' || value.origin === 'command' ? value.origin : 'message',
      responseUrl: typeof value.responseUrl === 'string' ? value.responseUrl : undefined,
    };
  } catch {
    return { task: null, origin: 'message' };
  }
}
