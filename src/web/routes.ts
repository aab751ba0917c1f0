/**
 * The web dashboard's routes on the bot's one HTTP server (issue 18). Each request: the session from
 * its cookie (slid forward), the CSRF token checked on every POST before anything else, then the page
 * built from the core's use cases. Refusals are pages in the person's language; a bug is logged and
 * shown as "internal error", never a stack trace. URLs carry no personal data; only the sign-in
 * link carries its one-time secret, and it is redirected away at once.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../app/core.ts';
import type { Route } from '../app/ports/channel.ts';
import {
  chooseLocale,
  currentSession,
  linkSignIn,
  SIGN_IN_PATH,
  signOut,
  startSession,
} from '../app/use-cases/web-sign-in.ts';
import { AppError } from '../domain/errors.ts';
import type { Locale } from '../domain/roles.ts';
import { t } from '../i18n/index.ts';
import { describeError } from '../presentation/errors.ts';
import { APP_CSS } from './assets.ts';
import { type Outcome, type PageContext, pageContext, WebRefusal } from './context.ts';
import { html } from './html.ts';
import {
  BodyTooLarge,
  readBody,
  readCookie,
  readForm,
  redirect,
  SESSION_COOKIE,
  securityHeaders,
  sendHtml,
  sessionCookie,
} from './http.ts';
import { bare, layout } from './layout.ts';
import { boundaryOf, parseMultipart, type UploadedFile } from './multipart.ts';
import { PAGES, POSTS } from './pages/index.ts';

export interface WebOptions {
  core: Core;
  /** Where a bug's stack goes (the bot's logger); never the page. */
  log: (error: unknown) => void;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function webRoutes(options: WebOptions): Route[] {
  const web = options.core.deps.web;
  if (!web) return [];
  const secure = web.publicUrl.startsWith('https://');
  const maxAge = web.sessionHours * 3600;
  const routes: Route[] = [
    {
      method: 'GET',
      path: SIGN_IN_PATH,
      handle: guard(options, (q, s) => signIn(options, q, s, { secure, maxAge })),
    },
    {
      method: 'GET',
      path: '/web/assets/app.css',
      handle: (_q, s) => asset(s, 'text/css; charset=utf-8', APP_CSS),
    },
    {
      method: 'POST',
      path: '/web/signout',
      handle: guard(options, (q, s) => post(options, q, s, signOutAction(options, secure))),
    },
    {
      method: 'POST',
      path: '/web/lang',
      handle: guard(options, (q, s) => post(options, q, s, languageAction(options))),
    },
  ];
  for (const [path, page] of Object.entries(PAGES))
    routes.push({ method: 'GET', path, handle: guard(options, (q, s) => get(options, q, s, page)) });
  for (const [path, action] of Object.entries(POSTS))
    routes.push({ method: 'POST', path, handle: guard(options, (q, s) => post(options, q, s, action)) });
  routes.push({ method: 'GET', path: '/web', handle: (_q, s) => redirect(s, '/web/') });
  return routes;
}

function asset(response: ServerResponse, type: string, body: string) {
  response
    .writeHead(200, {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=3600',
    })
    .end(body);
}

/** A handler whose refusals and bugs become pages (in the group's language before anyone signed in). */
function guard(options: WebOptions, handler: Handler): Handler {
  return async (request, response) => {
    try {
      await handler(request, response);
    } catch (error) {
      if (response.headersSent) return;
      failure(options, response, options.core.locale, error);
    }
  };
}

function failure(
  options: WebOptions,
  response: ServerResponse,
  locale: Locale,
  error: unknown,
  ctx?: PageContext,
) {
  let status = 500;
  let text: string;
  if (error instanceof WebRefusal) {
    status = error.status;
    text = t(locale, error.key, error.params);
  } else if (error instanceof BodyTooLarge) {
    status = 413;
    text = t(locale, 'dash.error.too_large');
  } else {
    if (error instanceof AppError) status = error.code.startsWith('web.') ? 403 : 400;
    text = describeError(error, locale, {
      log: () => options.log(error),
      internalKey: 'dash.error.internal',
    });
  }
  const title = t(locale, 'dash.error.heading');
  const body = html`<h1>${title}</h1><p role="alert">${text}</p><p><a href="/web/">${t(locale, 'dash.error.back')}</a></p>`;
  sendHtml(response, status, ctx ? layout(ctx, title, body) : bare(locale, title, body));
}

async function signIn(
  options: WebOptions,
  request: IncomingMessage,
  response: ServerResponse,
  cookie: { secure: boolean; maxAge: number },
) {
  const token = new URL(request.url ?? '/', 'http://x').searchParams.get('t') ?? '';
  const deps = options.core.deps;
  const memberId = await linkSignIn(deps).verify(token);
  const started = await startSession(deps, memberId);
  redirect(response, '/web/', {
    'set-cookie': sessionCookie(started.cookie, { secure: cookie.secure, maxAgeSeconds: cookie.maxAge }),
  });
}

interface Signed {
  ctx: PageContext;
  cookie: string;
}

async function session(options: WebOptions, request: IncomingMessage): Promise<Signed> {
  const cookie = readCookie(request, SESSION_COOKIE);
  const live = cookie ? await currentSession(options.core.deps, cookie) : null;
  if (!cookie || !live) throw new WebRefusal(401, 'dash.error.signed_out');
  const url = new URL(request.url ?? '/', 'http://localhost');
  return { ctx: pageContext(options.core, live.viewer, live.csrf, url), cookie };
}

async function get(
  options: WebOptions,
  request: IncomingMessage,
  response: ServerResponse,
  page: (ctx: PageContext) => Promise<Outcome>,
) {
  const { ctx } = await session(options, request);
  try {
    send(response, ctx, await page(ctx));
  } catch (error) {
    failure(options, response, ctx.viewer.locale, error, ctx);
  }
}

export type PostAction = (
  ctx: PageContext,
  form: URLSearchParams,
  cookie: string,
  files: UploadedFile[],
) => Promise<Outcome>;

async function post(
  options: WebOptions,
  request: IncomingMessage,
  response: ServerResponse,
  action: PostAction,
) {
  const { ctx, cookie } = await session(options, request);
  try {
    const { form, files } = await readPosted(request, options.core.deps.web?.maxUploadBytes ?? 0);
    const given = Buffer.from(form.get('csrf') ?? '');
    const expected = Buffer.from(ctx.csrf);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new WebRefusal(403, 'dash.error.csrf');
    send(response, ctx, await action(ctx, form, cookie, files));
  } catch (error) {
    failure(options, response, ctx.viewer.locale, error, ctx);
  }
}

/** A form body: url-encoded, or multipart (the plan upload) up to the upload limit and a little more. */
async function readPosted(
  request: IncomingMessage,
  maxUpload: number,
): Promise<{ form: URLSearchParams; files: UploadedFile[] }> {
  const boundary = boundaryOf(request.headers['content-type']);
  if (!boundary) return { form: await readForm(request), files: [] };
  const { fields, files } = parseMultipart(await readBody(request, maxUpload + 64 * 1024), boundary);
  return { form: fields, files };
}

function send(response: ServerResponse, ctx: PageContext, outcome: Outcome) {
  if (outcome.kind === 'redirect') return redirect(response, outcome.to);
  if (outcome.kind === 'file') {
    response
      .writeHead(200, {
        ...securityHeaders(),
        'content-type': outcome.mimeType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(outcome.fileName)}`,
      })
      .end(outcome.bytes);
    return;
  }
  const page = outcome.bare
    ? bare(ctx.viewer.locale, outcome.title, outcome.body)
    : layout(ctx, outcome.title, outcome.body);
  sendHtml(
    response,
    outcome.status ?? 200,
    page,
    outcome.setCookie ? { 'set-cookie': outcome.setCookie } : {},
  );
}

/** Sign-out ends every session of the member, everywhere, and clears this browser's cookie. */
function signOutAction(options: WebOptions, secure: boolean): PostAction {
  return async (ctx) => {
    const count = await signOut(options.core.deps, ctx.viewer.memberId);
    const title = ctx.rc.t('dash.signed_out.heading');
    const body = html`<h1>${title}</h1><p role="status">${ctx.rc.t('dash.signed_out.text', { count })}</p>`;
    const setCookie = sessionCookie('', { secure, maxAgeSeconds: 0 });
    return { kind: 'page', title, body, setCookie, bare: true };
  };
}

function languageAction(options: WebOptions): PostAction {
  return async (_ctx, form, cookie) => {
    const lang = form.get('lang') === 'en' ? 'en' : 'vi';
    await chooseLocale(options.core.deps, cookie, lang);
    const back = form.get('back') ?? '/web/';
    return { kind: 'redirect', to: back.startsWith('/web') && !back.startsWith('//') ? back : '/web/' };
  };
}
