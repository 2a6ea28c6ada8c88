/**
 * A trial's score: the business gives each rubric criterion 0–5 points; the weighted result is
 * 0–100, the number the shortlist reads. Weights are relative (3 and 1 mean three to one) and
 * need not add up to 100: the business types what feels right and the score normalises them,
 * so adding a criterion never means redoing the others' arithmetic.
 */

/** The most points a criterion can get. */
export const MAX_CRITERION_POINTS = 5;

export interface WeightedCriterion {
  id: string;
  weight: number;
}

/** Why a set of points cannot be scored, per criterion id (empty when it can). */
export function pointsProblems(
  rubric: readonly WeightedCriterion[],
  points: Readonly<Record<string, number>>,
): { id: string; message: string }[] {
  const problems: { id: string; message: string }[] = [];
  const known = new Set(rubric.map((c) => c.id));
  for (const id of Object.keys(points)) {
    if (!known.has(id)) problems.push({ id, message: 'Not a criterion of this trial' });
  }
  for (const { id } of rubric) {
    const p = points[id];
    if (p === undefined) problems.push({ id, message: 'Give this criterion 0 to 5 points' });
    else if (!Number.isInteger(p) || p < 0 || p > MAX_CRITERION_POINTS)
      problems.push({ id, message: 'Points must be a whole number from 0 to 5' });
  }
  return problems;
}

/**
 * The weighted score, 0–100, rounded to one decimal: Σ(points/5 × weight) / Σ weight × 100.
 * Throws when the points do not fit the rubric (check `pointsProblems` first) or the rubric
 * has no weight at all, since a score of nothing would read as a zero the professional earned.
 */
export function trialScore(
  rubric: readonly WeightedCriterion[],
  points: Readonly<Record<string, number>>,
): number {
  const problems = pointsProblems(rubric, points);
  if (problems.length > 0) throw new Error(`points do not fit the rubric: ${problems[0]?.message}`);
  const total = rubric.reduce((sum, c) => sum + c.weight, 0);
  if (!(total > 0)) throw new Error('a rubric needs a positive total weight');
  const earned = rubric.reduce(
    (sum, c) => sum + ((points[c.id] ?? 0) / MAX_CRITERION_POINTS) * c.weight,
    0,
  );
  return Math.round((earned / total) * 1000) / 10;
}

/** Each criterion's share of the score in percent (what its weight means once normalised). */
export function weightShares(rubric: readonly WeightedCriterion[]): Record<string, number> {
  const total = rubric.reduce((sum, c) => sum + c.weight, 0);
  return Object.fromEntries(
    rubric.map((c) => [c.id, total > 0 ? Math.round((c.weight / total) * 1000) / 10 : 0]),
  );
}
