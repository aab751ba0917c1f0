/**
 * The web dashboard in a real browser (issue 18): Debian's chromium driven by playwright-core. Sign-in
 * links come from `/da06 web` in the terminal chat; every page is visited as a member, the chair and
 * an admin, checked with axe-core (no serious or critical violation), walked with the keyboard, and
 * photographed at 1366×768 and 390×844 (test-output/screenshots/, git-ignored). The refusals: an
 * expired, reused or forged link; a deactivated member; a POST without its CSRF token; a member on
 * another unit's page. Under CI=true a missing chromium fails the file instead of skipping it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMeetingRule, serializeRule } from '../../src/domain/meeting-rule.ts';
import { type Dashboard, startDashboard } from '../support/web.ts';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const SHOTS = resolve(import.meta.dirname, '../../test-output/screenshots');
const BUCKET_WORDS = [
  'Đã hoàn thành đúng hạn',
  'Hoàn thành quá hạn',
  'Chưa hoàn thành, trong hạn',
  'Chưa hoàn thành, quá hạn',
];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

if (!present && inCi) {
  describe('the web dashboard in chromium', () => {
    it('needs /usr/bin/chromium (.ci/run installs it with apt-get)', () => {
      expect.fail(`${CHROMIUM} is missing: the browser tests cannot run`);
    });
  });
}

describe.skipIf(!present)('the web dashboard in chromium', () => {
  let dash: Dashboard;
  let browser: Browser;

  beforeAll(async () => {
    dash = await startDashboard();
    const { core, viewers } = dash.fixture;
    // A report with two revisions and a kiến nghị, so the task page has a history.
    const draft = {
      status: 'in_progress',
      percent: 40,
      done: 'Đã khảo sát hiện trạng',
      evidenceUrl: 'https://example.gov.vn/a',
    };
    await core.submitReport(viewers.lan, { task: '4', draft });
    await core.submitReport(viewers.lan, {
      task: '4',
      draft: { ...draft, percent: 60, blockers: 'Cần bổ sung kinh phí' },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await dash?.close();
  });

  async function signIn(login: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    const link = await dash.linkFor(login);
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/web/'); // the link's secret is redirected away
    return { context, page };
  }

  // Browser-side code is passed as text: the project's TypeScript has no DOM types.
  const AXE_RUN = `axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`;
  const CONTROLS = 'a[href], button, input:not([type=hidden]), select';

  async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(AXE);
    const result = (await page.evaluate(AXE_RUN)) as {
      violations: { id: string; impact: string; nodes: unknown[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  }

  /** Tabs through the page: every link, button, input and select is reached. */
  async function keyboardReachesEverything(page: Page): Promise<void> {
    const controls = (await page.evaluate(
      `(() => { const all = document.querySelectorAll('${CONTROLS}');
        for (const el of all) el.dataset.seen = '';
        document.activeElement?.blur();
        return all.length; })()`,
    )) as number;
    expect(controls).toBeGreaterThan(3);
    for (let i = 0; i < controls + 2; i++) {
      await page.keyboard.press('Tab');
      await page.evaluate(
        `(() => { const el = document.activeElement; if (el && el !== document.body) el.dataset.seen = 'yes'; })()`,
      );
    }
    const missed = await page.$$eval('[data-seen=""]', (els) => els.map((e) => e.outerHTML.slice(0, 120)));
    expect(missed).toEqual([]);
    // The walk wraps round to the skip link; leave the page unfocused, as it opens.
    await page.evaluate('document.activeElement?.blur()');
  }

  /** Where the skip link is drawn: off-screen (x < 0) unless it has focus. */
  const skipLinkX = async (page: Page) => (await page.locator('a.skip').boundingBox())?.x ?? 0;

  async function visit(page: Page, who: string, name: string, path: string): Promise<string> {
    const response = await page.goto(`${dash.base}${path}`);
    expect(response?.status(), `${who} ${path}`).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await axeViolations(page), `${who} ${path}`).toEqual([]);
    await keyboardReachesEverything(page);
    // The photographs show the page as it opens: the skip link is hidden until it has focus.
    expect(await skipLinkX(page), `${who} ${path}: skip link shown`).toBeLessThan(0);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: `${SHOTS}/${who}-${name}-${size.width}x${size.height}.png`,
        fullPage: true,
      });
    }
    await page.setViewportSize(SIZES[0]!);
    return page.locator('main').innerText();
  }

  it('a member sees their unit, its tasks and history, overdue and meetings', async () => {
    const { context, page } = await signIn('lan');
    const taskId = (await dash.fixture.core.tasks()).find((task) => task.code === '4')!.id;
    expect(await visit(page, 'member', 'overview', '/web/')).toContain('Phạm vi: đơn vị CNTT');
    expect(await visit(page, 'member', 'unit', '/web/unit?code=CNTT')).toContain('Nguyễn Thị Lan');
    const task = await visit(page, 'member', 'task', `/web/task?id=${taskId}`);
    expect(task).toContain('Cần bổ sung kinh phí');
    expect(task).toMatch(/2\s+Nguyễn Thị Lan/); // revision 2 beside revision 1
    await visit(page, 'member', 'overdue', '/web/overdue');
    // No rule set by the chair yet: MEETING_RULE's, in words, said to be the configured one.
    const meetings = await visit(page, 'member', 'meetings', '/web/meetings');
    expect(meetings).toContain('ngày 25 hằng tháng, 09:00');
    expect(meetings).toContain('Theo cấu hình mặc định');
    await context.close();
  });

  it('the chair sees every unit, the scoreboard with its rule and downloads exports', async () => {
    const { context, page } = await signIn('khanh');
    const overview = await visit(page, 'chair', 'overview', '/web/');
    expect(overview).toContain('toàn Tổ công tác');
    expect(overview).toContain('Kiến nghị chờ Tổ trưởng xử lý');
    // The four deadline buckets (issue 19) in words with their counts, period then cumulative.
    expect(overview).toContain('Tiến độ theo thời hạn');
    for (const bucket of BUCKET_WORDS) expect(overview).toMatch(new RegExp(`${bucket}\\s+\\d+\\s+\\d+`));
    expect(overview).toMatch(/Tổng số\s+\d+\s+[1-9]\d*/); // cumulative counts some deadline
    const unitVp = await visit(page, 'chair', 'unit-vp', '/web/unit?code=VP');
    expect(unitVp).toContain('Văn phòng BHXH Việt Nam');
    for (const bucket of BUCKET_WORDS) expect(unitVp).toMatch(new RegExp(`${bucket}\\s+\\d+\\s+\\d+`));
    expect(await visit(page, 'chair', 'scoreboard', '/web/scoreboard?period=2024-05')).toContain(
      'Cách tính điểm',
    );
    await visit(page, 'chair', 'exports', '/web/exports');
    const download = await page.request.get(`${dash.base}/web/export?format=csv&period=2024-05`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
    // English by the toggle, kept in the session.
    await page.goto(`${dash.base}/web/overdue`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('Overdue tasks');
    const english = await visit(page, 'chair-en', 'overview', '/web/');
    expect(english).toContain('Progress overview');
    expect(english).toContain('Progress against deadlines');
    expect(english).toMatch(/Not done, overdue\s+\d+\s+\d+/);
    await context.close();
  });

  it('an admin changes a role from the members page', async () => {
    const { context, page } = await signIn('tuan');
    expect(await visit(page, 'admin', 'members', '/web/admin/members')).toContain('Đỗ Văn Minh');
    const minh = dash.fixture.viewers.minh.memberId;
    await page
      .locator(`form:has(input[name=member][value="${minh}"]) select[name=role]`)
      .selectOption('vice-chair');
    await page.locator(`form:has(input[name=member][value="${minh}"]):has(select) button`).click();
    await expect.poll(() => page.locator('[role=status]').innerText()).toContain('Đỗ Văn Minh');
    expect((await dash.fixture.stores.members.byId(minh))?.role).toBe('vice-chair');
    await context.close();
  });

  it('an admin sees a deactivated member, reactivates them and links a chat account', async () => {
    const { context, page } = await signIn('tuan');
    const ha = dash.fixture.viewers.ha.memberId;
    await dash.fixture.stores.members.deactivate(ha, 'test');
    const text = await visit(page, 'admin', 'members-inactive', '/web/admin/members');
    expect(text).toMatch(/Phạm Thu Hà[^\n]*\n?[^\n]*Đã ngừng/);
    await page.getByRole('button', { name: 'Kích hoạt lại: Phạm Thu Hà' }).click();
    await expect.poll(() => page.locator('[role=status]').innerText()).toContain('Phạm Thu Hà');
    expect((await dash.fixture.stores.members.byId(ha))?.active).toBe(true);
    // The same row now offers "deactivate" again.
    await expect
      .poll(() => page.getByRole('button', { name: 'Ngừng hoạt động: Phạm Thu Hà' }).count())
      .toBe(1);

    await page.locator('#link-member').selectOption(String(ha));
    await page.locator('#link-platform').selectOption('slack');
    await page.locator('#link-account').fill('U0HA12345');
    await page.getByRole('button', { name: 'Liên kết tài khoản' }).click();
    await expect.poll(() => page.locator('[role=status]').innerText()).toContain('slack:U0HA12345');
    expect((await dash.fixture.stores.members.byId(ha))?.identities.slack).toBe('U0HA12345');
    expect(await page.locator('main').innerText()).toContain('slack:U0HA12345');
    expect(await axeViolations(page)).toEqual([]);

    // An account another member holds is refused in words; without the CSRF token nothing is linked.
    await page.locator('#link-member').selectOption(String(dash.fixture.viewers.minh.memberId));
    await page.locator('#link-platform').selectOption('slack');
    await page.locator('#link-account').fill('U0HA12345');
    await page.getByRole('button', { name: 'Liên kết tài khoản' }).click();
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('Tài khoản này đã được liên kết với một thành viên khác');
    expect(
      (await dash.fixture.stores.members.byId(dash.fixture.viewers.minh.memberId))?.identities.slack,
    ).toBe(undefined);
    const forged = await page.request.post(`${dash.base}/web/admin/members`, {
      form: { member: String(ha), action: 'link', platform: 'teams', account: 'aad-ha' },
    });
    expect(forged.status()).toBe(403);
    expect((await dash.fixture.stores.members.byId(ha))?.identities.teams).toBe(undefined);
    await context.close();
  });

  it('the meetings page says the rule in chat’s words and lists the coming months, moved and cancelled marked', async () => {
    const { meetings } = dash.fixture.stores;
    const parsed = parseMeetingRule('thứ Sáu tuần cuối cùng 14:00; tại Phòng họp A');
    if (!parsed.ok) throw new Error('the rule should parse');
    await meetings.saveRule(serializeRule(parsed.rule), 'test');
    const at = (iso: string) => new Date(iso);
    await meetings.insertMissing([
      {
        occurrence: '2024-06',
        startsAt: at('2024-06-28T07:00:00Z'),
        place: 'Phòng họp A',
        agenda: null,
        note: null,
      },
      {
        occurrence: '2024-07',
        startsAt: at('2024-07-26T07:00:00Z'),
        place: 'Phòng họp A',
        agenda: null,
        note: null,
      },
      {
        occurrence: '2024-08',
        startsAt: at('2024-08-30T07:00:00Z'),
        place: 'Phòng họp A',
        agenda: null,
        note: null,
      },
    ]);
    const july = (await meetings.byOccurrence('2024-07'))!;
    await meetings.move(
      july.id,
      { startsAt: at('2024-07-31T07:00:00Z'), note: 'Trùng lịch họp Ban' },
      'test',
    );
    await meetings.cancel((await meetings.byOccurrence('2024-08'))!.id, 'Nghỉ hè', 'test');

    const { context, page } = await signIn('lan');
    const text = await visit(page, 'member', 'meetings-calendar', '/web/meetings');
    expect(text).toContain('thứ Sáu tuần cuối cùng hằng tháng, 14:00 · Phòng họp A');
    expect(text).not.toContain('"day"'); // no rule JSON
    expect(text).not.toContain('Theo cấu hình mặc định');
    const row = (month: string) => page.locator('#meetings-calendar ~ * tr', { hasText: month }).innerText();
    expect(await row('Tháng 06/2024')).toMatch(/28\/06\/2024[\s\S]*Theo lịch/);
    expect(await row('Tháng 07/2024')).toMatch(/31\/07\/2024[\s\S]*Đã dời[\s\S]*Trùng lịch họp Ban/);
    expect(await row('Tháng 08/2024')).toMatch(/Đã hủy[\s\S]*Nghỉ hè/);
    expect(await row('Tháng 09/2024')).toContain('Chưa lên lịch');
    expect(await page.locator('#meetings-calendar ~ * s').count()).toBe(1); // the cancelled date struck through
    await context.close();
  });

  const PLAN_CSV = [
    'TT,Nội dung thực hiện,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành,Sản phẩm',
    '1,Xây dựng kho dữ liệu hộ tịch,Trung tâm Công nghệ thông tin,,Tháng 12/2024,Kho dữ liệu',
    '2,Rà soát hồ sơ số hoá,Phòng Lưu trữ số,Trung tâm Công nghệ thông tin,Quý IV/2024,Báo cáo',
  ].join('\n');

  async function uploadPlan(
    page: Page,
    number: string,
    name = 'ke-hoach.csv',
    bytes = Buffer.from(PLAN_CSV),
  ) {
    await page.goto(`${dash.base}/web/admin/plan-import`);
    await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: bytes });
    await page.fill('#number', number);
    await page.fill('#year', '2024');
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
  }

  it('an admin uploads a plan, maps an unknown unit, confirms, and its tasks are in chat', async () => {
    const { context, page } = await signIn('tuan');
    await visit(page, 'admin', 'plan-import', '/web/admin/plan-import');
    await uploadPlan(page, 'KH-WEB/2024');
    const preview = await page.locator('main').innerText();
    expect(preview).toContain('Phòng Lưu trữ số');
    expect(preview).toContain('Rà soát hồ sơ số hoá');
    expect(await axeViolations(page)).toEqual([]);
    expect(await skipLinkX(page)).toBeLessThan(0); // README shows this one
    await page.screenshot({ path: `${SHOTS}/admin-plan-preview-1366x768.png`, fullPage: true });
    expect(await dash.fixture.core.tasks()).not.toContainEqual(
      expect.objectContaining({ planNumber: 'KH-WEB/2024' }),
    );
    await page.getByLabel(/"Phòng Lưu trữ số"/).selectOption('VP');
    await page.getByRole('button', { name: 'Xác nhận nhập kế hoạch' }).click();
    await expect
      .poll(() => page.locator('[role=status]').innerText())
      .toContain('Đã nhập kế hoạch KH-WEB/2024');
    await dash.say('/da06 as minh', /chuyển sang/);
    const tasks = await dash.say('/da06 tasks', /Rà soát hồ sơ số hoá|nhiệm vụ/);
    expect(tasks).toContain('Rà soát hồ sơ số hoá');
    await context.close();
  });

  it('refuses an upload of the wrong type and a preview left for a day, writing nothing', async () => {
    const { context, page } = await signIn('tuan');
    await uploadPlan(page, 'KH-PDF', 'ke-hoach.pdf', Buffer.from('%PDF-1.4'));
    expect(await page.locator('main').innerText()).toContain('không phải CSV, XLSX hoặc DOCX');
    await uploadPlan(page, 'KH-CU/2024');
    const upload = await page.locator('input[name=upload]').getAttribute('value');
    // A day and a half later (the session has ended too): signed in again, the preview is gone.
    dash.webClock.set(new Date(Date.parse('2024-06-21T14:00:00Z')));
    const again = await signIn('tuan');
    await again.page.goto(`${dash.base}/web/admin/plan-import`);
    const csrf = await again.page.locator('input[name=csrf]').first().getAttribute('value');
    const response = await again.page.request.post(`${dash.base}/web/admin/plan-import/review`, {
      form: {
        csrf: csrf ?? '',
        upload: upload ?? '',
        step: 'confirm',
        name_0: 'Phòng Lưu trữ số',
        code_0: 'VP',
      },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('đã hết hạn');
    await again.context.close();
    dash.webClock.set('2024-06-20T02:00:00Z');
    const plans = new Set((await dash.fixture.core.tasks()).map((task) => task.planNumber));
    expect(plans.has('KH-CU/2024')).toBe(false);
    expect(plans.has('KH-PDF')).toBe(false);
    await context.close();
  });

  it('refuses an expired, a reused and a forged link, in words, with no stack trace', async () => {
    const page = await browser.newPage();
    const expired = await dash.linkFor('ha');
    dash.webClock.set(new Date(Date.parse('2024-06-20T02:11:00Z')));
    let response = await page.goto(expired);
    expect(response?.status()).toBe(403);
    expect(await page.locator('main').innerText()).toContain('hết hạn');
    dash.webClock.set('2024-06-20T02:00:00Z');

    const link = await dash.linkFor('ha');
    expect((await page.goto(link))?.status()).toBe(200);
    await page.context().clearCookies();
    response = await page.goto(link);
    expect(response?.status()).toBe(403);
    expect(await page.locator('main').innerText()).toContain('đã được sử dụng');

    const fresh = await dash.linkFor('ha');
    response = await page.goto(`${fresh.slice(0, -4)}AAAA`);
    expect(response?.status()).toBe(403);
    const text = await page.locator('main').innerText();
    expect(text).toContain('không hợp lệ');
    expect(text).not.toMatch(/Error|at .*\.ts/);
    await page.screenshot({ path: `${SHOTS}/refusal-forged-link-1366x768.png` });
    await page.close();
  });

  it('refuses a deactivated member’s link and ends their session', async () => {
    const { context, page } = await signIn('minh');
    const link = await dash.linkFor('minh');
    await dash.fixture.stores.members.deactivate(dash.fixture.viewers.minh.memberId, 'test');
    const refused = await (await browser.newPage()).goto(link);
    expect(refused?.status()).toBe(403);
    expect(await refused?.text()).toContain('đã ngừng hoạt động');
    const after = await page.goto(`${dash.base}/web/`);
    expect(after?.status()).toBe(401);
    await dash.fixture.stores.members.reactivate(dash.fixture.viewers.minh.memberId, 'test');
    await context.close();
  });

  it('refuses a POST without the CSRF token and writes nothing', async () => {
    const { context, page } = await signIn('tuan');
    const ha = dash.fixture.viewers.ha.memberId;
    const response = await page.request.post(`${dash.base}/web/admin/members`, {
      form: { member: String(ha), action: 'role', role: 'admin' },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('thiếu mã bảo vệ');
    expect((await dash.fixture.stores.members.byId(ha))?.role).toBe('member');
    await context.close();
  });

  it('a member opening another unit’s page reads why, in their language', async () => {
    const { context, page } = await signIn('lan');
    const response = await page.goto(`${dash.base}/web/unit?code=VP`);
    expect(response?.status()).toBe(403);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Bạn chỉ xem được trang của đơn vị mình (CNTT)');
    expect(text).not.toContain('Văn phòng BHXH Việt Nam');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/refusal-other-unit-390x844.png` });
    // Members are the admins' page: refused too.
    expect((await page.goto(`${dash.base}/web/admin/members`))?.status()).toBe(403);
    await context.close();
  });

  it('sign-out ends every session of the member', async () => {
    const first = await signIn('khanh');
    const second = await signIn('khanh');
    await first.page.getByRole('button', { name: 'Đăng xuất (mọi thiết bị)' }).click();
    await expect.poll(() => first.page.locator('h1').innerText()).toContain('Đã đăng xuất');
    expect((await second.page.goto(`${dash.base}/web/`))?.status()).toBe(401);
    expect(dash.errors).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
