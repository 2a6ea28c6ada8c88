import type { DirectoryEntry } from '../../../core/contracts/directory.ts';
import { rateForViewer, sharedHours } from '../../../core/directory.ts';
import type { RatesPerUsd } from '../../../core/money.ts';
import type { UtcWindow } from '../../../core/working-window.ts';
import type { DirectoryRow } from './queries.ts';

export interface ViewerView {
  currency: string;
  rates: RatesPerUsd;
  window: UtcWindow;
  trusted: Map<string, number>;
  pool: Set<string>;
  lists: Map<string, { id: string; name: string }[]>;
}

/** A row of the page as a card: the rate in the viewer's currency, the hours shared with them. */
export function presentEntry(row: DirectoryRow, v: ViewerView): DirectoryEntry {
  const pro = row.kind === 'professional';
  return {
    kind: row.kind,
    id: row.id,
    slug: row.slug,
    name: row.name,
    headline: row.headline,
    photoFileId: row.photo_file_id,
    rate: rateForViewer(row.rate_usd, v.currency, v.rates),
    rateOriginal:
      row.rate_amount !== null && row.rate_currency
        ? { amount: row.rate_amount, currency: row.rate_currency }
        : null,
    overlapHours: sharedHours({ start: row.work_start_utc, end: row.work_end_utc }, v.window),
    rating: row.review_count > 0 ? row.rating : null,
    reviewCount: row.review_count,
    completedJobs: row.completed_jobs,
    yearsExperience: row.years_experience,
    availability: row.availability,
    availabilityHoursPerWeek: row.availability === 'limited' ? row.availability_hours : null,
    country: row.country,
    categories: row.categories,
    skills: row.skills,
    languages: row.languages,
    website: row.website,
    teamSize: row.team_size,
    trustedRecommendations: pro ? (v.trusted.get(row.id) ?? 0) : 0,
    inPool: pro && v.pool.has(row.id),
    savedLists: pro ? (v.lists.get(row.id) ?? []) : [],
  };
}
