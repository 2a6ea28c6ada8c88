/**
 * The directory's derived columns of a profile, recomputed from the profile as it now stands.
 * Every profile write calls `refreshDerived` in its own transaction (so the directory never
 * reads a half-updated row), and so does a change of the owner's name (accounts feature).
 */
import { convert } from '../../../core/money.ts';
import { profileCompleteness, type Completeness } from '../../../core/profile-completeness.ts';
import { utcWindow } from '../../../core/working-window.ts';
import type { Db, Tx } from '../../db/client.ts';
import { ratesPerUsd } from '../catalog/catalog.ts';
import {
  readChildren,
  rewriteSimpleSearchDocumentsBatch,
  writeDerived,
  type OwnerRow,
  type ProfileChildren,
  type ProfileRow,
} from './queries.ts';

export function completenessOf(p: ProfileRow, c: ProfileChildren): Completeness {
  return profileCompleteness({
    hasPhoto: c.files.some((f) => f.kind === 'photo' && f.portfolioItemId === null),
    headline: p.headline,
    bio: p.bio,
    skillCount: c.skills.length,
    categoryCount: p.categorySlugs.length,
    resumeCount: c.experience.length + c.education.length,
    portfolioCount: c.portfolio.length,
    hasRate: p.hourlyRateAmount !== null,
    hasWorkingHours: p.workingHours !== null,
    languageCount: c.languages.length,
    hasCountry: p.country !== null,
  });
}

/**
 * Recomputes and writes the derived columns: the rate in US cents (today's admin-kept rates;
 * null when the currency has none), the working day in UTC at today's offsets, completeness,
 * and (in SQL) the search document, skills, languages and years.
 */
export async function refreshDerived(
  tx: Tx,
  profile: ProfileRow,
  owner: OwnerRow,
  now: Date,
): Promise<{ children: ProfileChildren; completeness: Completeness }> {
  const children = await readChildren(tx, profile.userId);
  const completeness = completenessOf(profile, children);
  let rateUsd: number | null = null;
  if (profile.hourlyRateAmount !== null && profile.hourlyRateCurrency) {
    const rate = { amount: profile.hourlyRateAmount, currency: profile.hourlyRateCurrency };
    const rates = rate.currency === 'USD' ? {} : await ratesPerUsd(tx);
    rateUsd = convert(rate, 'USD', rates)?.amount ?? null;
  }
  const window = profile.workingHours
    ? utcWindow(profile.timeZone ?? owner.timeZone, profile.workingHours, now)
    : null;
  await writeDerived(tx, profile.userId, {
    rateUsd,
    workStartUtc: window?.start ?? null,
    workEndUtc: window?.end ?? null,
    completeness: completeness.percent,
  });
  return { children, completeness };
}

/** Profiles one transaction of the rewrite below locks and rewrites. */
const REWRITE_BATCH = 1_000;

/**
 * Rewrites the search documents of profiles saved before they used 'english' (their words are
 * found by stemmed query words only once rewritten), a batch per transaction so no profile is
 * locked for longer than its batch. A 'simple' document is known by the stop words it holds,
 * which 'english' drops; one without any (a name and a few words of headline) waits for its
 * next save. Cheap when there is nothing to do, so the server runs it at every start.
 * `stopped` is asked between batches (the server is closing). Returns how many it rewrote.
 */
export async function rewriteSimpleSearchDocuments(
  db: Db,
  {
    batch = REWRITE_BATCH,
    stopped = () => false,
  }: { batch?: number; stopped?: () => boolean } = {},
): Promise<number> {
  let rewritten = 0;
  for (;;) {
    if (stopped()) return rewritten;
    const step = await db.transaction((tx) => rewriteSimpleSearchDocumentsBatch(tx, batch));
    rewritten += step.rewritten;
    // None left; or all of them held by saves in progress, which write 'english' themselves.
    if (step.found < batch || step.rewritten === 0) return rewritten;
  }
}
