import { describe, expect, it } from 'vitest';
import type { MyTrialSummary } from '../../../core/contracts/trials.ts';
import { trialStep } from './my-trials.tsx';

const now = Date.parse('2027-03-01T12:00:00Z');
const trial = (over: Partial<MyTrialSummary>): MyTrialSummary => ({
  id: '01a24384-68c6-7793-a7ff-d6e05854a941',
  jobId: '01a24384-68c6-7793-a7ff-d6e05854a942',
  jobTitle: 'Bookkeeping',
  title: 'One month of receipts',
  deadline: '2027-03-02T12:00:00Z',
  cancelledAt: null,
  status: 'invited',
  late: false,
  ...over,
});

describe('what a trial asks of the professional', () => {
  it('waits on them to answer, then to submit — late once the deadline passed', () => {
    expect(trialStep(trial({}), now)).toMatchObject({ label: 'Accept or decline', waiting: true });
    expect(trialStep(trial({ status: 'accepted' }), now)).toMatchObject({
      label: 'Submit your work',
      waiting: true,
    });
    expect(
      trialStep(trial({ status: 'accepted', deadline: '2027-03-01T11:00:00Z' }), now),
    ).toMatchObject({ label: 'Submit (it will be marked late)', waiting: true });
  });

  it('asks nothing once submitted, declined, closed or cancelled', () => {
    for (const t of [
      trial({ status: 'submitted', late: true }),
      trial({ status: 'declined' }),
      trial({ status: 'closed' }),
      trial({ status: 'accepted', cancelledAt: '2027-03-01T10:00:00Z' }),
    ])
      expect(trialStep(t, now).waiting).toBe(false);
    expect(trialStep(trial({ status: 'submitted', late: true }), now).label).toBe('Submitted late');
    expect(trialStep(trial({ status: 'closed' }), now).label).toMatch(/someone else/);
  });
});
