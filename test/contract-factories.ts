/**
 * Contracts built straight in the database, for the workspace tests (time, meetings, issues,
 * messages, files, reports): a job, the professional's bid, and the contract in the state asked
 * for. `contractExpected` is the role matrix of a workspace route, read from the permissions
 * table like `expectedFor`, with the cast's professional as the contract's professional.
 */
import type { ContractAction } from '../src/core/contract-access.ts';
import type { ContractStatus, TermsType } from '../src/core/hiring.ts';
import { can } from '../src/core/permissions.ts';
import {
  contractReviewers,
  contracts,
  type MilestoneTerms,
} from '../src/server/db/schema/index.ts';
import { newId } from '../src/server/lib/ids.ts';
import { buildBid } from './bid-factories.ts';
import { buildUser, type TestUser } from './factories.ts';
import type { TestContext } from './harness.ts';
import { buildJob } from './job-factories.ts';
import type { Cast, RoleName } from './role-matrix.ts';

export interface BuildContractOptions {
  businessId: string;
  professionalId: string;
  status?: ContractStatus;
  termsType?: TermsType;
  currency?: string;
  /** Hourly: the rate in minor units (default 5,000 = 50.00 an hour) and the weekly cap. */
  hourlyRate?: number;
  weeklyCapHours?: number;
  totalBudget?: number | null;
  /** Fixed: the total and its milestones (default one milestone of the whole amount). */
  amount?: number;
  milestones?: MilestoneTerms[];
  startDate?: string | null;
  endDate?: string | null;
  title?: string;
}

export async function buildContract(ctx: TestContext, o: BuildContractOptions) {
  const termsType = o.termsType ?? 'hourly';
  const hourly = termsType === 'hourly';
  const status = o.status ?? 'active';
  const title = o.title ?? 'Booking page for cake tastings';
  const job = await buildJob(ctx, {
    businessId: o.businessId,
    status: status === 'offered' ? 'open' : 'closed',
    brief: { title },
  });
  const amount = o.amount ?? 120_000;
  const bid = await buildBid(ctx, {
    jobId: job.id,
    professionalId: o.professionalId,
    status: 'awarded',
    termsType,
    amount: hourly ? (o.hourlyRate ?? 5_000) : amount,
  });
  const now = ctx.clock.now();
  const answered = status !== 'offered';
  const running = ['active', 'paused', 'completed', 'cancelled'].includes(status);
  const [contract] = await ctx.db
    .insert(contracts)
    .values({
      id: newId(),
      jobId: job.id,
      bidId: bid.id,
      businessId: o.businessId,
      professionalId: o.professionalId,
      status,
      title,
      termsType,
      currency: o.currency ?? 'USD',
      amount: hourly ? null : amount,
      milestones: hourly
        ? []
        : (o.milestones ?? [{ title: 'The whole work', amount, dueDate: null }]),
      hourlyRate: hourly ? (o.hourlyRate ?? 5_000) : null,
      weeklyCapHours: hourly ? (o.weeklyCapHours ?? 20) : null,
      totalBudget: o.totalBudget ?? null,
      startDate: o.startDate ?? null,
      endDate: o.endDate ?? null,
      offeredAt: now,
      respondedAt: answered ? now : null,
      activatedAt: running ? now : null,
      pausedAt: status === 'paused' ? now : null,
      endedAt: status === 'completed' || status === 'cancelled' ? now : null,
    })
    .returning();
  if (!contract) throw new Error('insert returned no row');
  return contract;
}

/** An active hourly contract between the cast's business and the cast's professional. */
export function buildCastContract(
  ctx: TestContext,
  cast: Cast,
  o: Partial<BuildContractOptions> = {},
) {
  return buildContract(ctx, {
    businessId: cast.businessId,
    professionalId: cast.people.professional.id,
    ...o,
  });
}

/** Makes a new professional a QA reviewer on the contract, and returns them. */
export async function addReviewer(ctx: TestContext, contractId: string): Promise<TestUser> {
  const reviewer = await buildUser(ctx, { professional: true, name: 'A QA reviewer' });
  await ctx.db.insert(contractReviewers).values({ contractId, userId: reviewer.id });
  return reviewer;
}

/**
 * What each role of the cast gets from a workspace route declaring `action`, when the cast's
 * professional is the contract's professional: the table's answer for the members and the
 * professional (`ok`, or 403 for a party whose role lacks it); 404 for another business's
 * owner and for an admin, who are no party; 401 for anonymous.
 */
export function contractExpected(action: ContractAction, ok: number): Record<RoleName, number> {
  const member = (role: 'owner' | 'manager' | 'viewer' | 'contractProfessional') =>
    can(role, action) ? ok : 403;
  return {
    anonymous: 401,
    owner: member('owner'),
    manager: member('manager'),
    viewer: member('viewer'),
    professional: member('contractProfessional'),
    otherBusiness: 404,
    admin: 404,
  };
}
