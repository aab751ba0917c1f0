import type { Locale } from '../../../domain/roles.ts';
import { type RenderContext, renderContext } from '../../../presentation/context.ts';

export interface RenderOptions {
  /** Line width in characters; 80 by default, never below 40. */
  width?: number;
  /** Time zone for date-times (meeting start, report update); Vietnam by default. */
  timeZone?: string;
}

/** The one render context, plus the terminal's layout width. */
export interface TerminalContext extends RenderContext {
  width: number;
}

export const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;

export function terminalContext(locale: Locale, options: RenderOptions = {}): TerminalContext {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  return { ...renderContext(locale, options.timeZone), width };
}
