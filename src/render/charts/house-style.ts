/** The house style of every chart, and the layers the charts share. */
export const INK = '#1a1a1a';
export const MUTED = '#6b6b6b';
export const NAVY = '#1f4e79';
export const STEEL = '#7f9fc0';
export const GREY = '#bdbdbd';
export const RED = '#b5403a';

/** The house style of every chart: no frame, a light horizontal grid, small dark text. */
export const CHART_CONFIG = {
  font: 'Helvetica Neue, Helvetica, Arial, sans-serif',
  background: '#ffffff',
  padding: 4,
  view: { stroke: null },
  axis: {
    labelColor: INK,
    titleColor: INK,
    labelFontSize: 10,
    titleFontSize: 10,
    titleFontWeight: 'normal',
    domainColor: MUTED,
    tickColor: MUTED,
    gridColor: '#e6e6e6',
  },
  axisX: { grid: false },
  axisY: { domain: false, ticks: false },
  axisBand: { domain: false, ticks: false },
  header: { labelFontSize: 11, labelColor: INK, labelFontWeight: 'bold', labelAnchor: 'start', labelLimit: 440 },
  legend: { orient: 'top', labelFontSize: 10, labelLimit: 320, title: null, symbolStrokeWidth: 2, symbolSize: 160 },
  line: { strokeWidth: 1.75 },
} as const;

/** The header of a panel: its title split into the lines wrapLabel made, never truncated. */
export const PANEL_HEADER = { labelExpr: "split(datum.label, '\\n')", labelLimit: 0 } as const;

export const MONTH_X = {
  field: 'month',
  type: 'temporal',
  scale: { type: 'utc' },
  axis: { title: null, format: '%b %Y', labelAngle: 0, tickCount: 4, labelOverlap: true },
} as const;

export interface Series {
  /** The field of the data rows, which is also the label in the legend. */
  readonly field: string;
  readonly color: string;
  readonly dashed: boolean;
}

/**
 * Panels laid out by their plotting areas alone ('flush'), so that the columns line up whatever
 * the length of a title or of an axis's numbers; the spacing leaves room for the y axis.
 */
export const PANEL_LAYOUT = { bounds: 'flush', spacing: { row: 72, column: 84 } } as const;

/**
 * The frame of the charts with one panel per system or material by month: two panels a row,
 * each with its own y scale. `header` is PANEL_HEADER where the titles were wrapped.
 */
export function monthlyPanels(labels: string[], header?: typeof PANEL_HEADER) {
  return {
    facet: { field: 'panel', type: 'nominal', title: null, sort: labels, ...(header ? { header } : {}) },
    columns: 2,
    ...PANEL_LAYOUT,
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
  } as const;
}

/** Each panel of monthlyPanels: its size and the month axis. */
export const MONTHLY_PANEL = { width: 310, height: 140, encoding: { x: MONTH_X } } as const;

/**
 * A layer that draws some fields of each row as lines, one per field, with one legend giving
 * each line's colour and dash (the two channels share the folded field, so Vega-Lite merges them).
 */
export function linesLayer(series: readonly Series[], months: number) {
  const domain = series.map((s) => s.field);
  return {
    name: 'lines',
    transform: [{ fold: domain, as: ['series', 'value'] as [string, string] }],
    // A line through one month is invisible: a horizon of one month shows its points.
    mark: { type: 'line' as const, ...(months === 1 ? { point: { filled: true, size: 50 } } : {}) },
    encoding: {
      // A fixed axis width lines the panels of a column up whatever their numbers.
      y: { field: 'value', type: 'quantitative' as const, title: null, axis: { format: ',~f', minExtent: 56, maxExtent: 56 } },
      color: { field: 'series', type: 'nominal' as const, sort: domain, scale: { domain, range: series.map((s) => s.color) } },
      strokeDash: { field: 'series', type: 'nominal' as const, sort: domain, scale: { domain, range: series.map((s) => (s.dashed ? [4, 3] : [1, 0])) } },
    },
  };
}
