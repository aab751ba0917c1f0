/** Who is clicking: `core.identify('slack', user id)`, with the context to answer them in their language. */
import type { NoticeView, Viewer } from '../../app/views.ts';
import type { RenderContext } from '../../presentation/context.ts';
import type { SlackDeps } from './deps.ts';

export type Who =
  | { viewer: Viewer; ctx: RenderContext }
  | { viewer: null; notice: NoticeView; ctx: RenderContext };

export async function whoIs(deps: SlackDeps, userId: string): Promise<Who> {
  const found = await deps.core.identify('slack', userId);
  if ('kind' in found) return { viewer: null, notice: found, ctx: deps.ctx(deps.settings.DEFAULT_LOCALE) };
  return { viewer: found, ctx: deps.ctx(found.locale) };
}

/**
 * A command as typed: Slack sends `&`, `<`, `>` escaped, and desktop clients may turn `--name` into
 * `—name` (smart dashes), which the members commands would not recognise.
 */
export function unescapeSlack(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/(^|\s)[—–]([a-z])/g, '$1--$2');
}
