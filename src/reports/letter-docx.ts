/**
 * The reminder letter (công văn đôn đốc) as a DOCX draft in the Nghị định 30/2020/NĐ-CP layout of a
 * công văn (Phụ lục I, mẫu 1.4), like the report (docx.ts): a borderless two-column header (the
 * managing body and the issuing body with a short rule, "Số: …/BHXH-TCT" left blank for the office
 * and the trích yếu "V/v đôn đốc thực hiện nhiệm vụ …" under it; the national heading and motto,
 * place and date), "Kính gửi:" the unit, the body with the table of overdue and soon-due tasks
 * (plan, item, deadline, days overdue), the closing request with its date, "Nơi nhận:" and the
 * chair's signature block. One letter per unit, each on its own pages, in one file.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Locale } from '../domain/roles.ts';
import { formatDate, t } from '../i18n/index.ts';
import { hasManagingBody } from './docx.ts';
import { placeDate } from './i18n.ts';
import type { PlanRef } from './model.ts';

export interface LetterItem {
  planNumber: string;
  code: string;
  content: string;
  /** The plan's wording of the deadline. */
  deadline: string;
  /** The due day of this occurrence (YYYY-MM-DD). */
  due: string;
  /** Days past due, null for a task not yet due. */
  daysOverdue: number | null;
}

export interface UnitLetter {
  unitCode: string;
  unitName: string;
  overdue: LetterItem[];
  soonDue: LetterItem[];
}

export interface LetterDocument {
  locale: Locale;
  issuedOn: string;
  /** The day the tasks are counted on. */
  asOf: string;
  /** The day the units are asked to report back by. */
  replyBy: string;
  /** Days ahead that count as "soon due". */
  soonDays: number;
  plans: PlanRef[];
  signer: string | null;
  letters: UnitLetter[];
}

const FONT = 'Times New Roman';
const PT = (points: number) => points * 2;
const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);
const FIRST_LINE = convertMillimetersToTwip(12.7);

export async function renderLetterDocx(doc: LetterDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'da06-bot',
    title: t(doc.locale, 'reports.letter.subject'),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: PT(14) },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: doc.letters.flatMap((letter, i) => [
          ...(i > 0 ? [new Paragraph({ children: [new PageBreak()] })] : []),
          ...oneLetter(doc, letter),
        ]),
      },
    ],
  });
  return Packer.toBuffer(document);
}

function oneLetter(doc: LetterDocument, letter: UnitLetter): (Paragraph | Table)[] {
  const { locale } = doc;
  const unit = letter.unitName;
  return [
    headerTable(doc),
    new Paragraph({
      children: [run(t(locale, 'reports.letter.to'), { italics: true }), run(` ${unit}.`, { bold: false })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 240 },
    }),
    body(
      t(locale, 'reports.letter.intro', { plans: planRefs(doc), date: formatDate(locale, doc.asOf), unit }),
    ),
    body(
      t(locale, 'reports.letter.count', {
        unit,
        overdue: letter.overdue.length,
        soon: letter.soonDue.length,
        days: doc.soonDays,
      }),
    ),
    itemsTable(doc, letter),
    body(t(locale, 'reports.letter.request', { unit, date: formatDate(locale, doc.replyBy) })),
    body(t(locale, 'reports.letter.closing'), { keepNext: true }),
    signatureTable(doc),
  ];
}

function planRefs(doc: LetterDocument): string {
  if (doc.plans.length === 0) return t(doc.locale, 'reports.letter.no_plan');
  return doc.plans
    .map((plan) =>
      plan.issuedOn
        ? t(doc.locale, 'reports.doc.plan_ref_dated', {
            title: plan.title,
            number: plan.number,
            date: formatDate(doc.locale, plan.issuedOn),
          })
        : t(doc.locale, 'reports.doc.plan_ref', { title: plan.title, number: plan.number }),
    )
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    size: style.size,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

function body(text: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO },
    keepNext: options.keepNext,
  });
}

function centered(text: string, style: RunStyle = {}, spacing: { before?: number } = {}): Paragraph {
  return new Paragraph({ children: [run(text, style)], alignment: AlignmentType.CENTER, spacing });
}

function shortRule(width: number): Paragraph {
  return new Paragraph({
    children: [],
    alignment: AlignmentType.CENTER,
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: {
      left: Math.floor((width - convertMillimetersToTwip(22)) / 2),
      right: Math.floor((width - convertMillimetersToTwip(22)) / 2),
    },
  });
}

function cell(children: Paragraph[], width: number, borders = false): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    ...(borders ? { margins: { left: 80, right: 80, top: 40, bottom: 40 } } : {}),
  });
}

function headerTable(doc: LetterDocument): Table {
  const { locale } = doc;
  const left = convertMillimetersToTwip(70);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...(hasManagingBody(doc.issuedOn)
                ? [centered(t(locale, 'reports.doc.ministry'), { size: PT(12) })]
                : []),
              centered(t(locale, 'reports.doc.parent'), { size: PT(12) }),
              centered(t(locale, 'reports.doc.issuer'), { bold: true, size: PT(12) }),
              shortRule(left),
            ],
            left,
          ),
          cell(
            [
              centered(t(locale, 'reports.doc.nation'), { bold: true, size: PT(12) }),
              centered(t(locale, 'reports.doc.motto'), { bold: true, size: PT(13), underline: true }),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell(
            [
              centered(t(locale, 'reports.letter.number'), { size: PT(13) }, { before: 120 }),
              centered(t(locale, 'reports.letter.subject'), { size: PT(12) }, { before: 60 }),
            ],
            left,
          ),
          cell(
            [centered(placeDate(locale, doc.issuedOn), { italics: true, size: PT(14) }, { before: 120 })],
            right,
          ),
        ],
      }),
    ],
  });
}

const ITEM_COLUMNS_MM = [10, 28, 70, 30, 27] as const;

function itemsTable(doc: LetterDocument, letter: UnitLetter): Table {
  const { locale } = doc;
  const total = ITEM_COLUMNS_MM.reduce((a, b) => a + b, 0);
  const widths = ITEM_COLUMNS_MM.map((mm) => Math.floor((mm / total) * TEXT_WIDTH));
  const text = (value: string, style: RunStyle & { center?: boolean } = {}) =>
    new Paragraph({
      children: [run(value, { size: PT(12), ...style })],
      alignment: style.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    });
  const header = ['tt', 'plan', 'task', 'deadline', 'days_overdue'].map((c) =>
    t(locale, `reports.letter.col.${c}`),
  );
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: header.map((h, i) => cell([text(h, { bold: true, center: true })], widths[i]!, true)),
    }),
  ];
  const group = (title: string, items: LetterItem[], start: number) => {
    if (items.length === 0) return;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: widths.length,
            width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
            margins: { left: 80, right: 80, top: 40, bottom: 40 },
            children: [text(title, { bold: true })],
          }),
        ],
      }),
    );
    items.forEach((item, i) => {
      const values = [
        String(start + i + 1),
        item.planNumber,
        `${item.code}. ${item.content}`,
        `${item.deadline} (${formatDate(locale, item.due)})`,
        item.daysOverdue === null ? '' : String(item.daysOverdue),
      ];
      rows.push(
        new TableRow({
          cantSplit: true,
          children: values.map((v, j) => cell([text(v, { center: j !== 2 })], widths[j]!, true)),
        }),
      );
    });
  };
  group(t(locale, 'reports.letter.group.overdue'), letter.overdue, 0);
  group(
    t(locale, 'reports.letter.group.soon', { days: doc.soonDays }),
    letter.soonDue,
    letter.overdue.length,
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows,
  });
}

function signatureTable(doc: LetterDocument): Table {
  const { locale } = doc;
  const left = convertMillimetersToTwip(80);
  const right = TEXT_WIDTH - left;
  const recipients = t(locale, 'reports.letter.recipient_lines').split('\n');
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({
                children: [
                  run(t(locale, 'reports.doc.recipients'), { bold: true, italics: true, size: PT(12) }),
                ],
                spacing: { before: 240 },
              }),
              ...recipients.map((line) => new Paragraph({ children: [run(line, { size: PT(11) })] })),
            ],
            left,
          ),
          cell(
            [
              centered(t(locale, 'reports.doc.signer'), { bold: true, size: PT(14) }, { before: 240 }),
              ...Array.from({ length: 5 }, () => new Paragraph({ children: [] })),
              centered(doc.signer ?? '', { bold: true, size: PT(14) }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}
