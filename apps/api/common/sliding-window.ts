/**
 * Counts events per key in a sliding window, in memory, with a bound on the keys kept (the oldest go first).
 * Each API process counts its own requests: with several behind a proxy a limit is per process.
 */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Records one event for every key unless one of them is at its limit; then answers the seconds to wait. */
  take(limits: { key: string; limit: number }[], now = Date.now()): { retryAfterSeconds: number } | null {
    const windows = limits.map(({ key, limit }) => ({ key, limit, recent: (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs) }));
    const full = windows.find((window) => window.recent.length >= window.limit);
    if (full) {
      this.hits.set(full.key, full.recent);
      return { retryAfterSeconds: Math.max(1, Math.ceil((full.recent[0] + this.windowMs - now) / 1000)) };
    }
    for (const window of windows) {
      window.recent.push(now);
      this.hits.delete(window.key);
      this.hits.set(window.key, window.recent);
    }
    while (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest === undefined) break;
      this.hits.delete(oldest);
    }
    return null;
  }
}
