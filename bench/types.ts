// Every benchmark module exports `run(): Promise<BenchResult[]>`; bench/run.ts collects them.
export type BenchResult = {
  suite: string;
  name: string;
  value: number;
  unit: 'ms' | 'req/s' | 'ratio' | 'count';
  /** The target this number must meet, when the issue sets one (same unit). */
  target?: { op: '<' | '>'; value: number };
  notes?: string;
};
