/**
 * The Teams channel end to end over HTTP: signed activities into the real CloudAdapter on the bot's
 * HTTP server, the core on both databases, answers read from the invoke responses and from a fake
 * Bot Framework connector. Commands, the report form (valid, invalid, sent twice), proactive
 * messages and how their failures are reported, install and uninstall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../../src/app/ports/channel.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { cardsOf, findAction, inputIds, textOf } from '../../support/teams/cards.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people, reminder, reminderTask, taskIds } from '../../support/teams/fixtures.ts';
import { APP_ID, APP_PASSWORD, BOT_ID, TEAM_CHANNEL_ID, TeamsHarness } from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';

let identity: IdentityServer;
let connector: FakeConnector;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
});

afterAll(async () => {
  await identity?.close();
  await connector?.close();
});

/** The input of that id on a card (a choice set: its choices and value). */
function inputOf(
  card: unknown,
  id: string,
): { value?: string; choices?: { title: string; value: string }[] } {
  let found: Record<string, unknown> | undefined;
  const walk = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.id === id && String(record.type).startsWith('Input.')) found = record;
      for (const v of Object.values(record)) walk(v);
    }
  };
  walk(card);
  expect(found, `an input ${id} on the card`).toBeDefined();
  return found as { value?: string; choices?: { title: string; value: string }[] };
}

/** The one card the bot posted in answer to the last message. */
function repliedCard() {
  const last = connector.posted.at(-1);
  const cards = cardsOf(last);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

const member = (f: CoreFixture, name: 'lan' | 'minh' | 'ha' | 'chair') => {
  const account = { lan: people.lan, minh: people.minh, ha: people.ha, chair: people.khanh }[name];
  const viewer = f.viewers[name];
  return {
    kind: 'member' as const,
    memberId: viewer.memberId,
    externalId: account.aad,
    locale: viewer.locale,
  };
};

describeEachDatabase('Teams: commands in personal chat and in the team channel', (db) => {
  let f: CoreFixture;
  let h: TeamsHarness;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    h = await TeamsHarness.start(f, { identity, connector });
  });
  afterAll(async () => h?.close());

  it('an unregistered user is told who can add them, with the exact command for their Teams account', async () => {
    connector.clear();
    expect((await h.message(people.stranger, 'nhiệm vụ')).status).toBe(200);
    const text = textOf(repliedCard());
    expect(text).toContain(
      'Bạn chưa có trong danh sách thành viên Tổ công tác (tài khoản teams: aad-stranger)',
    );
    expect(text).toContain('Lê Minh Tuấn');
    expect(text).toContain('--teams aad-stranger');
    expect(text).toContain('gửi một tin nhắn bất kỳ');
    expect(connector.posted[0]?.kind).toBe('reply');
    expect(connector.posted[0]?.authorization).toMatch(/^Bearer fake-token-/);
  });

  it('help, in Vietnamese with or without diacritics, and in English', async () => {
    for (const typed of ['trợ giúp', 'tro giup', 'help', '/da06 help', '']) {
      connector.clear();
      await h.message(people.lan, typed);
      const text = textOf(repliedCard());
      expect(text, typed).toContain('Các lệnh của trợ lý Đề án 06');
      expect(text).toContain('Nguyễn Thị Lan (Trung tâm Công nghệ thông tin, Thành viên)');
      expect(text).not.toContain('Quản lý thành viên');
    }
    connector.clear();
    await h.message(people.tuan, 'help');
    expect(textOf(repliedCard())).toContain('Quản lý thành viên (chỉ dành cho quản trị viên)');
  });

  it('tasks ("nhiệm vụ"): the unit\'s tasks with deadlines, standing and an update button each', async () => {
    connector.clear();
    await h.message(people.lan, 'nhiệm vụ');
    const card = repliedCard();
    const text = textOf(card);
    expect(text).toContain('Nhiệm vụ của Trung tâm Công nghệ thông tin (CNTT) — kỳ báo cáo tháng 6/2024');
    expect(text).toContain('[1] Tổ chức hội nghị');
    expect(text).toContain('hạn 29/02/2024, quá hạn 112 ngày');
    expect(text).toContain('[2] Số hóa hồ sơ');
    expect(text).toContain('Vai trò của đơn vị: phối hợp · Đơn vị chủ trì: VP');
    expect(text).toContain('Chưa báo cáo kỳ tháng 6/2024');
    expect(text).not.toContain('Tuyển dụng');
    expect(findAction(card, 'report.open', (d) => d.taskCode === '4').title).toBe('Cập nhật tiến độ');
  });

  it('report ("báo cáo"): a form whose task list holds only the tasks the unit may report on', async () => {
    connector.clear();
    await h.message(people.lan, 'bao cao');
    const card = repliedCard();
    const ids = await taskIds(db());
    const picker = (card.body as { id?: string; choices?: { value: string }[] }[]).find(
      (e) => e.id === 'task',
    );
    expect(picker?.choices?.map((c) => c.value)).toEqual([ids['1'], ids['2'], ids['4']].map(String));
    expect(textOf(card)).toContain('Chọn nhiệm vụ cần báo cáo (kỳ tháng 6/2024):');
    expect(inputIds(card)).toEqual(['task', 'status', 'percent', 'done', 'blockers', 'evidenceUrl']);
    expect(findAction(card, 'report.submit').data.cardId).toMatch(/^[\w-]{8,}$/);

    connector.clear();
    await h.message(people.lan, 'báo cáo 1');
    const chosen = repliedCard();
    expect(textOf(chosen)).toContain('Báo cáo nhiệm vụ 1 — kỳ tháng 6/2024');
    expect(textOf(chosen)).toContain('đây là báo cáo mới');

    connector.clear();
    await h.message(people.lan, 'báo cáo 3');
    expect(textOf(repliedCard())).toContain('Nhiệm vụ 3 không giao cho đơn vị CNTT');
  });

  it('summary ("tổng hợp"), overdue ("quá hạn"), meeting ("giao ban") and an unknown command', async () => {
    connector.clear();
    await h.message(people.khanh, 'tổng hợp');
    let text = textOf(repliedCard());
    expect(text).toContain('Tổng hợp tiến độ tháng 6/2024 — toàn Tổ công tác');
    expect(text).toContain('Số liệu đến ngày 20/06/2024 · 4 nhiệm vụ');
    expect(text).toContain('Chưa báo cáo');
    expect(text).toContain('Nhiệm vụ quá hạn (1)');

    connector.clear();
    await h.message(people.lan, 'tổng hợp 2024-05');
    expect(textOf(repliedCard())).toContain(
      'Tổng hợp tiến độ tháng 5/2024 — đơn vị Trung tâm Công nghệ thông tin (CNTT)',
    );

    connector.clear();
    await h.message(people.lan, 'quá hạn');
    text = textOf(repliedCard());
    expect(text).toContain('Nhiệm vụ quá hạn tính đến ngày 20/06/2024');
    expect(text).toContain('[1] quá hạn 112 ngày (hạn 29/02/2024) · chủ trì: CNTT · Chưa báo cáo');

    connector.clear();
    await h.message(people.lan, 'giao ban');
    expect(textOf(repliedCard())).toContain('Lịch giao ban Tổ công tác');

    connector.clear();
    await h.message(people.lan, 'xin chào');
    expect(textOf(repliedCard())).toContain('Không có lệnh "xin chào"');
  });

  it('members ("thành viên"): the list for an admin, a refusal for a member', async () => {
    connector.clear();
    await h.message(people.tuan, 'thành viên');
    const text = textOf(repliedCard());
    expect(text).toContain('Thành viên Tổ công tác (5)');
    expect(text).toContain('teams: aad-lan');
    connector.clear();
    await h.message(people.lan, 'members list');
    expect(textOf(repliedCard())).toContain('chỉ dành cho quản trị viên');
  });

  it('an English-speaking member reads English', async () => {
    await db().client.member.update({ where: { id: f.viewers.minh.memberId }, data: { locale: 'en' } });
    connector.clear();
    await h.message(people.minh, 'tasks');
    expect(textOf(repliedCard())).toContain('Tasks of');
  });

  it("in the team channel: the @mention is stripped, the answer goes to the thread, the channel becomes the group's", async () => {
    connector.clear();
    await h.message(people.khanh, 'quá hạn', 'channel');
    const posted = connector.posted.at(-1)!;
    expect(posted.kind).toBe('reply');
    expect(posted.conversationId).toMatch(new RegExp(`^${TEAM_CHANNEL_ID}`));
    expect(textOf(repliedCard())).toContain('Nhiệm vụ quá hạn tính đến ngày 20/06/2024');
    const binding = await db().client.channelBinding.findFirst({
      where: { platform: 'teams', purpose: 'group' },
    });
    expect(binding?.externalId).toBe(TEAM_CHANNEL_ID);
    expect(JSON.parse(binding?.reference ?? '{}').conversation.id).toBe(TEAM_CHANNEL_ID);
  });

  it('quick buttons on the help card run their command in place', async () => {
    const answer = await h.invoke(people.lan, 'command', { da06: 1, command: 'overdue' });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(answer.value)).toContain('Nhiệm vụ quá hạn tính đến ngày');
    const stale = await h.invoke(people.lan, 'no.such.verb', { da06: 1 });
    expect(stale).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(stale.value).toContain('Thẻ này không còn dùng được');
  });
});

describeEachDatabase('Teams: the report form (Universal Actions)', (db) => {
  let f: CoreFixture;
  let h: TeamsHarness;
  let ids: Record<string, number>;

  const openForm = async (typed: string) => {
    connector.clear();
    await h.message(people.lan, typed);
    return repliedCard();
  };
  const revisions = () => db().client.statusReportRevision.count();

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    h = await TeamsHarness.start(f, { identity, connector });
    ids = await taskIds(db());
  });
  afterAll(async () => h?.close());

  it('a valid report replaces the form with "Đã ghi nhận …", once: sending the same card again stores nothing', async () => {
    const form = await openForm('báo cáo 1');
    const submit = findAction(form, 'report.submit');
    const inputs = {
      task: String(ids['1']),
      status: 'in_progress',
      percent: '60',
      done: 'Đã tổ chức 2 hội nghị tập huấn',
      blockers: '',
      evidenceUrl: 'https://vbpl.vn/hoi-nghi',
    };
    const answer = await h.invoke(people.lan, submit.verb, { ...submit.data, ...inputs });
    expect(answer.statusCode).toBe(200);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = textOf(answer.value);
    expect(text).toContain('✓ Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 6/2024: Đang triển khai, 60%.');
    expect(inputIds(answer.value)).toEqual([]);
    expect(await revisions()).toBe(1);

    // The same card instance again (a double click, a retried invoke): the same answer, nothing stored.
    const again = await h.invoke(people.lan, submit.verb, { ...submit.data, ...inputs, percent: '70' });
    expect(textOf(again.value)).toContain(
      'Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 6/2024: Đang triển khai, 60%.',
    );
    expect(await revisions()).toBe(1);
    const stored = await db().client.statusReport.findFirstOrThrow({ where: { taskId: ids['1'] } });
    expect(stored).toMatchObject({ percent: 60, status: 'in_progress' });
  });

  it('two clicks at once on a new form store one report', async () => {
    const form = await openForm('báo cáo 1');
    const submit = findAction(form, 'report.submit');
    const data = {
      ...submit.data,
      task: String(ids['1']),
      status: 'in_progress',
      percent: '80',
      done: 'Hoàn thiện tài liệu',
    };
    const [a, b] = await Promise.all([
      h.invoke(people.lan, submit.verb, data),
      h.invoke(people.lan, submit.verb, data),
    ]);
    expect(textOf(a.value)).toContain(
      'Đã cập nhật báo cáo nhiệm vụ 1 kỳ tháng 6/2024 (phiên bản 2): Đang triển khai, 80%.',
    );
    expect(textOf(b.value)).toBe(textOf(a.value));
    expect(await revisions()).toBe(2);
  });

  it("the form opened again shows this period's report to edit", async () => {
    const form = await openForm('báo cáo 1');
    expect(textOf(form)).toContain('Báo cáo hiện có của đơn vị');
    const percent = (form.body as { id?: string; value?: unknown }[]).find((e) => e.id === 'percent');
    expect(percent?.value).toBe(80);
  });

  it('invalid fields come back on the form, beside the fields, with what was typed kept; nothing is stored', async () => {
    const form = await openForm('báo cáo 4');
    const submit = findAction(form, 'report.submit');
    const typed = {
      task: String(ids['4']),
      status: 'done',
      percent: '50',
      done: '   ',
      blockers: 'Chờ ý kiến',
      evidenceUrl: 'not a link',
    };
    const answer = await h.invoke(people.lan, submit.verb, { ...submit.data, ...typed });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = answer.value as { body: Record<string, unknown>[] };
    const text = textOf(card);
    expect(text).toContain('Vui lòng sửa các mục sau:');
    expect(text).toContain('Nhiệm vụ ở tình trạng Đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.');
    expect(text).toContain('Vui lòng nêu kết quả đã thực hiện trong kỳ.');
    expect(text).toContain('Đường dẫn minh chứng không hợp lệ');
    const byId = (id: string) => card.body.find((e) => e.id === id)!;
    expect(byId('percent')).toMatchObject({
      value: 50,
      errorMessage: 'Nhiệm vụ ở tình trạng Đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.',
    });
    expect(byId('status')).toMatchObject({ value: 'done' });
    expect(byId('blockers')).toMatchObject({ value: 'Chờ ý kiến' });
    expect(byId('evidenceUrl')).toMatchObject({ value: 'not a link' });
    // Still the same card instance: it has not been used.
    expect(findAction(card, 'report.submit').data.cardId).toBe(submit.data.cardId);
    expect(await revisions()).toBe(2);

    const fixed = await h.invoke(people.lan, submit.verb, {
      ...submit.data,
      ...typed,
      percent: '100',
      done: 'Đã nâng cấp',
      evidenceUrl: '',
    });
    expect(textOf(fixed.value)).toContain(
      'Đã ghi nhận báo cáo nhiệm vụ 4 kỳ tháng 6/2024: Đã hoàn thành, 100%.',
    );
    expect(await revisions()).toBe(3);
  });

  it("a refusal (someone else's task, sent by a tampered card) comes back as a message; the card stays", async () => {
    const form = await openForm('báo cáo');
    const submit = findAction(form, 'report.submit');
    const answer = await h.invoke(people.lan, submit.verb, {
      ...submit.data,
      task: String(ids['3']),
      status: 'in_progress',
      percent: '10',
      done: 'x',
    });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toContain('Nhiệm vụ 3 không giao cho đơn vị CNTT');
    expect(await revisions()).toBe(3);
  });

  it('a card clicked by someone who is not a member answers with the registration notice', async () => {
    const form = await openForm('báo cáo 1');
    const submit = findAction(form, 'report.submit');
    const answer = await h.invoke(people.stranger, submit.verb, {
      ...submit.data,
      task: String(ids['1']),
      status: 'done',
      percent: '100',
      done: 'x',
    });
    expect(textOf(answer.value)).toContain('Bạn chưa có trong danh sách thành viên');
    expect(await revisions()).toBe(3);
  });

  it('during the grace days the form asks which month, the previous one first; the report goes there', async () => {
    f.clock.set('2024-07-03T10:00:00+07:00');
    try {
      const form = await openForm('báo cáo 4');
      const period = inputOf(form, 'period');
      expect(period.choices?.map((c) => [c.value, c.title])).toEqual([
        ['2024-06', 'tháng 6/2024'],
        ['2024-07', 'tháng 7/2024'],
      ]);
      expect(period.value).toBe('2024-06');
      const submit = findAction(form, 'report.submit');
      const answer = await h.invoke(people.lan, submit.verb, {
        ...submit.data,
        task: String(ids['4']),
        status: 'in_progress',
        percent: '15',
        done: 'Đã khảo sát',
        period: '2024-07',
      });
      expect(textOf(answer.value)).toContain('Đã ghi nhận báo cáo nhiệm vụ 4 kỳ tháng 7/2024');
      // "báo cáo 4 2024-07" opens on July already.
      expect(inputOf(await openForm('báo cáo 4 2024-07'), 'period').value).toBe('2024-07');
      // After the grace days: one month, no question, and the card still reports on the month it showed.
      f.clock.set('2024-07-11T10:00:00+07:00');
      const after = await openForm('báo cáo 4');
      expect(inputIds(after)).not.toContain('period');
      const again = findAction(after, 'report.submit');
      const saved = await h.invoke(people.lan, again.verb, {
        ...again.data,
        task: String(ids['4']),
        status: 'in_progress',
        percent: '20',
        done: 'Đã khảo sát thêm',
      });
      expect(textOf(saved.value)).toContain('Đã cập nhật báo cáo nhiệm vụ 4 kỳ tháng 7/2024');
    } finally {
      f.clock.set('2024-06-20T09:00:00+07:00');
    }
  });
});

describeEachDatabase('Teams: proactive messages, install and uninstall', (db) => {
  let f: CoreFixture;
  let h: TeamsHarness;
  let ids: Record<string, number>;
  const nudge = () =>
    reminder([reminderTask(ids['1']!, '1', 'Tổ chức hội nghị', ['CNTT'], '2024-02-29')], 'overdue_nudge');

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    h = await TeamsHarness.start(f, { identity, connector });
    ids = await taskIds(db());
  });
  afterAll(async () => h?.close());

  it('a member whose personal chat is unknown is not reachable, and installing the app makes the next send succeed', async () => {
    connector.clear();
    const before = await h.channel.send(member(f, 'ha'), nudge());
    expect(before).toMatchObject({ ok: false, retryable: false, code: 'not_reachable' });
    expect(await h.channel.canReach(member(f, 'ha'))).toBe(false);
    expect(connector.attempts).toBe(0);

    await h.install(people.ha);
    // The install is welcomed in the personal chat.
    const welcome = connector.posted.find((p) => p.conversationId === 'a:personal-aad-ha');
    expect(textOf(cardsOf(welcome))).toContain('Xin chào Phạm Thu Hà!');
    const identityRow = await db().client.memberIdentity.findFirstOrThrow({
      where: { platform: 'teams', externalId: 'aad-ha' },
    });
    expect(JSON.parse(identityRow.reference ?? '{}')).toMatchObject({
      serviceUrl: connector.serviceUrl,
      conversation: { id: 'a:personal-aad-ha', conversationType: 'personal' },
    });
    expect(await h.channel.canReach(member(f, 'ha'))).toBe(true);

    connector.clear();
    const after = await h.channel.send(member(f, 'ha'), nudge());
    expect(after.ok).toBe(true);
    expect(after).toMatchObject({ messageId: 'activity-1' });
    const sent = connector.posted[0]!;
    expect(sent).toMatchObject({ kind: 'send', conversationId: 'a:personal-aad-ha' });
    expect(textOf(cardsOf(sent))).toContain('Nhiệm vụ đã quá hạn');
  });

  it('a message from a member stores their personal chat too', async () => {
    expect(await h.channel.canReach(member(f, 'lan'))).toBe(false);
    await h.message(people.lan, 'help');
    expect(await h.channel.canReach(member(f, 'lan'))).toBe(true);
    connector.clear();
    expect((await h.channel.send(member(f, 'lan'), nudge())).ok).toBe(true);
    expect(connector.posted[0]?.conversationId).toBe('a:personal-aad-lan');

    // Linked again by an admin (elsewhere: the reference is gone): the next message brings it back.
    await db().client.memberIdentity.updateMany({
      where: { externalId: 'aad-lan' },
      data: { reference: null },
    });
    expect(await h.channel.canReach(member(f, 'lan'))).toBe(false);
    await h.message(people.lan, 'giao ban');
    expect(await h.channel.canReach(member(f, 'lan'))).toBe(true);
  });

  it('403 from the connector (app removed, bot blocked) is "not reachable"', async () => {
    connector.clear();
    connector.failNext({
      status: 403,
      body: {
        error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
      },
    });
    const outcome = await h.channel.send(member(f, 'lan'), nudge());
    expect(outcome).toMatchObject({ ok: false, retryable: false, code: 'not_reachable' });
    expect((outcome as Extract<SendOutcome, { ok: false }>).reason).toContain('403');
    expect(connector.attempts).toBe(1);
  });

  it('429 and 5xx are retryable, with Retry-After, after one attempt (the SDK does not retry on its own)', async () => {
    connector.clear();
    connector.failNext({ status: 429, headers: { 'retry-after': '7' } });
    expect(await h.channel.send(member(f, 'lan'), nudge())).toMatchObject({
      ok: false,
      retryable: true,
      code: 'rate_limited',
      retryAfterMs: 7000,
    });
    expect(connector.attempts).toBe(1);

    connector.failNext({
      status: 503,
      headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() },
    });
    const unavailable = await h.channel.send(member(f, 'lan'), nudge());
    expect(unavailable).toMatchObject({ ok: false, retryable: true, code: 'server_error' });
    expect((unavailable as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(20_000);

    connector.failNext({ status: 500 });
    expect(await h.channel.send(member(f, 'lan'), nudge())).toMatchObject({
      ok: false,
      retryable: true,
      code: 'server_error',
    });
    expect(connector.attempts).toBe(3);

    // And the next try goes through.
    expect((await h.channel.send(member(f, 'lan'), nudge())).ok).toBe(true);
  });

  it('the group channel: unknown until the app is added to a team, then posts start new threads there', async () => {
    const group = { kind: 'group' as const, locale: 'vi' as const };
    expect(await h.channel.send(group, nudge())).toMatchObject({ ok: false, code: 'not_reachable' });

    connector.clear();
    await h.install(people.khanh, 'channel');
    expect(textOf(cardsOf(connector.posted.find((p) => p.conversationId === TEAM_CHANNEL_ID)))).toContain(
      'Thông báo chung và bản tổng hợp tiến độ của Tổ công tác sẽ được đăng tại kênh này',
    );
    connector.clear();
    const digest = reminder(
      [reminderTask(ids['1']!, '1', 'Tổ chức hội nghị', ['CNTT'], '2024-02-29')],
      'overdue_digest',
      false,
    );
    expect((await h.channel.send(group, digest)).ok).toBe(true);
    expect(connector.posted[0]).toMatchObject({ kind: 'send', conversationId: TEAM_CHANNEL_ID });
    const card = cardsOf(connector.posted[0])[0]!;
    expect(textOf(card)).toContain('Tổng hợp nhiệm vụ quá hạn');
    expect(JSON.stringify(card)).not.toContain('Action.Execute');
  });

  it('"tổng hợp đăng": the chair posts the summary to the group channel; a member may not', async () => {
    connector.clear();
    await h.message(people.khanh, 'tổng hợp đăng');
    const toChannel = connector.posted.find((p) => p.conversationId === TEAM_CHANNEL_ID);
    expect(textOf(cardsOf(toChannel))).toContain('Tổng hợp tiến độ tháng 6/2024 — toàn Tổ công tác');
    const reply = connector.posted.find((p) => p.conversationId === 'a:personal-aad-khanh');
    expect(textOf(cardsOf(reply))).toContain('Đã đăng bản tổng hợp lên kênh Teams của Tổ công tác.');

    connector.clear();
    await h.message(people.lan, 'tổng hợp đăng');
    expect(connector.posted.map((p) => p.conversationId)).toEqual(['a:personal-aad-lan']);
    expect(textOf(repliedCard())).toContain('chỉ dành cho Tổ trưởng');
  });

  it('uninstalling forgets the personal chat: the member is not reachable again', async () => {
    await h.uninstall(people.ha);
    expect(await h.channel.send(member(f, 'ha'), nudge())).toMatchObject({
      ok: false,
      code: 'not_reachable',
    });
  });
});

describeEachDatabase("Teams: reminders with buttons, and the full flow to the chair's summary", (db) => {
  let f: CoreFixture;
  let h: TeamsHarness;
  let ids: Record<string, number>;
  let round: ReturnType<typeof reminder>;

  const sentCard = async () => {
    connector.clear();
    const outcome = await h.channel.send(member(f, 'lan'), round);
    expect(outcome.ok).toBe(true);
    return cardsOf(connector.posted[0])[0]!;
  };

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    h = await TeamsHarness.start(f, { identity, connector });
    ids = await taskIds(db());
    round = reminder([
      reminderTask(ids['1']!, '1', 'Tổ chức hội nghị', ['CNTT'], '2024-02-29'),
      reminderTask(ids['4']!, '4', 'Nâng cấp phần mềm', ['CNTT', 'VP'], null),
    ]);
    await h.install(people.lan);
    await h.install(people.khanh);
  });
  afterAll(async () => h?.close());

  it('FULL FLOW: reminder → "Cập nhật tiến độ" → form → submit → card updated → the chair\'s summary shows it', async () => {
    const card = await sentCard();
    const text = textOf(card);
    expect(text).toContain('Mở đợt báo cáo tiến độ tháng 6/2024');
    expect(text).toContain('Thời gian: thứ Ba, 25/06/2024 09:00');
    for (const label of ['Cập nhật tiến độ', 'Đã hoàn thành', 'Nhắc lại sau']) expect(text).toContain(label);

    const open = findAction(card, 'report.open', (d) => d.taskCode === '1');
    const form = await h.invoke(people.lan, open.verb, open.data);
    expect(textOf(form.value)).toContain('Báo cáo nhiệm vụ 1 — kỳ tháng 6/2024');
    expect(textOf(form.value)).toContain('Quay lại');

    const submit = findAction(form.value, 'report.submit');
    const saved = await h.invoke(people.lan, submit.verb, {
      ...submit.data,
      task: String(ids['1']),
      status: 'blocked',
      percent: '30',
      done: 'Đã chuẩn bị tài liệu hội nghị',
      blockers: 'Chưa bố trí được kinh phí tổ chức',
    });
    const updated = textOf(saved.value);
    expect(updated).toContain('✓ Đã ghi nhận báo cáo nhiệm vụ 1 kỳ tháng 6/2024: Vướng mắc, 30%.');
    // The rest of the reminder carries on below, with its buttons.
    expect(updated).toContain('Các nhiệm vụ còn lại trong lời nhắc, đơn vị chưa báo cáo kỳ này:');
    expect(updated).toContain('[4] Nâng cấp phần mềm');
    expect(updated).not.toContain('[1] Tổ chức hội nghị');
    findAction(saved.value, 'task.done', (d) => d.taskId === ids['4']);

    connector.clear();
    await h.message(people.khanh, 'tổng hợp');
    const summary = textOf(repliedCard());
    expect(summary).toContain('Tổng hợp tiến độ tháng 6/2024 — toàn Tổ công tác');
    expect(summary).toContain('[1] quá hạn 112 ngày (hạn 29/02/2024) · chủ trì: CNTT · Vướng mắc');
    expect(summary).toContain('Vướng mắc, kiến nghị (1)');
    expect(summary).toContain('Chưa bố trí được kinh phí tổ chức');
    expect(summary).toContain('[1] CNTT — Trung tâm Công nghệ thông tin · Nguyễn Thị Lan · Vướng mắc');
  });

  it('"Đã hoàn thành" with a product link: done at 100 %, once, the card updated in place', async () => {
    const card = await sentCard();
    const done = findAction(card, 'task.done', (d) => d.taskId === ids['4']);
    const answer = await h.invoke(people.lan, done.verb, {
      ...done.data,
      [`evidence_${ids['4']}`]: 'https://baohiemxahoi.gov.vn/phan-mem',
    });
    expect(textOf(answer.value)).toContain(
      'Đã ghi nhận báo cáo nhiệm vụ 4 kỳ tháng 6/2024: Đã hoàn thành, 100%.',
    );
    // Task 1 was reported in the full flow: nothing remains.
    expect(textOf(answer.value)).toContain('Đơn vị đã báo cáo tất cả các nhiệm vụ trong lời nhắc này.');
    const report = await db().client.statusReport.findFirstOrThrow({ where: { taskId: ids['4'] } });
    expect(report).toMatchObject({
      status: 'done',
      percent: 100,
      evidenceUrl: 'https://baohiemxahoi.gov.vn/phan-mem',
    });
    const count = await db().client.statusReportRevision.count();
    const again = await h.invoke(people.lan, done.verb, done.data);
    expect(textOf(again.value)).toContain(
      'Đã ghi nhận báo cáo nhiệm vụ 4 kỳ tháng 6/2024: Đã hoàn thành, 100%.',
    );
    expect(await db().client.statusReportRevision.count()).toBe(count);
  });

  it('"Nhắc lại sau": a day too far comes back as a message (card unchanged); a good day is recorded once', async () => {
    const card = await sentCard();
    const snooze = findAction(card, 'task.snooze', (d) => d.taskId === ids['1']);
    const tooFar = await h.invoke(people.lan, snooze.verb, {
      ...snooze.data,
      [`until_${ids['1']}`]: '2025-01-01',
    });
    expect(tooFar.type).toBe('application/vnd.microsoft.activity.message');
    expect(tooFar.value).toContain('Ngày nhắc lại không hợp lệ');
    expect(await db().client.taskSnooze.count()).toBe(0);

    const ok = await h.invoke(people.lan, snooze.verb, {
      ...snooze.data,
      [`until_${ids['1']}`]: '2024-07-05',
      [`reason_${ids['1']}`]: 'Chờ phê duyệt kinh phí',
    });
    expect(textOf(ok.value)).toContain('Đã ghi nhận đề nghị nhắc lại nhiệm vụ 1 vào ngày 05/07/2024');
    await h.invoke(people.lan, snooze.verb, { ...snooze.data, [`until_${ids['1']}`]: '2024-07-05' });
    expect(await db().client.taskSnooze.count()).toBe(1);
  });

  it('"Quay lại" from the form returns to the reminder\'s tasks as they stand now', async () => {
    const card = await sentCard();
    const open = findAction(card, 'report.open', (d) => d.taskCode === '4');
    const form = await h.invoke(people.lan, open.verb, open.data);
    const back = findAction(form.value, 'reminder.page');
    const list = await h.invoke(people.lan, back.verb, back.data);
    const text = textOf(list.value);
    expect(text).toContain('Mở đợt báo cáo tiến độ tháng 6/2024');
    expect(text).toContain('[1] Tổ chức hội nghị');
    expect(text).toContain('[4] Nâng cấp phần mềm');
    expect(text).toContain('Đã hoàn thành');
  });
});

describe('Teams: a turn that fails', () => {
  describeEachDatabase('with the database broken', (db) => {
    let f: CoreFixture;
    let h: TeamsHarness;

    beforeAll(async () => {
      f = await createCoreFixture(db());
      await linkTeamsAccounts(f);
      h = await TeamsHarness.start(f, { identity, connector });
    });
    afterAll(async () => h?.close());

    it('is logged once and the user is told something went wrong', async () => {
      await db().client.$executeRawUnsafe('DROP TABLE "MemberIdentity"');
      connector.clear();
      const answer = await h.message(people.lan, 'nhiệm vụ');
      expect(answer.status).toBe(200);
      expect(connector.posted).toHaveLength(1);
      expect(connector.posted[0]?.activity.text).toContain('Xin lỗi, trợ lý gặp sự cố khi xử lý yêu cầu');
      expect(h.log.filter((line) => line.includes('turn failed'))).toHaveLength(1);
      expect(BOT_ID).toContain(APP_ID);
    });
  });
});
