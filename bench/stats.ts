/** One benchmark's figures: how many, how fast, and latency percentiles in milliseconds. */
export interface Figures {
  label: string;
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** Percentiles and throughput of latencies measured over a run of `seconds`. */
export function figures(label: string, latenciesMs: number[], seconds: number): Figures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { label, count: sorted.length, seconds, perSecond: sorted.length / seconds, p50: at(0.5), p95: at(0.95) };
}

/** Runs `task` for indexes 0..count-1 with at most `inFlight` at once. */
export async function runConcurrently(count: number, inFlight: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
}
