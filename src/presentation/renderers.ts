/**
 * The shape every channel's layout takes: one renderer per view kind, checked by the compiler (a
 * new kind in src/app/views.ts fails to compile until every channel lays it out).
 */
import type { View } from '../app/views.ts';

export type ViewKind = View['kind'];

/** One function per view kind, each getting its own view type and the channel's context. */
export type ViewRenderers<Ctx, Out> = {
  [K in ViewKind]: (view: Extract<View, { kind: K }>, ctx: Ctx) => Out;
};

/** `view` laid out by the renderer of its kind. */
export function renderWith<Ctx, Out>(renderers: ViewRenderers<Ctx, Out>, view: View, ctx: Ctx): Out {
  const render = renderers[view.kind] as (view: View, ctx: Ctx) => Out;
  return render(view, ctx);
}
