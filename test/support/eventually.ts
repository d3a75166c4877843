/** Polls until `probe` stops throwing (or returns a truthy value), for things that happen on a durable timer. */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 20000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error('never satisfied');
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = new Error(`probe returned ${String(value)}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw lastError;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
