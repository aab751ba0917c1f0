/**
 * The four deadline buckets (issue 19, src/domain/deadline-buckets.ts) on the dashboard: a table of
 * counts with each bucket named in words (no colour carries meaning), the period's and the
 * cumulative side by side, then the tasks without a deadline and how the buckets are counted.
 */
import type { BucketCounts, BucketsResult } from '../../domain/deadline-buckets.ts';
import { BUCKETS } from '../../domain/deadline-buckets.ts';
import type { PageContext } from '../context.ts';
import { type Html, html } from '../html.ts';
import { section, table } from './shared.ts';

/** One column per set of counts (e.g. period, cumulative), one row per bucket, then the total. */
export function bucketsSection(
  ctx: PageContext,
  columns: { label: string; counts: BucketCounts }[],
  undated: number,
  title = ctx.rc.t('buckets.title'),
): Html {
  const { rc } = ctx;
  const rows = BUCKETS.map(
    (bucket) =>
      html`<tr><th scope="row">${rc.t(`buckets.${bucket}`)}</th>${columns.map((c) => html`<td class="num">${c.counts[bucket]}</td>`)}</tr>`,
  );
  const total = html`<tr><th scope="row">${rc.t('reports.buckets.total')}</th>${columns.map(
    (c) => html`<td class="num">${BUCKETS.reduce((sum, b) => sum + c.counts[b], 0)}</td>`,
  )}</tr>`;
  const numeric = columns.map((_, i) => i + 1);
  return section(
    title,
    html`${table(null, [rc.t('buckets.title'), ...columns.map((c) => c.label)], [...rows, total], numeric)}
<p>${rc.t('buckets.undated', { count: undated })}</p><p>${rc.t('buckets.legend')}</p>`,
    'buckets',
  );
}

/** The overview's buckets: the whole scope, period and cumulative. */
export function overviewBuckets(
  ctx: PageContext,
  buckets: { period: BucketsResult; cumulative: BucketsResult } | undefined,
): Html | string {
  if (!buckets) return '';
  return bucketsSection(
    ctx,
    [
      { label: ctx.rc.t('buckets.in_period'), counts: buckets.period.overall },
      { label: ctx.rc.t('buckets.cumulative'), counts: buckets.cumulative.overall },
    ],
    buckets.cumulative.undated,
  );
}
