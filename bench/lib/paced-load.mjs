// Open-loop load at a fixed rate: one GET every 1000/rate ms, evenly spaced, whatever the answers do
// (autocannon's rate limit instead lets each connection send its whole per-second quota back to back at the
// start of every second, so 200 req/s arrive as a burst: see node_modules/autocannon/lib/httpClient.js,
// reqsMadeThisSecond). Latency runs from the scheduled send time, so a late send counts against the server
// and not for it (no coordinated omission). An answer with another status than `status` counts as an error.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile, summarise } from './stats.mjs';

/** `urls` (several APIs): each request goes to the next in turn, as a load balancer spreads them; else `url`. */
export async function pacedLoad({ url, urls = [url], headers = {}, status = 200, rate, seconds, timeoutMs = 10000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const latencies = [];
  const lags = [];
  let errors = 0;
  let bytes = 0;
  const inFlight = new Set();
  const started = performance.now() + 20;

  const send = (due, target) =>
    new Promise((resolve) => {
      const request = http.get(target, { agent, headers, timeout: timeoutMs }, (response) => {
        response.on('data', (chunk) => {
          bytes += chunk.length;
        });
        response.on('end', () => {
          latencies.push(performance.now() - due);
          if (response.statusCode !== status) errors += 1;
          resolve();
        });
        response.on('error', () => {
          errors += 1;
          resolve();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors += 1;
        resolve();
      });
    });

  for (let index = 0; index < total; index += 1) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lags.push(Math.max(0, performance.now() - due));
    const pending = send(due, urls[index % urls.length]);
    inFlight.add(pending);
    void pending.then(() => inFlight.delete(pending));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const summary = summarise(latencies);
  return {
    p50_ms: summary.p50_ms,
    p90_ms: Math.round(10 * (percentile([...latencies].sort((a, b) => a - b), 90) ?? NaN)) / 10,
    p95_ms: summary.p95_ms,
    p99_ms: summary.p99_ms,
    max_ms: summary.max_ms,
    requests: total,
    achieved_rate: Math.round(total / elapsed),
    bytes_per_response: Math.round(bytes / Math.max(1, latencies.length)),
    errors,
    send_lag_p99_ms: summarise(lags).p99_ms,
  };
}
