import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  median,
  priceFraction,
  scoreBids,
  type BidSignals,
  type ShortlistWeights,
} from './shortlist-score.ts';

let seq = 0;
/** A bid with every signal known and middling, overridden per test. */
function bid(o: Partial<BidSignals> = {}): BidSignals {
  seq += 1;
  return {
    bidId: `bid-${String(seq).padStart(3, '0')}`,
    createdAt: `2026-12-01T10:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    rating: { average: 4, count: 10 },
    onTime: { onTime: 8, total: 10 },
    yearsExperience: 5,
    skillMatch: { matched: 4, of: 5 },
    priceUsd: 100_000,
    trialScore: null,
    interviewScore: null,
    ...o,
  };
}

const only = (part: keyof ShortlistWeights, weight = 50): ShortlistWeights => ({
  feedback: 0,
  skills: 0,
  price: 0,
  experience: 0,
  onTime: 0,
  trial: 0,
  interview: 0,
  [part]: weight,
});

const job = { budgetUsd: 100_000 };
const partOf = (r: ReturnType<typeof scoreBids>, bidId: string, part: string) =>
  r.ranked.find((b) => b.bidId === bidId)?.parts.find((p) => p.part === part);

describe('shortlist score: each part', () => {
  it('skill match reads as the issue writes it: 4 of 5 → 16 of 20 with the default weights', () => {
    const b = bid({ skillMatch: { matched: 4, of: 5 } });
    const r = scoreBids([b], DEFAULT_WEIGHTS, job);
    const skills = partOf(r, b.bidId, 'skills');
    expect(skills?.points).toBe(16);
    expect(skills?.max).toBe(20);
    expect(skills?.explanation).toBe('Skill match 4 of 5 job skills (80 %) → 16 of 20');
  });

  it('feedback maps 1–5 stars onto 0–1 and names the review count', () => {
    const five = bid({ rating: { average: 5, count: 3 } });
    const one = bid({ rating: { average: 1, count: 1 } });
    const three = bid({ rating: { average: 3, count: 12 } });
    const r = scoreBids([five, one, three], only('feedback'), job);
    expect(r.ranked.map((b) => b.score)).toEqual([100, 50, 0]);
    expect(partOf(r, five.bidId, 'feedback')?.explanation).toBe(
      'Feedback 5.0 of 5 from 3 reviews → 100 of 100',
    );
    expect(partOf(r, one.bidId, 'feedback')?.explanation).toContain('from 1 review →');
  });

  it('experience grows to full marks at 10 years and stays there', () => {
    const bids = [0, 5, 10, 25].map((y) => bid({ yearsExperience: y }));
    const r = scoreBids(bids, only('experience'), job);
    const byId = Object.fromEntries(r.ranked.map((b) => [b.bidId, b.score]));
    expect(bids.map((b) => byId[b.bidId])).toEqual([0, 50, 100, 100]);
    expect(partOf(r, bids[3]!.bidId, 'experience')?.explanation).toContain('10+ is full marks');
  });

  it('on-time history is the share of finished jobs delivered on time', () => {
    const b = bid({ onTime: { onTime: 3, total: 4 } });
    const r = scoreBids([b], only('onTime'), job);
    expect(r.ranked[0]?.score).toBe(75);
    expect(partOf(r, b.bidId, 'onTime')?.explanation).toBe(
      'On-time 3 of 4 jobs (75 %) → 75 of 100',
    );
  });

  it('price: cheaper than the budget and the median scores higher, and says by how much', () => {
    const cheap = bid({ priceUsd: 60_000 });
    const mid = bid({ priceUsd: 100_000 });
    const dear = bid({ priceUsd: 140_000 });
    const r = scoreBids([dear, mid, cheap], only('price'), job);
    expect(r.medianUsd).toBe(100_000);
    expect(r.ranked.map((b) => b.bidId)).toEqual([cheap.bidId, mid.bidId, dear.bidId]);
    // Exactly the budget and the median: half.
    expect(partOf(r, mid.bidId, 'price')?.fraction).toBe(0.5);
    expect(partOf(r, cheap.bidId, 'price')?.explanation).toBe(
      'Price 40 % below the budget, 40 % below the median bid → 90 of 100',
    );
    expect(partOf(r, dear.bidId, 'price')?.explanation).toContain('40 % above the budget');
  });

  it('price: without a budget only the median counts', () => {
    const a = bid({ priceUsd: 50_000 });
    const b = bid({ priceUsd: 150_000 });
    const r = scoreBids([a, b], only('price'), { budgetUsd: null });
    expect(r.medianUsd).toBe(100_000);
    expect(partOf(r, a.bidId, 'price')?.explanation).toBe(
      'Price 50 % below the median bid → 100 of 100',
    );
    expect(partOf(r, b.bidId, 'price')?.fraction).toBe(0);
  });

  it('priceFraction is 1 at half, 0.5 at equal, 0 at one and a half, clamped beyond', () => {
    expect(priceFraction(50, 100)).toBe(1);
    expect(priceFraction(10, 100)).toBe(1);
    expect(priceFraction(100, 100)).toBe(0.5);
    expect(priceFraction(150, 100)).toBe(0);
    expect(priceFraction(400, 100)).toBe(0);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('trial (0–100) and interview (1–5) count once any bid has one', () => {
    const tried = bid({ trialScore: 80, interviewScore: 5 });
    const untried = bid();
    const r = scoreBids([tried, untried], DEFAULT_WEIGHTS, job);
    expect(r.notInPlay).toEqual([]);
    expect(r.weightSum).toBe(140);
    expect(partOf(r, tried.bidId, 'trial')?.explanation).toBe(
      'Trial scored 80 of 100 → 14.3 of 17.9',
    );
    expect(partOf(r, tried.bidId, 'interview')?.fraction).toBe(1);
    expect(partOf(r, untried.bidId, 'trial')?.neutral).toBe(true);
    expect(r.ranked[0]?.bidId).toBe(tried.bidId);
  });

  it('trial and interview are left out while no bid has such a score', () => {
    const r = scoreBids([bid(), bid()], DEFAULT_WEIGHTS, job);
    expect(r.notInPlay).toEqual(['trial', 'interview']);
    expect(r.weightSum).toBe(100);
    expect(r.ranked[0]?.parts.map((p) => p.part)).toEqual([
      'feedback',
      'skills',
      'price',
      'experience',
      'onTime',
    ]);
  });
});

describe('shortlist score: missing data', () => {
  it('a new professional is scored neutral on feedback and on-time, and told so plainly', () => {
    const newcomer = bid({ rating: null, onTime: null });
    const r = scoreBids([newcomer], DEFAULT_WEIGHTS, job);
    const feedback = partOf(r, newcomer.bidId, 'feedback');
    expect(feedback).toMatchObject({ fraction: 0.5, neutral: true, points: 15, max: 30 });
    expect(feedback?.explanation).toBe('Feedback: new — no reviews yet: scored neutral → 15 of 30');
    expect(partOf(r, newcomer.bidId, 'onTime')?.explanation).toBe(
      'On-time history: new — no finished jobs yet: scored neutral → 7.5 of 15',
    );
  });

  it('zero reviews counts as new, not as a zero rating', () => {
    const r = scoreBids([bid({ rating: { average: 0, count: 0 } })], only('feedback'), job);
    expect(r.ranked[0]?.score).toBe(50);
  });

  it('a newcomer ranks above someone rated badly, below someone rated well', () => {
    const newcomer = bid({ rating: null });
    const poor = bid({ rating: { average: 2, count: 8 } });
    const good = bid({ rating: { average: 4.8, count: 20 } });
    const r = scoreBids([poor, newcomer, good], only('feedback'), job);
    expect(r.ranked.map((b) => b.bidId)).toEqual([good.bidId, newcomer.bidId, poor.bidId]);
  });

  it('no profile, no job skills and no total are neutral too', () => {
    const b = bid({ yearsExperience: null, skillMatch: { matched: 0, of: 0 }, priceUsd: null });
    const r = scoreBids([b], DEFAULT_WEIGHTS, job);
    for (const part of ['experience', 'skills', 'price'] as const)
      expect(partOf(r, b.bidId, part)).toMatchObject({ neutral: true, fraction: 0.5 });
    expect(r.medianUsd).toBeNull();
  });
});

describe('shortlist score: weights', () => {
  it('with every weight 0 but one, the score is that part alone', () => {
    const b = bid({ skillMatch: { matched: 1, of: 4 }, rating: { average: 5, count: 9 } });
    const r = scoreBids([b], only('skills', 7), job);
    expect(r.ranked[0]?.score).toBe(25);
    expect(partOf(r, b.bidId, 'feedback')).toMatchObject({ points: 0, max: 0 });
    expect(partOf(r, b.bidId, 'skills')?.explanation).toBe(
      'Skill match 1 of 4 job skills (25 %) → 25 of 100',
    );
  });

  it('with every weight 0 each bid scores 0 and the tie order holds', () => {
    const first = bid();
    const second = bid({ rating: { average: 5, count: 50 } });
    const zero = only('feedback', 0);
    const r = scoreBids([second, first], zero, job);
    expect(r.weightSum).toBe(0);
    expect(r.ranked.map((b) => [b.bidId, b.score])).toEqual([
      [first.bidId, 0],
      [second.bidId, 0],
    ]);
  });

  it('moving a weight changes the order', () => {
    const cheapNovice = bid({ priceUsd: 50_000, yearsExperience: 1, rating: null });
    const dearExpert = bid({
      priceUsd: 140_000,
      yearsExperience: 12,
      rating: { average: 5, count: 30 },
    });
    const byPrice = scoreBids([cheapNovice, dearExpert], { ...DEFAULT_WEIGHTS, price: 100 }, job);
    const byFeedback = scoreBids([cheapNovice, dearExpert], DEFAULT_WEIGHTS, job);
    expect(byPrice.ranked[0]?.bidId).toBe(cheapNovice.bidId);
    expect(byFeedback.ranked[0]?.bidId).toBe(dearExpert.bidId);
  });

  it('weights that do not add up to 100 are scaled, so the score stays 0–100', () => {
    const perfect = bid({
      rating: { average: 5, count: 1 },
      onTime: { onTime: 1, total: 1 },
      yearsExperience: 10,
      skillMatch: { matched: 3, of: 3 },
      priceUsd: 1,
    });
    // Price left out: a lone bid is its own median, which is half marks by rule.
    const weights = { ...DEFAULT_WEIGHTS, feedback: 100, skills: 100, price: 0 };
    const r = scoreBids([perfect], weights, { budgetUsd: 100_000 });
    expect(r.weightSum).toBe(230);
    expect(r.ranked[0]?.score).toBe(100);
    const total = r.ranked[0]!.parts.reduce((s, p) => s + p.max, 0);
    expect(total).toBeCloseTo(100, 0);
  });

  it('negative weights count as zero', () => {
    const r = scoreBids([bid()], { ...only('experience'), feedback: -40 }, job);
    expect(r.weightSum).toBe(50);
    expect(r.ranked[0]?.score).toBe(50);
  });
});

describe('shortlist score: ordering', () => {
  it('equal scores keep the earlier bid first, then the lower id, whatever the input order', () => {
    const a = bid({ createdAt: '2026-12-01T09:00:00.000Z', bidId: 'b' });
    const b = bid({ createdAt: '2026-12-01T08:00:00.000Z', bidId: 'c' });
    const c = bid({ createdAt: '2026-12-01T08:00:00.000Z', bidId: 'a' });
    const orders = [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ];
    for (const input of orders) {
      const r = scoreBids(input, DEFAULT_WEIGHTS, job);
      expect(r.ranked.map((x) => x.bidId)).toEqual(['a', 'c', 'b']);
    }
  });

  it('scores are compared as shown: 0.04 apart is a tie', () => {
    // Feedback 4.0 vs 4.001: the exact scores differ in the fourth decimal only.
    const later = bid({
      createdAt: '2026-12-02T00:00:00.000Z',
      rating: { average: 4.001, count: 5 },
    });
    const earlier = bid({
      createdAt: '2026-12-01T00:00:00.000Z',
      rating: { average: 4, count: 5 },
    });
    const r = scoreBids([later, earlier], DEFAULT_WEIGHTS, job);
    expect(r.ranked[0]?.score).toBe(r.ranked[1]?.score);
    expect(r.ranked[0]?.bidId).toBe(earlier.bidId);
  });

  it('orders 500 bids best first', () => {
    const bids = Array.from({ length: 500 }, (_, i) =>
      bid({ priceUsd: 50_000 + i * 300, yearsExperience: i % 15 }),
    );
    const r = scoreBids(bids, DEFAULT_WEIGHTS, job);
    expect(r.ranked).toHaveLength(500);
    for (let i = 1; i < r.ranked.length; i++)
      expect(r.ranked[i - 1]!.score).toBeGreaterThanOrEqual(r.ranked[i]!.score);
  });
});
