/**
 * The Nghị định 30/2020/NĐ-CP layout both DOCX drafts share — the monthly report (docx.ts) and the
 * reminder letter (letter-docx.ts): Times New Roman on A4 with the 30/15 mm side margins, the text
 * runs and body paragraphs, the borderless two-column header (managing body from 01/03/2025, the
 * parent and issuing bodies with a short rule, số ký hiệu; the national heading and motto, place and
 * date) and the borderless "Nơi nhận:" + signer table. Where the two documents differ (column widths,
 * the cells, the rule, the số ký hiệu lines, the recipients' catalog key) the caller passes its own.
 */
import {
  AlignmentType,
  convertMillimetersToTwip,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx';
import type { Locale } from '../domain/roles.ts';
import { formatDate, t } from '../i18n/index.ts';
import { placeDate } from './i18n.ts';
import type { PlanRef } from './model.ts';

export const FONT = 'Times New Roman';
/** Half-points, as docx sizes are. */
export const PT = (points: number) => points * 2;
/** A4 portrait less the 30 mm left and 15 mm right margins. */
export const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);
export const FIRST_LINE = convertMillimetersToTwip(12.7);

/** The document defaults: 14 pt Times New Roman, single spacing, nothing before or after. */
export const ND30_STYLES = {
  default: {
    document: {
      run: { font: FONT, size: PT(14) },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
  },
};

/** Nghị định 30 page margins on A4 portrait: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const ND30_MARGINS = {
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(30),
  right: convertMillimetersToTwip(15),
};

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    size: style.size,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

/** A body paragraph: justified, first-line indent, 6 pt before, 1.15 lines. */
export function body(
  text: string | ParagraphChild[],
  options: { keepNext?: boolean; indent?: boolean } = {},
): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text)] : text,
    alignment: AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: FIRST_LINE },
    spacing: { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO },
    keepNext: options.keepNext,
  });
}

export function centered(
  text: string,
  style: RunStyle = {},
  spacing: { before?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({ children: [run(text, style)], alignment: AlignmentType.CENTER, spacing });
}

export function noBorderCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE });
}

/**
 * From 01/03/2025 BHXH Việt Nam is a unit of the Ministry of Finance (Quyết định 391/QĐ-BTC): a
 * document dated from then on names its managing body (tên cơ quan chủ quản, Nghị định 30/2020/NĐ-CP)
 * above it; earlier documents do not.
 */
export const MANAGING_BODY_FROM = '2025-03-01';

export function hasManagingBody(issuedOn: string): boolean {
  return issuedOn >= MANAGING_BODY_FROM;
}

/** The plans a document is based on: "title số number (ngày …)" joined with "; ". */
export function planRefList(locale: Locale, plans: PlanRef[]): string {
  return plans
    .map((plan) =>
      plan.issuedOn
        ? t(locale, 'reports.doc.plan_ref_dated', {
            title: plan.title,
            number: plan.number,
            date: formatDate(locale, plan.issuedOn),
          })
        : t(locale, 'reports.doc.plan_ref', { title: plan.title, number: plan.number }),
    )
    .join('; ');
}

/** A table cell of the header or signature table; each document draws its own. */
export type LayoutCell = (children: Paragraph[], width: number) => TableCell;

export interface HeaderOptions {
  locale: Locale;
  issuedOn: string;
  /** Width of the issuing bodies' column (twips); the national heading takes the rest. */
  left: number;
  cell: LayoutCell;
  /** The short rule under the issuing body, drawn for a column `left` wide. */
  rule: Paragraph;
  /** Under the rule: the số ký hiệu line (and a công văn's trích yếu). */
  numberLines: Paragraph[];
}

/** The borderless two-column header: bodies and số ký hiệu left; nation, motto, place and date right. */
export function headerTable(options: HeaderOptions): Table {
  const { locale, left, cell } = options;
  const right = TEXT_WIDTH - left;
  return twoColumns(left, [
    new TableRow({
      children: [
        cell(
          [
            ...(hasManagingBody(options.issuedOn)
              ? [centered(t(locale, 'reports.doc.ministry'), { size: PT(12) })]
              : []),
            centered(t(locale, 'reports.doc.parent'), { size: PT(12) }),
            centered(t(locale, 'reports.doc.issuer'), { bold: true, size: PT(12) }),
            options.rule,
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
        cell(options.numberLines, left),
        cell(
          [centered(placeDate(locale, options.issuedOn), { italics: true, size: PT(14) }, { before: 120 })],
          right,
        ),
      ],
    }),
  ]);
}

export interface SignatureOptions {
  locale: Locale;
  /** The chair's name, or null to leave the line blank. */
  signer: string | null;
  /** Catalog key of the "Nơi nhận:" lines, one recipient a line. */
  recipientsKey: string;
  cell: LayoutCell;
}

/** "Nơi nhận:" and its lines (80 mm) beside "TỔ TRƯỞNG", room to sign, and the signer's name. */
export function signatureTable(options: SignatureOptions): Table {
  const { locale, cell } = options;
  const left = convertMillimetersToTwip(80);
  const right = TEXT_WIDTH - left;
  const recipients = t(locale, options.recipientsKey).split('\n');
  return twoColumns(left, [
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
            centered(options.signer ?? '', { bold: true, size: PT(14) }),
          ],
          right,
        ),
      ],
    }),
  ]);
}

/** A borderless table across the text width, `left` twips for the first column. */
function twoColumns(left: number, rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, TEXT_WIDTH - left],
    borders: TableBorders.NONE,
    rows,
  });
}
