// Summary statistics for the bench's samples. Quantiles interpolate linearly between the
// two nearest ranks (the "R-7" definition, what spreadsheets and numpy use by default).

export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

export interface Summary {
  median: number;
  /** Interquartile range: q3 − q1. */
  iqr: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    median: quantile(samples, 0.5),
    iqr: quantile(samples, 0.75) - quantile(samples, 0.25),
    q1: quantile(samples, 0.25),
    q3: quantile(samples, 0.75),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
  };
}
