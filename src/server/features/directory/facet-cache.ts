/**
 * Facet counts and totals, kept per search (every filter but the order and the cursor) under the
 * directory's change counter. Every statement that writes profiles or listings bumps the counter
 * in its own transaction (migration `directory-changes`), and the counts are read in the same
 * statement as the counter, so an entry under version N holds exactly version N's counts: a
 * request that reads N may answer from it, and one that reads a newer version never does.
 */
export class FacetCache<T> {
  #version: string | null = null;
  readonly #entries = new Map<string, T>();

  constructor(private readonly capacity = 500) {}

  /** The entry for `key` at `version`, if one was read at that version. */
  get(version: string | null, key: string): T | undefined {
    if (version === null || version !== this.#version) return undefined;
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Most recently used last: the oldest is the first the map iterates, and goes first.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  /** Keeps `value`, read at `version`; a newer version drops every older entry. */
  set(version: string | null, key: string, value: T): void {
    if (version === null) return;
    if (version !== this.#version) {
      if (this.#version !== null && BigInt(version) < BigInt(this.#version)) return;
      this.#version = version;
      this.#entries.clear();
    }
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }
}
