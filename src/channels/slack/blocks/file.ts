/**
 * A file for the conversation (`/da06 export`) as a message: its caption. The file itself is uploaded
 * by flows/upload.ts; this is the fallback text and what an ephemeral reply shows.
 */
import type { FileView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { esc, sections } from './kit.ts';
import type { Rendered } from './types.ts';

export function captionText(view: FileView): string {
  return view.caption.join('\n');
}

export function renderFile(view: FileView, _ctx: RenderContext): Rendered {
  const lines = view.caption.length > 0 ? view.caption : [view.fileName];
  return { text: lines.join('\n'), blocks: sections(lines.map(esc)) };
}
