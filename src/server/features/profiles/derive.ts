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
  claimSearchRewrite,
  readChildren,
  rewriteSearchDocuments,
  saveSearchRewrite,
  staleSearchDocuments,
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

/** Profiles one transaction of the rewrite below reads (and rewrites, those that need it). */
const REWRITE_BATCH = 1_000;

/**
 * Rewrites the search documents of profiles saved before they used 'english' (migration
 * `search-documents-english` leaves a row to say there may be some): every profile is read, a
 * batch per transaction in user id order, and only those whose words differ are rewritten, so
 * no profile is locked for longer than its batch and one whose document is right is not written
 * at all. Resumes where it stopped after a restart; `stopped` is asked between batches (the
 * server is closing). Returns how many documents it rewrote.
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
    const step = await db.transaction(async (tx) => {
      const state = await claimSearchRewrite(tx);
      if (!state) return null;
      const { count, last, stale } = await staleSearchDocuments(tx, state.after, batch);
      const done = await rewriteSearchDocuments(tx, stale);
      // A short batch was the last one: the row goes, and no later start looks again.
      await saveSearchRewrite(tx, count < batch ? null : last);
      return { done, finished: count < batch };
    });
    if (step === null) return rewritten;
    rewritten += step.done;
    if (step.finished) return rewritten;
  }
}
