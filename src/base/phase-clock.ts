/** Milliseconds per phase of a run, for the manifest (the one part of a report that may vary). */
export class PhaseClock {
  readonly timings: Record<string, number> = {};

  /** Sets the phase's time, or with `add` adds to what it has. */
  record(phase: string, ms: number, add = false): void {
    this.timings[phase] = Math.round(((add ? (this.timings[phase] ?? 0) : 0) + ms) * 100) / 100;
  }

  time<T>(phase: string, work: () => T): T {
    const start = performance.now();
    const result = work();
    this.record(phase, performance.now() - start);
    return result;
  }

  async timeAsync<T>(phase: string, work: () => Promise<T>, add = false): Promise<T> {
    const start = performance.now();
    const result = await work();
    this.record(phase, performance.now() - start, add);
    return result;
  }
}
