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
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Locale } from '../domain/roles.ts';
import { formatDate, t } from '../i18n/index.ts';
import type { PlanRef } from './model.ts';
import {
  body,
  centered,
  ND30_MARGINS,
  ND30_STYLES,
  headerTable as nd30HeaderTable,
  signatureTable as nd30SignatureTable,
  PT,
  planRefList,
  type RunStyle,
  run,
  TEXT_WIDTH,
} from './nd30-layout.ts';

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

export async function renderLetterDocx(doc: LetterDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'da06-bot',
    title: t(doc.locale, 'reports.letter.subject'),
    styles: ND30_STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: ND30_MARGINS,
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
  return planRefList(doc.locale, doc.plans);
}

// ---------------------------------------------------------------------------------------------
// Blocks

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
  return nd30HeaderTable({
    locale,
    issuedOn: doc.issuedOn,
    left,
    cell: (children, width) => cell(children, width),
    rule: shortRule(left),
    numberLines: [
      centered(t(locale, 'reports.letter.number'), { size: PT(13) }, { before: 120 }),
      centered(t(locale, 'reports.letter.subject'), { size: PT(12) }, { before: 60 }),
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
  return nd30SignatureTable({
    locale: doc.locale,
    signer: doc.signer,
    recipientsKey: 'reports.letter.recipient_lines',
    cell: (children, width) => cell(children, width),
  });
}
