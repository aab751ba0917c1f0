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

/** Serves one request to /api/messages: read and parse the body, then let the adapter authenticate and run the turn. */
export async function processRequest(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  request: IncomingMessage,
  response: ServerResponse,
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
  await adapter.process(
    { body: body as Record<string, unknown>, headers: request.headers, method: request.method },
    nodeResponse(response),
    logic,
  );
}

/** The response shape botbuilder writes to (status, header, send, end), over node's ServerResponse. */
function nodeResponse(response: ServerResponse) {
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
      response.writeHead(status, payload === undefined ? {} : { 'content-type': contentType });
      response.end(payload);
    },
  };
}
