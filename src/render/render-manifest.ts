import type { ScenarioSettings } from '../scenario/scenario-settings.js';

export interface Manifest {
  readonly tool: { readonly name: string; readonly version: string };
  readonly scenario: { readonly name: string; readonly description: string; readonly settings: ScenarioSettings['applied'] };
  readonly data: { readonly latestSourceDate: string | null; readonly months: { readonly first: string; readonly last: string } };
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
  readonly solver: { readonly name: string; readonly version: string };
  readonly model: { readonly variables: number; readonly constraints: number; readonly nonzeros: number };
  readonly status: 'optimal';
  readonly objectives: { readonly weightedShortfall: number; readonly totalCostEur: number };
  /** Milliseconds per phase; the only part of any report that differs run to run. */
  readonly timings: Readonly<Record<string, number>>;
}

export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
