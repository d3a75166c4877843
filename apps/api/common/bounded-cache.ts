/**
 * Values made once and kept in memory within a budget of entries and bytes, the least recently used going first.
 * A value asked for while it is being made is not made twice: the callers wait for the same making (a burst of
 * requests right after a change would otherwise each do the whole work). A making that fails, or that its caller
 * finds out of date once made, keeps nothing.
 */
export class BoundedCache<V> {
  private readonly values = new Map<string, V>();
  private readonly making = new Map<string, Promise<V>>();
  private bytes = 0;

  constructor(
    private readonly limits: { entries: number; bytes: number },
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value kept under `key`, or made by `make`; kept unless `keep` (asked once it is made) says otherwise. */
  get(key: string, make: () => Promise<V>, keep: (value: V) => Promise<boolean> = () => Promise.resolve(true)): Promise<V> {
    const found = this.values.get(key);
    if (found !== undefined) {
      this.values.delete(key);
      this.values.set(key, found);
      return Promise.resolve(found);
    }
    const pending = this.making.get(key);
    if (pending) return pending;
    const made = make()
      .then(async (value) => {
        if (await keep(value)) this.keep(key, value);
        return value;
      })
      .finally(() => this.making.delete(key));
    this.making.set(key, made);
    return made;
  }

  private keep(key: string, value: V): void {
    this.values.set(key, value);
    this.bytes += this.sizeOf(value);
    for (const [oldest, old] of this.values) {
      if (this.bytes <= this.limits.bytes && this.values.size <= this.limits.entries) break;
      this.values.delete(oldest);
      this.bytes -= this.sizeOf(old);
    }
  }
}
