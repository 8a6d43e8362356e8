import { View, Warn, logger, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Draws a Vega-Lite chart to an SVG string with Vega's headless renderer. Any warning fails
 * the chart: it is drawn as written or not at all.
 */
export async function renderChartSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const messages: string[] = [];
  const log = logger(Warn, undefined, (_method, level, args) => messages.push(`${level} ${args.map(String).join(' ')}`));
  const vegaSpec = compile(spec, { logger: log }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', logger: log, logLevel: Warn });
  try {
    const svg = await view.toSVG();
    if (messages.length > 0) throw new Error(`chart ${idPrefix}: ${messages.join('; ')}`);
    return stableSvg(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

function stableSvg(svg: string, idPrefix: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(match[1]!)) ids.set(match[1]!, `${idPrefix}-${ids.size + 1}`);
  }
  let out = svg
    .replace(/(\sid=")([^"]+)"/g, (_, head: string, id: string) => `${head}${ids.get(id) ?? id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${ids.get(id) ?? id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${ids.get(id) ?? id}"`);
  // Inline SVG in HTML needs no XLink namespace; Vega declares it whether used or not.
  if (!/\sxlink:/.test(out)) out = out.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', '');
  return out.replace('<svg ', `<svg role="img" aria-labelledby="${idPrefix}-title" `);
}
