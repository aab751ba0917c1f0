/**
 * Long lists (a summary of 63 provinces, every overdue task) are cut into pages that each stay under
 * the card budget; "Xem tiếp" / "Trang trước" are Universal Actions that ask for another page, and the
 * bot answers with that page in place of the card. Pages are cut the same way every time for the same
 * data, so page numbers are stable between clicks.
 */

import type { RenderContext } from '../../../presentation/context.ts';
import type { ActionData } from '../actions.ts';
import {
  type AdaptiveCard,
  adaptiveCard,
  CARD_BYTE_BUDGET,
  type CardAction,
  type CardElement,
  cardBytes,
  execute,
  text,
} from './card.ts';

export interface PageRequest {
  /** 1-based; out of range is brought back in range. */
  page: number;
  /** The action that shows another page. */
  nav: (page: number) => ActionData;
  /** Card-level actions shown on every page after the page buttons. */
  actions?: CardAction[];
  /** Elements shown on every page under the items (a rule, a legend). */
  footer?: CardElement[];
  budget?: number;
}

export interface PagedCard {
  card: AdaptiveCard;
  page: number;
  pages: number;
}

/** The items split into pages under the budget; an item heavier than a page gets a page of its own. */
export function splitPages(
  ctx: RenderContext,
  header: CardElement[],
  items: CardElement[],
  request: PageRequest,
): CardElement[][] {
  const budget = request.budget ?? CARD_BYTE_BUDGET;
  // The heaviest frame a page can have: header, page label and both page buttons.
  const frame = cardBytes(
    adaptiveCard(
      ctx,
      [...header, pageLabel(ctx, 9999, 9999), ...(request.footer ?? [])],
      [...navActions(ctx, 9999, 99999, request.nav), ...(request.actions ?? [])],
    ),
  );
  const pages: CardElement[][] = [];
  let current: CardElement[] = [];
  let size = frame;
  for (const item of items) {
    const itemSize = cardBytes(item) + 1;
    if (current.length > 0 && size + itemSize > budget) {
      pages.push(current);
      current = [];
      size = frame;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

export function pagedCard(
  ctx: RenderContext,
  header: CardElement[],
  items: CardElement[],
  request: PageRequest,
): PagedCard {
  const pages = splitPages(ctx, header, items, request);
  const page = Math.min(Math.max(1, Math.floor(request.page)), pages.length);
  const body = [
    ...header,
    ...(pages.length > 1 ? [pageLabel(ctx, page, pages.length)] : []),
    ...pages[page - 1]!,
    ...(request.footer ?? []),
  ];
  const actions = [...navActions(ctx, page, pages.length, request.nav), ...(request.actions ?? [])];
  return { card: adaptiveCard(ctx, body, actions), page, pages: pages.length };
}

function pageLabel(ctx: RenderContext, page: number, pages: number): CardElement {
  return text(ctx.t('teams.page', { page, pages }), { isSubtle: true, size: 'Small', spacing: 'None' });
}

function navActions(
  ctx: RenderContext,
  page: number,
  pages: number,
  nav: (page: number) => ActionData,
): CardAction[] {
  const actions: CardAction[] = [];
  if (page < pages) actions.push(execute(ctx.t('teams.action.next'), nav(page + 1), { style: 'positive' }));
  if (page > 1) actions.push(execute(ctx.t('teams.action.previous'), nav(page - 1)));
  return actions;
}
