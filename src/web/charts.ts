/**
 * Charts as server-rendered markup, readable without colour: the heat map is a table whose cells
 * say "3/5" and carry a pattern when empty; the trend is inline SVG with every point labelled and a
 * table of the same numbers beside it.
 */
import { type Html, html } from './html.ts';

export interface HeatRow {
  code: string;
  name: string;
  cells: { reported: number; lead: number }[];
}

/** Bucket 0–4 of a share, for the cell's shade (the text says the numbers). */
export function shade(reported: number, lead: number): string {
  if (lead === 0) return 'na';
  const share = reported / lead;
  return `c${share === 0 ? 0 : share < 0.34 ? 1 : share < 0.67 ? 2 : share < 1 ? 3 : 4}`;
}

export function heatMap(months: string[], rows: HeatRow[], labels: { unit: string; caption: string }): Html {
  return html`<div class="scroll"><table class="heat"><caption class="note">${labels.caption}</caption>
<thead><tr><th scope="col">${labels.unit}</th>${months.map((m) => html`<th scope="col" class="num">${m}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr><th scope="row"><a href="/web/unit?code=${encodeURIComponent(row.code)}">${row.code}</a></th>${row.cells.map(
        (cell) =>
          html`<td class="num ${shade(cell.reported, cell.lead)}">${cell.lead === 0 ? '—' : `${cell.reported}/${cell.lead}`}</td>`,
      )}</tr>`,
  )}</tbody></table></div>`;
}

export function trendChart(points: { label: string; value: number }[], description: string): Html {
  const width = 640;
  const height = 220;
  const left = 36;
  const bottom = 30;
  const step = points.length > 1 ? (width - left - 20) / (points.length - 1) : 0;
  const y = (value: number) => 10 + (height - bottom - 10) * (1 - value / 100);
  const xy = points.map((p, i) => ({ ...p, x: left + i * step, y: y(p.value) }));
  return html`<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${description}" preserveAspectRatio="xMidYMid meet">
<title>${description}</title>
${[0, 50, 100].map((v) => html`<line x1="${left}" x2="${width - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#c9d0d9" stroke-dasharray="4 3"/><text x="2" y="${y(v) + 4}">${v}%</text>`)}
<polyline fill="none" stroke="#0b4f8a" stroke-width="2" points="${xy.map((p) => `${p.x},${p.y}`).join(' ')}"/>
${xy.map(
  (p) =>
    html`<rect x="${p.x - 3}" y="${p.y - 3}" width="6" height="6" fill="#0b4f8a"/><text x="${p.x}" y="${p.y - 7}" text-anchor="middle">${Math.round(p.value)}%</text><text x="${p.x}" y="${height - 8}" text-anchor="middle">${p.label.slice(2)}</text>`,
)}
</svg>`;
}
