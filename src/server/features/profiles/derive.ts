/**
 * The directory's derived columns of a profile, recomputed from the profile as it now stands.
 * Every profile write calls `refreshDerived` in its own transaction (so the directory never
 * reads a half-updated row), and so does a change of the owner's name (accounts feature).
 */
import { convert } from '../../../core/money.ts';
import { profileCompleteness, type Completeness } from '../../../core/profile-completeness.ts';
import { utcWindow } from '../../../core/working-window.ts';
import type { Tx } from '../../db/client.ts';
import { ratesPerUsd } from '../catalog/catalog.ts';
import {
  readChildren,
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
