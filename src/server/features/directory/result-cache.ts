/**
 * Search results (pages, facet counts) kept per search, each under the directory version it was
 * read at and with what it depends on. Every statement that writes profiles or listings bumps the
 * directory's change counter and logs what it changed (migrations `directory-changes` and
 * `directory-change-log`). A result read at version N answers at version N; at a later version it
 * answers once the log shows no change since N that can touch it (`unchangedSql`), and is read
 * again otherwise: a profile edit elsewhere in the directory leaves every other search cached.
 */

/** What can change a cached result. */
export interface Dependencies {
  /** The profiles the result read, comma-separated: a change to any of them changes it. */
  ids: string;
  /**
   * Whether a profile that matches the search after a change can change it: `none` when the
   * result is a sample of more matches than it read (a new match leaves the sample valid),
   * `all` when it read every match, or the page's last row when a page in key order is full (a
   * new match after it does not reach the page).
   */
  newMatches: 'none' | 'all' | { key: number; id: string };
  /** Whether listings are part of it: any listing change then changes it. */
  listings: boolean;
}

export interface Entry<T> {
  version: bigint;
  value: T;
  deps: Dependencies;
}

/** How a request's result was had: from the cache as read, confirmed by the log, or read. */
export type CacheStatus = 'hit' | 'revalidated' | 'miss' | 'off';

/** Versions the change log keeps (migration `directory-change-log`): older results are read again. */
export const LOG_KEPT_VERSIONS = 10_000n;

export class ResultCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(private readonly capacity = 700) {}

  /** The entry for `key`, at whatever version it was read or confirmed. */
  get(key: string): Entry<T> | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Most recently used last: the oldest is the first the map iterates, and goes first.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  /** Keeps `value`, read at `version`, unless the entry held is of a later version. */
  set(key: string, version: bigint, value: T, deps: Dependencies): void {
    const held = this.#entries.get(key);
    if (held && held.version > version) return;
    this.#entries.delete(key);
    this.#entries.set(key, { version, value, deps });
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }

  /** Marks `entry` as still the answer at `version` (the log showed nothing touching it). */
  confirm(entry: Entry<T>, version: bigint): void {
    if (version > entry.version) entry.version = version;
  }
}

/** Whether `entry` may be checked against the log from its version to `version`. */
export const checkable = (entry: { version: bigint }, version: bigint) =>
  entry.version < version && version - entry.version <= LOG_KEPT_VERSIONS;
