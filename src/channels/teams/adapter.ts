/**
 * The Bot Framework side of the channel: botbuilder's `CloudAdapter` with one catch-all turn error
 * handler, and the bot's one HTTP server's route `POST /api/messages` that hands node's request and
 * response to `CloudAdapter.process` (which wants a parsed body and an Express-like response).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudAdapter, type TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Locale } from '../../domain/roles.ts';
import { describeError } from '../../presentation/errors.ts';
import { readBody } from '../../server/http-server.ts';
import { localeOf } from './i18n.ts';
import './messages.ts';

/** Activities are small; Teams caps messages well below this. */
const MAX_BODY_BYTES = 512 * 1024;

export function createAdapter(
  authentication: BotFrameworkAuthentication,
  log: (line: string) => void,
  defaultLocale: Locale,
): CloudAdapter {
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const locale = localeOf(context.activity.locale, defaultLocale);
    // A coded error is said in the member's language, unlogged; a bug is logged with its stack.
    const said = describeError(error, locale, {
      log: () => log(`[teams] turn failed (${context.activity.type}): ${error.stack ?? error.message}`),
      internalKey: 'teams.error',
    });
    try {
      if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 500 } });
      } else {
        await context.sendActivity(said);
      }
    } catch (sendError) {
      log(`[teams] could not tell the user about the failure: ${String(sendError)}`);
    }
  };
  return adapter;
}

/** How one request is served: whether a token is required, and where refusals are logged. */
export interface ServeOptions {
  /** False only when the channel runs without authentication (TEAMS_ALLOW_UNAUTHENTICATED=true). */
  requireToken: boolean;
  log: (line: string) => void;
}

/**
 * Serves one request to /api/messages: read and parse the body, check it is an activity at all, then
 * let the adapter authenticate and run the turn. A malformed activity is answered 400 (401 when it
 * comes without a token either) before the SDK sees it: the SDK answered some shapes with 500. Error
 * answers carry only their status text; what the SDK said goes to the log, never to the caller.
 */
export async function processRequest(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  request: IncomingMessage,
  response: ServerResponse,
  options: ServeOptions,
): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(request, MAX_BODY_BYTES)).toString('utf8'));
  } catch (error) {
    const tooLarge = error instanceof Error && error.message.includes('request body over');
    response
      .writeHead(tooLarge ? 413 : 400, { 'content-type': 'text/plain; charset=utf-8' })
      .end(tooLarge ? 'Request body too large' : 'Request body is not JSON');
    return;
  }
  const problem = activityProblem(body);
  if (problem) {
    const unsigned = options.requireToken && !request.headers.authorization;
    options.log(`[teams] request refused: ${problem}${unsigned ? ' (and no token)' : ''}`);
    response
      .writeHead(unsigned ? 401 : 400, { 'content-type': 'text/plain; charset=utf-8' })
      .end(unsigned ? 'Unauthorized' : 'Bad request');
    return;
  }
  await adapter.process(
    { body: body as Record<string, unknown>, headers: request.headers, method: request.method },
    nodeResponse(response, options.log),
    logic,
  );
}

/** What makes `body` no activity the bot can answer, or null: the fields every turn relies on. */
export function activityProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (typeof body.type !== 'string' || body.type === '') return 'no activity type';
  if (typeof body.serviceUrl !== 'string' || body.serviceUrl === '') return 'no serviceUrl';
  if (!isObject(body.conversation) || typeof body.conversation.id !== 'string') return 'no conversation id';
  if (!isObject(body.from) || typeof body.from.id !== 'string') return 'no sender id';
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden' };

/**
 * The response shape botbuilder writes to (status, header, send, end), over node's ServerResponse.
 * An error status keeps its status but not the SDK's text (a token error, a failed metadata fetch):
 * that is logged instead.
 */
function nodeResponse(response: ServerResponse, log: (line: string) => void) {
  let status = 200;
  let payload: string | undefined;
  let contentType = 'text/plain; charset=utf-8';
  return {
    socket: response.socket,
    status(code: number) {
      status = code;
    },
    header(name: string, value: unknown) {
      response.setHeader(name, String(value));
    },
    send(body: unknown) {
      if (body === undefined || body === null) return;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        payload = body.toString();
      } else {
        payload = JSON.stringify(body);
        contentType = 'application/json; charset=utf-8';
      }
    },
    end() {
      if (response.writableEnded) return;
      if (status >= 400 && status !== 404 && !isInvokeAnswer(payload)) {
        if (payload !== undefined) log(`[teams] answered ${status}: ${payload}`);
        payload = STATUS_TEXT[status] ?? 'Internal error';
        contentType = 'text/plain; charset=utf-8';
      }
      response.writeHead(status, payload === undefined ? {} : { 'content-type': contentType });
      response.end(payload);
    },
  };
}

/** An invoke's own answer (an Adaptive Card error the bot chose to send) is not the SDK's error text. */
function isInvokeAnswer(payload: string | undefined): boolean {
  return payload?.startsWith('{') === true;
}
