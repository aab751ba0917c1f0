/**
 * The DOCX draft of a period's report, laid out as a Vietnamese administrative report (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I): a borderless two-column header (issuing body with a short rule, number
 * "Số: …/BC-TCT" left blank; national heading and motto, place and date), the title "BÁO CÁO" and its
 * subject, body sections I–IV justified with a first-line indent, the closing line, "Nơi nhận:" and the
 * signature block "TỔ TRƯỞNG" left blank for signing; then the appendix table on landscape pages.
 * Times New Roman 12–14 pt on A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; page numbers
 * centred at the top from page 2.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type {
  PeriodTaskRow,
  RaisedBlocker,
  ReportPeriodData,
  UnitWord,
} from '../domain/report-period-data.ts';
import type { Locale } from '../domain/roles.ts';
import { formatDate, formatPercent, periodLabel, standingLabel, t } from '../i18n/index.ts';
import { bucketsDocx } from './buckets.ts';
import { deadlineText, upper } from './i18n.ts';
import { leadText, type ReportDocument, romanNumeral, tableRows, wordPeriodShown } from './model.ts';
import {
  body,
  centered,
  FIRST_LINE,
  ND30_MARGINS,
  ND30_STYLES,
  headerTable as nd30HeaderTable,
  signatureTable as nd30SignatureTable,
  noBorderCell,
  PT,
  planRefList,
  type RunStyle,
  run,
  TEXT_WIDTH,
} from './nd30-layout.ts';

const LANDSCAPE_TEXT_WIDTH = convertMillimetersToTwip(297 - 20 - 20);
/** Units listed by name before "và N đơn vị khác". */
const MAX_UNITS_LISTED = 20;

export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const { locale, data } = doc;
  const period = periodLabel(locale, data.period);
  const title = t(locale, 'reports.doc.title', { period });
  const document = new Document({
    creator: 'da06-bot',
    title,
    description: t(locale, 'reports.doc.subject', { period }),
    styles: ND30_STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 },
            margin: {
              ...ND30_MARGINS,
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          headerTable(doc),
          ...titleBlock(locale, period),
          ...intro(doc, period),
          ...resultsSection(doc),
          ...behindSection(doc),
          ...blockersSection(doc),
          ...nextMonthSection(doc),
          body(t(locale, 'reports.doc.closing', { period }), { keepNext: true }),
          signatureTable(doc),
        ],
      },
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(20),
              right: convertMillimetersToTwip(20),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: { default: pageNumberHeader() },
        children: appendix(doc),
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---------------------------------------------------------------------------------------------
// Building blocks

function heading(text: string): Paragraph {
  return boldParagraph(text, 240);
}

function subheading(text: string): Paragraph {
  return boldParagraph(text, 160);
}

/** A bold, justified line kept with what follows, `before` twips below the previous one. */
function boldParagraph(text: string, before: number): Paragraph {
  return new Paragraph({
    children: [run(text, { bold: true })],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before, after: 0, line: 276, lineRule: LineRuleType.AUTO },
    keepNext: true,
  });
}

/** A short centred rule (Nghị định 30: 1/3–1/2 of the line above), drawn as a paragraph's bottom border. */
function shortRule(cellWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: PT(2) },
  });
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: PT(13) })],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Header, title, introduction

function headerTable(doc: ReportDocument): Table {
  const left = convertMillimetersToTwip(63);
  return nd30HeaderTable({
    locale: doc.locale,
    issuedOn: doc.issuedOn,
    left,
    cell: noBorderCell,
    rule: shortRule(left, convertMillimetersToTwip(22)),
    numberLines: [centered(t(doc.locale, 'reports.doc.number'), { size: PT(13) }, { before: 120 })],
  });
}

function titleBlock(locale: Locale, period: string): Paragraph[] {
  return [
    centered(t(locale, 'reports.doc.kind'), { bold: true, size: PT(14) }, { before: 360 }),
    centered(t(locale, 'reports.doc.subject', { period }), { bold: true, size: PT(14) }),
    shortRule(TEXT_WIDTH, convertMillimetersToTwip(40)),
    new Paragraph({ children: [], spacing: { before: 120 } }),
  ];
}

function intro(doc: ReportDocument, period: string): Paragraph[] {
  const { locale, data } = doc;
  const date = formatDate(locale, data.asOf);
  if (doc.plans.length === 0) return [body(t(locale, 'reports.doc.intro_no_plan', { period, date }))];
  const plans = planRefList(locale, doc.plans);
  return [body(t(locale, 'reports.doc.intro', { plans, period, date }))];
}

// ---------------------------------------------------------------------------------------------
// I. Results

function resultsSection(doc: ReportDocument): (Paragraph | Table)[] {
  const { locale, data } = doc;
  const out: (Paragraph | Table)[] = [heading(t(locale, 'reports.doc.s1'))];
  if (data.taskCount === 0) return [...out, body(t(locale, 'reports.doc.s1.no_tasks'))];
  out.push(
    body(
      t(locale, 'reports.doc.s1.overview', {
        count: data.taskCount,
        ...data.totals,
        donePercent: formatPercent(locale, (data.totals.done / data.taskCount) * 100),
      }),
    ),
  );
  if (doc.buckets) out.push(...bucketsDocx(doc.buckets, locale));
  if (!data.hasReports) {
    out.push(body(t(locale, 'reports.doc.s1.no_reports', { period: periodLabel(locale, data.period) })));
    return out;
  }
  out.push(
    body(
      t(locale, 'reports.doc.s1.reporting', {
        reports: data.reportCount,
        units: data.reportingUnits,
        late: data.lateReports,
      }),
    ),
  );
  if (doc.chart) out.push(...chartBlock(doc));
  if (data.period.kind !== 'month') out.push(body(t(locale, 'reports.doc.s1.aggregate')));
  const titled = groupTitles(data);
  data.groups.forEach((group, i) => {
    if (titled) out.push(subheading(`${i + 1}. ${groupTitle(doc, group)}`));
    for (const task of group.tasks) out.push(...taskBlock(doc, task));
  });
  return out;
}

/** Groups get titles unless the plan has no section rows at all. */
function groupTitles(data: ReportPeriodData): boolean {
  return data.groups.length > 1 || (data.groups[0] !== undefined && data.groups[0].section !== null);
}

/** The plan's section row; the plan's number in front when the report covers several plans. */
function groupTitle(doc: ReportDocument, group: ReportPeriodData['groups'][number]): string {
  const prefix = doc.plans.length > 1 ? `${group.planNumber}: ` : '';
  return `${prefix}${group.section ?? t(doc.locale, 'reports.doc.other_tasks')}`;
}

function chartBlock(doc: ReportDocument): Paragraph[] {
  const chart = doc.chart!;
  // 150 mm wide (docx sizes images in pixels at 96 to the inch): with its caption the chart then fits
  // under the opening paragraphs on the first page.
  const width = Math.round((150 / 25.4) * 96);
  const height = Math.round((chart.height / chart.width) * width);
  const caption = t(doc.locale, 'reports.doc.chart_caption');
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 160 },
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width, height },
          altText: { name: 'chart', title: caption, description: chart.altText },
        }),
      ],
    }),
    centered(caption, { italics: true, size: PT(12) }, { before: 60, after: 120 }),
  ];
}

function taskBlock(doc: ReportDocument, task: PeriodTaskRow): Paragraph[] {
  const { locale, data } = doc;
  const meta = t(locale, 'reports.doc.task_meta', {
    lead: inline(leadText(task, locale)),
    deadline: inline(deadlineText(locale, task.deadline)),
  });
  const standing = t(
    locale,
    task.percent === null ? 'reports.doc.task_standing' : 'reports.doc.task_standing_percent',
    {
      standing: standingLabel(locale, task.standing),
      percent: task.percent ?? '',
    },
  );
  const silent = unique(task.leadUnits).filter(
    (unit) => !task.words.some((w) => w.unitCode === unit) && !task.carriedDone.includes(unit),
  );
  const partlySilent = silent.length > 0 && silent.length < unique(task.leadUnits).length;
  const out = [
    body(
      [
        run(`${t(locale, 'reports.doc.task', { code: task.code })} `, { bold: true }),
        run(`${inline(task.content)} ${meta} `),
        run(standing, { italics: true }),
      ],
      { keepNext: task.words.length + task.carriedDone.length > 0 || partlySilent },
    ),
  ];
  for (const word of task.words) out.push(...wordLines(doc, word, data));
  for (const unit of task.carriedDone) {
    out.push(body(`- ${t(locale, 'reports.doc.carried_done', { unit: unitLabel(data, unit) })}`));
  }
  if (partlySilent) {
    out.push(body(`- ${t(locale, 'reports.doc.leads_missing', { units: listUnits(locale, silent) })}`));
  }
  return out;
}

/** Text of the plan or of a unit placed inside a sentence: without its own final full stop. */
export function inline(text: string): string {
  return text.trim().replace(/[\s.;,]+$/u, '');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** "- Trung tâm Công nghệ thông tin (Nguyễn Thị Lan): “…”", then its kiến nghị. */
function wordLines(doc: ReportDocument, word: UnitWord, data: ReportPeriodData): Paragraph[] {
  const { locale } = doc;
  const details = [word.memberName];
  if (wordPeriodShown(data, word)) details.push(periodLabel(locale, word.periodKey));
  if (word.late) details.push(t(locale, 'reports.doc.late_mark'));
  const source = t(locale, 'reports.doc.word_source', { unit: word.unitName, details: details.join(', ') });
  const lines = [body([run('- '), run(source, { bold: true }), run(': '), ...quoted(word.done)])];
  const blockers = word.blockers?.trim();
  if (blockers) {
    lines.push(
      body([run(`${t(locale, 'reports.doc.word_blockers')} `, { italics: true }), ...quoted(blockers)]),
    );
  }
  return lines;
}

/** Members' words in quotation marks, kept whole, line breaks kept. */
function quoted(text: string): TextRun[] {
  const lines = text.trim().split(/\r?\n/);
  return lines.map(
    (line, i) =>
      new TextRun({
        text: `${i === 0 ? '“' : ''}${line}${i === lines.length - 1 ? '”' : ''}`,
        italics: true,
        break: i === 0 ? undefined : 1,
      }),
  );
}

function unitLabel(data: ReportPeriodData, code: string): string {
  return data.units.find((u) => u.code === code)?.name ?? code;
}

function listUnits(locale: Locale, codes: string[]): string {
  const shown = codes.slice(0, MAX_UNITS_LISTED).join(', ');
  return codes.length > MAX_UNITS_LISTED
    ? `${shown} ${t(locale, 'reports.doc.and_more', { count: codes.length - MAX_UNITS_LISTED })}`
    : shown;
}

// ---------------------------------------------------------------------------------------------
// II. Behind schedule

function behindSection(doc: ReportDocument): Paragraph[] {
  const { locale, data } = doc;
  const date = formatDate(locale, data.asOf);
  const out = [heading(t(locale, 'reports.doc.s2'))];
  if (data.overdue.length === 0) {
    out.push(body(t(locale, 'reports.doc.s2.overdue_none', { date })));
  } else {
    out.push(
      body(t(locale, 'reports.doc.s2.overdue_intro', { date, count: data.overdue.length }), {
        keepNext: true,
      }),
    );
    data.overdue.forEach((task, i) => {
      const text = t(locale, 'reports.doc.s2.item', {
        code: task.code,
        content: inline(task.content),
        lead: inline(leadText(task, locale)),
        due: formatDate(locale, task.deadline.due!),
        days: task.daysOverdue!,
        standing: standingLabel(locale, task.standing),
      });
      out.push(body([run(`${i + 1}. `, { bold: true }), run(text)], { keepNext: true }));
      const leadWords = task.words.filter((w) => w.role === 'lead');
      if (leadWords.length === 0) {
        out.push(body([run(t(locale, 'reports.doc.s2.no_reason'), { italics: true })]));
        return;
      }
      out.push(body([run(t(locale, 'reports.doc.s2.reason'), { italics: true })], { keepNext: true }));
      for (const word of leadWords) {
        const reason = word.blockers?.trim() || word.done.trim();
        const source = t(locale, 'reports.doc.word_source', {
          unit: word.unitName,
          details: [word.memberName, periodLabel(locale, word.periodKey)].join(', '),
        });
        out.push(body([run('- '), run(source, { bold: true }), run(': '), ...quoted(reason)]));
      }
    });
  }
  if (data.taskCount === 0) return out;
  if (data.notReported.length === 0) {
    out.push(body(t(locale, 'reports.doc.s2.all_reported')));
    return out;
  }
  out.push(
    body(t(locale, 'reports.doc.s2.not_reported', { count: data.notReported.length }), { keepNext: true }),
  );
  for (const group of silentGroups(data)) {
    const units =
      group.units.length <= 5
        ? group.units.map((u) => (u.name !== u.code ? `${u.name} (${u.code})` : u.code)).join('; ')
        : t(locale, 'reports.doc.s2.units_count', {
            count: group.units.length,
            units: listUnits(
              locale,
              group.units.map((u) => u.code),
            ),
          });
    out.push(
      body(`- ${t(locale, 'reports.doc.s2.not_reported_item', { codes: group.codes.join(', '), units })}`),
    );
  }
  return out;
}

/** Units that did not report, grouped by the tasks they owe, in plan order. */
function silentGroups(
  data: ReportPeriodData,
): { codes: string[]; units: { code: string; name: string }[] }[] {
  const order = new Map(data.tasks.map((task, i) => [task.code, i]));
  const groups = new Map<string, { codes: string[]; units: { code: string; name: string }[] }>();
  for (const unit of data.notReported) {
    const key = unit.taskCodes.join(',');
    const group = groups.get(key);
    if (group) group.units.push(unit);
    else groups.set(key, { codes: unit.taskCodes, units: [unit] });
  }
  const first = (codes: string[]) => Math.min(...codes.map((c) => order.get(c) ?? 0));
  return [...groups.values()].sort(
    (a, b) => first(a.codes) - first(b.codes) || b.codes.length - a.codes.length,
  );
}

// ---------------------------------------------------------------------------------------------
// III. Blockers and requests

function blockersSection(doc: ReportDocument): Paragraph[] {
  const { locale, data } = doc;
  const out = [heading(t(locale, 'reports.doc.s3'))];
  if (data.blockers.length === 0) return [...out, body(t(locale, 'reports.doc.s3.none'))];
  out.push(body(t(locale, 'reports.doc.s3.intro'), { keepNext: true }));
  const byTask = new Map<number, RaisedBlocker[]>();
  for (const blocker of data.blockers) {
    const list = byTask.get(blocker.taskId);
    if (list) list.push(blocker);
    else byTask.set(blocker.taskId, [blocker]);
  }
  let n = 0;
  for (const blockers of byTask.values()) {
    const first = blockers[0]!;
    n++;
    out.push(
      body(
        [
          run(`${n}. `, { bold: true }),
          run(t(locale, 'reports.doc.s3.task', { code: first.code, content: inline(first.content) })),
        ],
        {
          keepNext: true,
        },
      ),
    );
    for (const blocker of blockers) {
      const source = t(locale, 'reports.doc.s3.source', {
        unit: blocker.unitName,
        member: blocker.memberName,
        periods: blocker.periodKeys.map((key) => periodLabel(locale, key)).join(', '),
      });
      out.push(body([run('- '), run(source, { bold: true }), run(': '), ...quoted(blocker.text)]));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// IV. Next month

function nextMonthSection(doc: ReportDocument): Paragraph[] {
  const { locale, data } = doc;
  const next = periodLabel(locale, data.next.period);
  const out = [heading(t(locale, 'reports.doc.s4', { period: upper(next) }))];
  const { dueNext, overdue, recurring } = data.next;
  if (dueNext.length + overdue.length + recurring.length === 0)
    return [...out, body(t(locale, 'reports.doc.s4.none'))];
  out.push(body(t(locale, 'reports.doc.s4.intro', { date: formatDate(locale, data.asOf) })));
  const list = (titleKey: string, tasks: PeriodTaskRow[], n: number) => {
    if (tasks.length === 0) return;
    out.push(subheading(`${n}. ${t(locale, titleKey, { period: next })}`));
    for (const task of tasks) {
      out.push(
        body(
          `- ${t(locale, 'reports.doc.s4.item', {
            code: task.code,
            content: inline(task.content),
            lead: inline(leadText(task, locale)),
            deadline: inline(deadlineText(locale, task.deadline)),
          })}`,
        ),
      );
    }
  };
  let n = 0;
  const lists: [string, PeriodTaskRow[]][] = [
    ['reports.doc.s4.due', dueNext],
    ['reports.doc.s4.overdue', overdue],
    ['reports.doc.s4.recurring', recurring],
  ];
  for (const [key, tasks] of lists) if (tasks.length > 0) list(key, tasks, ++n);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recipients and signature

function signatureTable(doc: ReportDocument): Table {
  return nd30SignatureTable({
    locale: doc.locale,
    signer: doc.signer,
    recipientsKey: 'reports.doc.recipient_lines',
    cell: noBorderCell,
  });
}

// ---------------------------------------------------------------------------------------------
// Appendix

const APPENDIX_COLUMNS_MM = [11, 72, 32, 26, 25, 16, 75] as const;

function appendix(doc: ReportDocument): (Paragraph | Table)[] {
  const { locale, data } = doc;
  const period = periodLabel(locale, data.period);
  const head = [
    centered(t(locale, 'reports.doc.appendix'), { bold: true, size: PT(14) }),
    centered(t(locale, 'reports.doc.appendix_title', { period: upper(period) }), {
      bold: true,
      size: PT(13),
    }),
    centered(t(locale, 'reports.doc.appendix_ref', { date: formatDate(locale, doc.issuedOn) }), {
      italics: true,
      size: PT(13),
    }),
    shortRule(LANDSCAPE_TEXT_WIDTH, convertMillimetersToTwip(40)),
    new Paragraph({ children: [], spacing: { before: 120 } }),
  ];
  if (data.taskCount === 0) return [...head, body(t(locale, 'reports.doc.appendix_no_tasks'))];
  if (!data.hasReports) return [...head, body(t(locale, 'reports.doc.appendix_no_reports', { period }))];
  return [...head, appendixTable(doc), ...evidenceAnnex(doc)];
}

/** The evidence files sent with the period's reports, with their SHA-256 to check a copy against. */
function evidenceAnnex(doc: ReportDocument): Paragraph[] {
  const rows = doc.evidence ?? [];
  if (rows.length === 0) return [];
  const { locale } = doc;
  return [
    centered(
      t(locale, 'reports.doc.evidence_title'),
      { bold: true, size: PT(13) },
      { before: 360, after: 120 },
    ),
    ...rows.map((row, i) =>
      body(
        t(locale, 'reports.doc.evidence_line', {
          n: i + 1,
          task: row.task,
          unit: row.unit,
          period: periodLabel(locale, row.periodKey),
          name: row.fileName,
          size: sizeOf(row.size),
          hash: row.sha256,
          who: row.who,
          when: formatDate(locale, row.day),
        }),
        { indent: false },
      ),
    ),
  ];
}

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function appendixTable(doc: ReportDocument): Table {
  const { locale, data } = doc;
  const total = APPENDIX_COLUMNS_MM.reduce((a, b) => a + b, 0);
  const widths = APPENDIX_COLUMNS_MM.map((mm) => Math.floor((mm / total) * LANDSCAPE_TEXT_WIDTH));
  const headers = ['tt', 'content', 'lead', 'deadline', 'standing', 'percent', 'words'].map((c) =>
    t(locale, `reports.col.${c}`),
  );
  const cell = (paragraphs: Paragraph[], i: number, options: { columnSpan?: number } = {}) =>
    new TableCell({
      children: paragraphs,
      width: {
        size: options.columnSpan ? widths.reduce((a, b) => a + b, 0) : widths[i]!,
        type: WidthType.DXA,
      },
      columnSpan: options.columnSpan,
      verticalAlign: VerticalAlign.TOP,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
    });
  const text = (value: string, style: RunStyle & { align?: 'center' | 'left' | 'justify' } = {}) =>
    new Paragraph({
      children: [run(value, { size: PT(12), ...style })],
      alignment:
        style.align === 'center'
          ? AlignmentType.CENTER
          : style.align === 'justify'
            ? AlignmentType.JUSTIFIED
            : AlignmentType.LEFT,
    });

  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: headers.map((h, i) => cell([text(h, { bold: true, align: 'center' })], i)),
    }),
  ];
  const tableRowsByTask = new Map(tableRows(data, locale).map((row, i) => [data.tasks[i]!.taskId, row]));
  data.groups.forEach((group, g) => {
    if (groupTitles(data)) {
      const title = `${romanNumeral(g + 1)}. ${groupTitle(doc, group)}`;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [cell([text(title, { bold: true })], 0, { columnSpan: widths.length })],
        }),
      );
    }
    for (const task of group.tasks) {
      const row = tableRowsByTask.get(task.taskId)!;
      const words = row.words.flatMap((w) =>
        w
          .split('\n')
          .map((line) => new Paragraph({ children: [run(line, { size: PT(11) })], spacing: { after: 40 } })),
      );
      const size = row.content.length + row.words.reduce((sum, w) => sum + w.length, 0);
      rows.push(
        new TableRow({
          cantSplit: size < 1500,
          children: [
            cell([text(row.tt, { align: 'center' })], 0),
            cell([text(row.content, { align: 'justify' })], 1),
            cell([text(row.lead)], 2),
            cell([text(row.deadline, { align: 'center' })], 3),
            cell([text(row.standing, { align: 'center' })], 4),
            cell([text(row.percent === null ? '' : String(row.percent), { align: 'center' })], 5),
            cell(words.length > 0 ? words : [text('')], 6),
          ],
        }),
      );
    }
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows,
  });
}
