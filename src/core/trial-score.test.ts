import { describe, expect, it } from 'vitest';
import { pointsProblems, trialScore, weightShares } from './trial-score.ts';

const rubric = [
  { id: 'a', weight: 3 },
  { id: 'b', weight: 1 },
];

describe('trialScore', () => {
  it('is 100 for full points and 0 for none', () => {
    expect(trialScore(rubric, { a: 5, b: 5 })).toBe(100);
    expect(trialScore(rubric, { a: 0, b: 0 })).toBe(0);
  });

  it('weighs criteria relative to each other, whatever their total', () => {
    // a is three quarters of the score: 5/5 × 75 + 0 × 25.
    expect(trialScore(rubric, { a: 5, b: 0 })).toBe(75);
    expect(trialScore(rubric, { a: 0, b: 5 })).toBe(25);
    // The same proportions written out of 100 give the same score.
    const percent = [
      { id: 'a', weight: 75 },
      { id: 'b', weight: 25 },
    ];
    expect(trialScore(percent, { a: 4, b: 2 })).toBe(trialScore(rubric, { a: 4, b: 2 }));
  });

  it('rounds to one decimal', () => {
    const three = [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
      { id: 'c', weight: 1 },
    ];
    // (4 + 4 + 3) / 15 = 73.333…
    expect(trialScore(three, { a: 4, b: 4, c: 3 })).toBe(73.3);
  });

  it('refuses points that do not fit the rubric', () => {
    expect(() => trialScore(rubric, { a: 5 })).toThrow();
    expect(() => trialScore(rubric, { a: 6, b: 1 })).toThrow();
    expect(() => trialScore([{ id: 'a', weight: 0 }], { a: 3 })).toThrow();
  });
});

describe('pointsProblems', () => {
  it('names each missing, out-of-range and unknown criterion', () => {
    expect(pointsProblems(rubric, { a: 2.5, z: 1 })).toEqual([
      { id: 'z', message: 'Not a criterion of this trial' },
      { id: 'a', message: 'Points must be a whole number from 0 to 5' },
      { id: 'b', message: 'Give this criterion 0 to 5 points' },
    ]);
    expect(pointsProblems(rubric, { a: 0, b: 5 })).toEqual([]);
  });
});

describe('weightShares', () => {
  it('says what each weight is worth in percent', () => {
    expect(weightShares(rubric)).toEqual({ a: 75, b: 25 });
  });
});
