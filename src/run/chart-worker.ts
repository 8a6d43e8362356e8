import { parentPort } from 'node:worker_threads';
import { renderChartSvg } from '../render/charts/render-chart-svg.js';

/**
 * Renders charts on another thread. Importing the chart libraries (about 150 ms) and drawing
 * happen while the main thread reads, validates and solves.
 */
parentPort!.on('message', ({ id, spec, prefix }: { id: number; spec: Parameters<typeof renderChartSvg>[0]; prefix: string }) => {
  renderChartSvg(spec, prefix).then(
    (svg) => parentPort!.postMessage({ id, svg }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
