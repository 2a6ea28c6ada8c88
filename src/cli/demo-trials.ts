/**
 * Demo data of trials: on the first of the bakery's jobs with two or more shortlisted bids, a
 * trial sent to two of them, the first accepted and submitted and scored, the second accepted
 * and still working. It runs after the bids and shortlist demo data; with no shortlisted bids
 * it adds nothing and says so.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { bids, jobs } from '../server/db/schema/index.ts';
import type { Config } from '../server/env.ts';
import { createParticipationService } from '../server/features/trials/participation.ts';
import { createTrialService } from '../server/features/trials/trials.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createFileStore } from '../server/lib/files.ts';
import type { DemoBusiness } from './demo-jobs.ts';

const DAY = 86_400_000;

export async function demoTrials(
  db: Db,
  config: Config,
  { bakery }: { bakery: DemoBusiness },
): Promise<string[]> {
  const rows = await db
    .select({ jobId: bids.jobId, bidId: bids.id, professionalId: bids.professionalId })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .where(
      and(
        eq(jobs.businessId, bakery.businessId),
        eq(jobs.status, 'open'),
        eq(bids.status, 'shortlisted'),
      ),
    )
    .orderBy(asc(bids.jobId), asc(bids.shortlistedAt));
  const byJob = new Map<string, typeof rows>();
  for (const row of rows) byJob.set(row.jobId, [...(byJob.get(row.jobId) ?? []), row]);
  const picked = [...byJob.values()].find((list) => list.length >= 2)?.slice(0, 2);
  if (!picked) return ['No shortlisted bids yet, so no trial: trials come after shortlisting.'];

  // Demo addresses are never deliverable, and a demo needs no reminders: both are left out.
  const notify = async () => {};
  const files = createFileStore(config.dataDir);
  const clock = systemClock;
  const trials = createTrialService({
    db,
    clock,
    notify,
    files,
    reminders: { schedule: async () => {}, cancel: async () => {} },
  });
  const participation = createParticipationService({
    db,
    clock,
    notify,
    files,
    maxUploadBytes: config.maxUploadBytes,
  });
  const jobId = picked[0]!.jobId;
  const trial = await trials.create(
    { userId: bakery.ownerId, businessId: bakery.businessId, jobId },
    {
      title: 'Sketch three directions',
      instructions:
        'Three rough **directions** for the logo, one page each, with a line on the idea behind each.\n\nPencil is fine.',
      deadline: new Date(Date.now() + 3 * DAY).toISOString(),
      timeBoxMinutes: 120,
      rubric: [
        { label: 'Fits the bakery', weight: 3 },
        { label: 'Follows the instructions', weight: 2 },
        { label: 'Communication', weight: 1 },
      ],
      paid: { amount: 15_000, currency: 'EUR' },
      bidIds: picked.map((b) => b.bidId),
    },
  );
  const [first, second] = picked;
  await participation.accept({ userId: first!.professionalId, trialId: trial.id });
  await participation.submit(
    { userId: first!.professionalId, trialId: trial.id },
    {
      notes: 'Three directions: a wheat sheaf, a rolling pin wordmark, and a hand-drawn loaf.',
      links: ['https://example.com/sketches'],
    },
  );
  await trials.score(
    {
      userId: bakery.ownerId,
      businessId: bakery.businessId,
      jobId,
      trialId: trial.id,
      professionalId: first!.professionalId,
    },
    { criterionScores: { c1: 4, c2: 5, c3: 4 }, comment: 'The loaf is the one.' },
  );
  await participation.accept({ userId: second!.professionalId, trialId: trial.id });
  return [
    `${bakery.name}: a trial "${trial.title}" for two shortlisted bids, one submitted and scored, at ${config.baseUrl}/app/businesses/${bakery.businessId}/jobs/${jobId}/trials`,
  ];
}
