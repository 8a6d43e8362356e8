import { humanPercent, humanUnits } from '../../base/format-number.js';
import { STYLE } from './style.js';

/** The page around a report's body: its stylesheet for screen and print, and nothing else. */
export function renderHtmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The page may load nothing at all: no script, font, image or style from anywhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function section(id: string, title: string, content: string): string {
  return `<section id="${esc(id)}">\n<h2>${esc(title)}</h2>\n${content}\n</section>`;
}

/** A chart with its title and how to read it; `id` names the container the browser test looks for. */
export function chartFigure(id: string, title: string, caption: string, svg: string): string {
  return `<figure class="chart" id="chart-${esc(id)}">\n<figcaption><strong id="${esc(id)}-title">${esc(title)}</strong>${esc(caption)}</figcaption>\n${svg}\n</figure>`;
}

export interface HtmlColumn {
  readonly label: string;
  /** `num`: a figure, right-aligned and never wrapped; `code`: a hash or an identifier, in monospace. */
  readonly kind?: 'num' | 'code';
}

/** A table of text cells, every one escaped; a narrow table is as wide as its content. */
export function htmlTable(columns: readonly HtmlColumn[], rows: readonly (readonly string[])[], options: { narrow?: boolean } = {}): string {
  const attr = (i: number) => (columns[i]?.kind ? ` class="${columns[i].kind}"` : '');
  const head = columns.map((c, i) => `<th${attr(i)}>${esc(c.label)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${attr(i)}>${esc(cell)}</td>`).join('')}</tr>`);
  return `<table${options.narrow ? ' class="narrow"' : ''}>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

export const pc = humanPercent;

/** A weighted shortfall: one decimal while small, whole and with thousands separators when large (999.96 reads 1,000). */
export const weighted = (v: number) => (Math.abs(Number(v.toFixed(1))) >= 1000 ? humanUnits(v) : v.toFixed(1));
