/**
 * The Microsoft Teams channel (docs/teams.md): a Bot Framework bot on the bot's one HTTP server
 * (`POST /api/messages`). Every botbuilder import stays in this folder, so moving to the Microsoft 365
 * Agents SDK (`@microsoft/agents-hosting`, same CloudAdapter / ActivityHandler / TurnContext model)
 * changes nothing outside it.
 *
 * Without an Azure Bot registration (MicrosoftAppId…) the channel is not created, unless
 * TEAMS_ALLOW_UNAUTHENTICATED=true says so explicitly; then it runs without authentication and
 * `teamsStartupWarning` is the warning to show.
 */
import type { Core } from '../../app/core.ts';
import type { ChannelStores } from '../../app/ports/channel-stores.ts';
import type { Settings } from '../../config/settings.ts';
import { outboundFor } from '../outbound.ts';
import { createAdapter } from './adapter.ts';
import { createAuthentication, credentialProblems } from './auth.ts';
import { CardLedger } from './card-ledger.ts';
import { ConversationStore } from './conversation-store.ts';
import { registrationGiven, teamsRunsUnauthenticated, teamsStartupWarning } from './setup.ts';
import { describe, TeamsBot } from './teams-bot.ts';
import { TeamsChannel } from './teams-channel.ts';
import './messages.ts';

export { MESSAGES_PATH, teamsRunsUnauthenticated, teamsStartupWarning } from './setup.ts';
export { TeamsChannel } from './teams-channel.ts';

export interface TeamsChannelOptions {
  core: Core;
  /** The conversation references and the audit log (the card ledger), from `createStores`. */
  stores: ChannelStores;
  settings: Settings;
  logger?: (line: string) => void;
  /** Card instance ids (tests make them predictable); random UUIDs by default. */
  newCardId?: () => string;
}

export class TeamsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      ['Cấu hình Microsoft Teams chưa đủ:', ...problems.map((p) => `  - ${p}`), 'Xem docs/teams.md.'].join(
        '\n',
      ),
    );
    this.name = 'TeamsConfigError';
  }
}

/**
 * The Teams channel, or null when Teams is not configured. A registration given only in part
 * (an App ID without its secret or tenant) is an error, said at start-up rather than at the first message.
 */
export function createTeamsChannel(options: TeamsChannelOptions): TeamsChannel | null {
  const { core, settings, stores } = options;
  const log = options.logger ?? ((line: string) => process.stderr.write(`${line}\n`));
  const unauthenticated = teamsRunsUnauthenticated(settings);
  if (!registrationGiven(settings) && !unauthenticated) return null;
  if (!unauthenticated) {
    const problems = credentialProblems(settings);
    if (problems.length > 0) throw new TeamsConfigError(problems);
  }

  const conversations = new ConversationStore(stores.conversations);
  const afterTurn = new Set<Promise<unknown>>();
  const later = (label: string, work: () => Promise<unknown>) => {
    const running: Promise<unknown> = work()
      .catch((error: unknown) => log(`[teams] ${label} failed: ${describe(error)}`))
      .finally(() => afterTurn.delete(running));
    afterTurn.add(running);
  };
  const outbound = outboundFor(settings);
  const adapter = createAdapter(
    createAuthentication(settings, unauthenticated, outbound),
    log,
    settings.DEFAULT_LOCALE,
  );
  let channel: TeamsChannel | undefined;
  const bot = new TeamsBot({
    core,
    conversations,
    ledger: new CardLedger(stores.audit),
    defaultLocale: settings.DEFAULT_LOCALE,
    log,
    later,
    postToGroup: (view) => channel!.postToGroup(view),
    sendPersonal: (aadObjectId, attachments) => channel!.sendPersonal(aadObjectId, attachments),
    ...(options.newCardId ? { newCardId: options.newCardId } : {}),
    // OneDrive uploads go out through the proxy too (issue 17, item 6).
    ...(outbound ? { fetch: outbound.fetch } : {}),
  });
  channel = new TeamsChannel(
    {
      core,
      adapter,
      bot,
      conversations,
      appId: unauthenticated ? '' : (settings.MicrosoftAppId ?? '').trim(),
      log,
      warning: teamsStartupWarning(settings),
    },
    afterTurn,
  );
  return channel;
}
