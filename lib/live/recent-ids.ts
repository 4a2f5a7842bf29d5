/** A bounded set of recently seen ids (oldest forgotten first), for deduplicating events. */
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 2048) {}

  /** True the first time an id is seen (while it is remembered), false for a repeat. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      // A Set iterates in insertion order: the first entry is the oldest.
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
