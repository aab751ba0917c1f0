/**
 * The Slack channel under test: a core fixture on a test database, the real bot HTTP server with the
 * channel's routes on 127.0.0.1, a fake Slack Web API, and builders for the payloads Slack sends.
 */
import {
  createSlackChannel,
  type SlackChannel,
  type SlackChannelOptions,
} from '../../../src/channels/slack/index.ts';
import { settingsSchema } from '../../../src/config/settings.ts';
import { createHttpServer, type HttpServer } from '../../../src/server/http-server.ts';
import type { Database } from '../../../src/store/open-database.ts';
import { type CoreFixture, createCoreFixture } from '../core.ts';
import { FakeSlack } from './fake-slack.ts';
import { SignedSlack } from './signed.ts';

export const SECRET = 'test-signing-secret-0123456789';
export const GROUP_CHANNEL = 'CGROUP01';

/** Slack user ids of the fixture's members. */
export const USERS = {
  chair: 'UCHAIR01',
  admin: 'UADMIN01',
  lan: 'ULAN0001',
  minh: 'UMINH001',
  ha: 'UHA00001',
} as const;

export interface Harness {
  fixture: CoreFixture;
  fake: FakeSlack;
  channel: SlackChannel;
  server: HttpServer;
  slack: SignedSlack;
  logs: string[];
  close(): Promise<void>;
}

export async function startHarness(
  db: Database,
  options: {
    env?: Record<string, string | undefined>;
    timing?: SlackChannelOptions['timing'];
    fixture?: CoreFixture;
    /** Also hands every log line here (e.g. the bot's JSON logger, src/runtime/channel-log.ts). */
    onLog?: (line: string) => void;
  } = {},
): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  // A second channel on the same database reuses the first one's fixture.
  const fixture = options.fixture ?? (await createCoreFixture(db));
  if (!options.fixture) {
    const { members } = fixture.core.deps;
    for (const [name, user] of Object.entries(USERS)) {
      await members.link(fixture.viewers[name as keyof typeof USERS].memberId, 'slack', user, 'test');
    }
  }
  const settings = settingsSchema.parse({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_GROUP_CHANNEL: GROUP_CHANNEL,
    // Proactive messages are paced (send.ts); fast enough here that tests do not wait on it.
    SLACK_SEND_RATE: '200',
    ...options.env,
  });
  const logs: string[] = [];
  const channel = createSlackChannel({
    core: fixture.core,
    settings,
    logger: (line) => {
      logs.push(line);
      options.onLog?.(line);
    },
    timing: { maxInlineWaitMs: 3000, stopGraceMs: 3000, ...options.timing },
  });
  const server = createHttpServer(channel.routes);
  const port = await server.listen(0, '127.0.0.1');
  await channel.start();
  const slack = new SignedSlack(`http://127.0.0.1:${port}/slack/events`, SECRET);
  return {
    fixture,
    fake,
    channel,
    server,
    slack,
    logs,
    async close() {
      await channel.stop();
      await server.close(1000);
      await fake.stop();
    },
  };
}

let sequence = 0;
const next = () => ++sequence;

/** The form fields of `/da06 text` typed by `user`. */
export function commandFields(h: Harness, user: string, text: string): Record<string, string> {
  const n = next();
  return {
    token: 'verification-token',
    team_id: 'T1',
    team_domain: 'bhxh',
    channel_id: 'CWORK001',
    channel_name: 'de-an-06',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/da06',
    text,
    api_app_id: 'A1',
    response_url: h.fake.responseUrl(`cmd-${n}`),
    trigger_id: `trigger-cmd-${n}`,
  };
}

/** A block_actions payload: `action` clicked in a message (default) or a view (modal, App Home). */
export function blockActions(
  h: Harness,
  user: string,
  action: Record<string, unknown>,
  where: { view?: Record<string, unknown>; messageTs?: string; blockId?: string } = {},
): Record<string, unknown> {
  const n = next();
  const inView = where.view !== undefined;
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'bhxh' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token',
    trigger_id: `trigger-act-${n}`,
    container: inView
      ? { type: 'view', view_id: where.view?.id }
      : {
          type: 'message',
          message_ts: where.messageTs ?? `1718850000.${n}`,
          channel_id: `D${user}`,
          is_ephemeral: false,
        },
    ...(inView ? { view: where.view } : { channel: { id: `D${user}`, name: 'directmessage' } }),
    ...(inView && where.view?.type === 'home' ? {} : { response_url: h.fake.responseUrl(`act-${n}`) }),
    ...(inView ? {} : { message: { type: 'message', ts: where.messageTs ?? `1718850000.${n}`, text: '' } }),
    actions: [{ block_id: where.blockId ?? 'b', action_ts: `${Date.now() / 1000}`, ...action }],
  };
}

/** A view as Slack hands it back: what the app opened, with an id, a hash and the member's input. */
export function viewOutput(opened: object, values: Record<string, unknown>, id = `V${next()}`) {
  const o = opened as Record<string, unknown>;
  return {
    id,
    team_id: 'T1',
    type: 'modal',
    callback_id: o.callback_id,
    private_metadata: o.private_metadata ?? '',
    hash: `hash-${id}`,
    title: o.title,
    blocks: o.blocks,
    close: o.close ?? null,
    submit: o.submit ?? null,
    state: { values },
    root_view_id: id,
    previous_view_id: null,
    app_id: 'A1',
    bot_id: 'BBOT',
    clear_on_close: false,
    notify_on_close: false,
  };
}

export function viewSubmission(user: string, view: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'bhxh' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token',
    trigger_id: `trigger-sub-${next()}`,
    view,
    response_urls: [],
  };
}

export interface ReportInput {
  task?: number | null;
  status?: string | null;
  percent?: string;
  done?: string;
  blockers?: string;
  evidence?: string;
  /** The month chosen in the period select (shown during the grace days only). */
  period?: string;
  /** Files in the file_input, as Slack names them in the state (ids from `fake.hostFile`). */
  files?: Array<{ id: string; name: string }>;
}

/** `view.state.values` of the report modal as Slack sends them. */
export function reportValues(input: ReportInput): Record<string, unknown> {
  const select = (value: string | null | undefined) => ({
    type: 'static_select',
    selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null,
  });
  return {
    report_task: { da06_form_task: select(input.task == null ? null : String(input.task)) },
    report_status: { da06_status: select(input.status) },
    report_percent: { da06_percent: { type: 'number_input', value: input.percent ?? null } },
    report_done: { da06_done: { type: 'plain_text_input', value: input.done ?? null } },
    report_blockers: { da06_blockers: { type: 'plain_text_input', value: input.blockers ?? null } },
    report_evidence: { da06_evidence: { type: 'url_text_input', value: input.evidence ?? null } },
    ...(input.period === undefined ? {} : { report_period: { da06_period: select(input.period) } }),
    report_evidence_files: { da06_evidence_files: { type: 'file_input', files: input.files ?? [] } },
  };
}

/** An app_home_opened event callback. */
export function homeOpened(user: string, eventId = `Ev${next()}`): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: {
      type: 'app_home_opened',
      user,
      channel: `D${user}`,
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    },
  };
}

/** Every action_id of interactive elements in blocks (buttons, selects), in order. */
export function actionIds(blocks: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.action_id === 'string') out.push(record.action_id);
      for (const child of Object.values(record)) visit(child);
    }
  };
  visit(blocks);
  return out;
}

/** All mrkdwn and plain texts of blocks, joined: what the member reads. */
export function textOf(value: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') out.push(record.text);
      for (const child of Object.values(record)) visit(child);
    }
  };
  visit(value);
  return out.join('\n');
}

/**
 * The confirmation a submission was answered with: the form replaced in place (`response_action:
 * "update"`) by a modal whose only button closes it; its texts, joined. Throws on any other answer.
 */
export function confirmationOf(response: { json(): unknown }): string {
  const answer = response.json() as { response_action?: string; view?: Record<string, unknown> };
  if (answer.response_action !== 'update' || answer.view?.type !== 'modal' || answer.view.submit)
    throw new Error(`not a confirmation: ${JSON.stringify(answer)}`);
  return textOf(answer.view.blocks);
}

/** The buttons (elements with a value) of blocks. */
export function buttons(blocks: unknown): Array<{ action_id: string; value: string; block_id?: string }> {
  const out: Array<{ action_id: string; value: string; block_id?: string }> = [];
  const visit = (node: unknown, blockId?: string) => {
    if (Array.isArray(node)) for (const child of node) visit(child, blockId);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const id = typeof record.block_id === 'string' ? record.block_id : blockId;
      if (record.type === 'button')
        out.push({ action_id: String(record.action_id), value: String(record.value ?? ''), block_id: id });
      for (const child of Object.values(record)) visit(child, id);
    }
  };
  visit(blocks);
  return out;
}

/** An element of a view's input block, as the app sent it (the parts tests look at). */
export interface ElementJson {
  type?: string;
  action_id?: string;
  options?: Array<{ text: { text: string }; value: string }>;
  initial_option?: { value: string };
  initial_value?: string;
  initial_date?: string;
  min_query_length?: number;
}

export interface ViewJson {
  type?: string;
  callback_id?: string;
  private_metadata?: string;
  blocks: Array<{ type: string; block_id?: string; element?: ElementJson }>;
}

export function asView(value: unknown): ViewJson {
  return value as ViewJson;
}

/** The element of the block `blockId` of a view (or of a list of blocks). */
export function elementOf(view: unknown, blockId: string): ElementJson {
  const blocks = Array.isArray(view) ? (view as ViewJson['blocks']) : asView(view).blocks;
  const element = blocks.find((b) => b.block_id === blockId)?.element;
  if (!element) throw new Error(`no input block ${blockId}`);
  return element;
}
