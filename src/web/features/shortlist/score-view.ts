/**
 * The page's side of the score: a listed bid back into the pure score's signals, so the page
 * re-ranks with `scoreBids` as the sliders move — the same function the server ranked with.
 */
import type { ShortlistBid } from '../../../core/contracts/shortlist.ts';
import { formatMoney } from '../../../core/money.ts';
import type { BidSignals } from '../../../core/shortlist-score.ts';

export function signalsOf(bid: ShortlistBid): BidSignals {
  return {
    bidId: bid.id,
    createdAt: bid.createdAt,
    rating: bid.signals.rating,
    onTime: bid.signals.onTime,
    yearsExperience: bid.signals.yearsExperience,
    skillMatch: { matched: bid.signals.skillMatch.matched, of: bid.signals.skillMatch.of },
    priceUsd: bid.signals.price.priceUsd,
    trialScore: bid.signals.trialScore,
    interviewScore: bid.signals.interviewScore,
  };
}

/** "$900.00 fixed" or "€45.00 / hour × 20 h". */
export function termsText(bid: Pick<ShortlistBid, 'terms'>): string {
  const t = bid.terms;
  if (t.type === 'fixed')
    return `${formatMoney({ amount: t.amount ?? 0, currency: t.currency })} fixed`;
  const hours = t.estimatedHours === null ? '' : ` × ${t.estimatedHours} h`;
  return `${formatMoney({ amount: t.hourlyRate ?? 0, currency: t.currency })} / hour${hours}`;
}

export function overlapText(minutes: number | null): string {
  if (minutes === null) return 'working hours unknown';
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours} h a day in your working hours`;
}

export function ratingText(bid: ShortlistBid): string {
  const r = bid.signals.rating;
  return r ? `${r.average.toFixed(1)} ★ (${r.count} reviews)` : 'New — no reviews yet';
}

export const NDA_WORDS = {
  not_required: 'No NDA needed',
  not_sent: 'NDA not sent yet',
  sent: 'NDA sent, not signed',
  signed: 'NDA signed',
} as const;
