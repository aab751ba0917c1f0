/** What a dashboard page is given (who asks, their words, the core) and what it gives back. */
import type { Core } from '../app/core.ts';
import type { Viewer } from '../app/views.ts';
import type { MessageParams } from '../i18n/index.ts';
import { type RenderContext, renderContext } from '../presentation/context.ts';
import type { Html } from './html.ts';
import './messages.ts';

export interface PageContext {
  core: Core;
  viewer: Viewer;
  csrf: string;
  url: URL;
  rc: RenderContext;
  /** Which navigation entry is this page's. */
  path: string;
}

export type Outcome =
  | {
      kind: 'page';
      title: string;
      body: Html;
      status?: number;
      /** A Set-Cookie header (sign-out clears the cookie). */
      setCookie?: string;
      /** Without navigation (the person is signed out). */
      bare?: boolean;
    }
  | { kind: 'file'; fileName: string; mimeType: string; bytes: Buffer }
  | { kind: 'redirect'; to: string };

/** A refusal a person reads on a page in their language (not a bug; nothing was written). */
export class WebRefusal extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly params?: MessageParams,
  ) {
    super(key);
  }
}

export function pageContext(core: Core, viewer: Viewer, csrf: string, url: URL): PageContext {
  return { core, viewer, csrf, url, rc: renderContext(viewer.locale, core.timeZone), path: url.pathname };
}
