import type { TopLevelSpec } from 'vega-lite';

/** Draws one Vega-Lite chart to an SVG string; `prefix` keeps its ids apart from other charts'. */
export type RenderSvg = (spec: TopLevelSpec, prefix: string) => Promise<string>;

/** Remembers charts asked for early, so the report can pick them up when it is assembled. */
export function memoizeRender(render: RenderSvg): RenderSvg {
  const cache = new Map<string, Promise<string>>();
  return (spec, prefix) => {
    const key = `${prefix}\u0000${JSON.stringify(spec)}`;
    let svg = cache.get(key);
    if (!svg) cache.set(key, (svg = render(spec, prefix)));
    return svg;
  };
}
