/**
 * A least-recently-used cache bounded by total weight (entry count when every weight is 1). An entry
 * heavier than the whole budget is not kept at all.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private totalWeight = 0;
  private readonly budget: number;
  private readonly weigh: (value: V) => number;

  constructor(budget: number, weigh: (value: V) => number = () => 1) {
    this.budget = budget;
    this.weigh = weigh;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-inserting moves the key to the end of the Map's order: the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.budget) return;
    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    for (const [oldestKey] of this.entries) {
      if (this.totalWeight <= this.budget) break;
      this.delete(oldestKey);
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalWeight -= entry.weight;
  }

  get size(): number {
    return this.entries.size;
  }
}
