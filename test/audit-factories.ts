/**
 * Factories for the operations audit: an audit (with its business and owner when not given)
 * and entries, built through the services so that they obey the same rules as the API.
 */
import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Audit, AuditEntry, CreateEntry } from '../src/core/contracts/audit.ts';
import { auditEntries, audits } from '../src/server/db/schema/index.ts';
import { createAuditService } from '../src/server/features/audit/audits.ts';
import { createEntryService } from '../src/server/features/audit/entries.ts';
import { buildBusiness, type TestUser } from './factories.ts';
import type { TestContext } from './harness.ts';

export interface BuiltAudit {
  audit: Audit;
  owner: TestUser;
  businessId: string;
}

/**
 * An active audit. Without `businessId`, a new business (EUR, Europe/Lisbon) is made for it;
 * with one, `owner` must be a member allowed to run audits. `periodStart` defaults to
 * 2026-07-06 so that tests do not depend on the day they run.
 */
export async function buildAudit(
  ctx: TestContext,
  options: {
    owner?: TestUser;
    businessId?: string;
    periodStart?: string;
    periodDays?: number;
    hourlyValue?: number;
  } = {},
): Promise<BuiltAudit> {
  let owner = options.owner;
  let businessId = options.businessId;
  if (!businessId) {
    const built = await buildBusiness(ctx, owner ? { owner } : {});
    owner = built.owner;
    businessId = built.business.id;
  }
  if (!owner) throw new Error('buildAudit: give the owner of the business you name');
  const audit = await createAuditService({ db: ctx.db, clock: ctx.clock }).start(
    { userId: owner.id, businessId },
    {
      periodStart: options.periodStart ?? '2026-07-06',
      periodDays: options.periodDays ?? 30,
      hourlyValue: options.hourlyValue ?? 5000,
    },
  );
  return { audit, owner, businessId };
}

/** Closes the business's active audit, if any, so that another can be started. */
export async function closeActiveAudit(ctx: TestContext, businessId: string) {
  await ctx.db
    .update(audits)
    .set({ status: 'closed', closedAt: ctx.clock.now() })
    .where(and(eq(audits.businessId, businessId), eq(audits.status, 'active')));
}

/** A fresh active audit of an existing business, closing the one before it. */
export async function replaceAudit(ctx: TestContext, businessId: string, owner: TestUser) {
  await closeActiveAudit(ctx, businessId);
  return (await buildAudit(ctx, { businessId, owner })).audit;
}

export function buildEntry(
  ctx: TestContext,
  built: BuiltAudit,
  input: Partial<CreateEntry> = {},
): Promise<AuditEntry> {
  return createEntryService({ db: ctx.db, clock: ctx.clock }).create(
    { userId: built.owner.id, businessId: built.businessId, auditId: built.audit.id },
    {
      taskName: input.taskName ?? 'Invoices',
      date: input.date ?? built.audit.periodStart,
      minutes: input.minutes ?? 30,
    },
  );
}

/** How many entries the audit holds, read straight from the database. */
export async function countEntries(ctx: TestContext, auditId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(auditEntries)
    .where(eq(auditEntries.auditId, auditId));
  return row?.n ?? 0;
}

export const auditUrl = (businessId: string, auditId?: string, rest = '') =>
  `/api/v1/businesses/${businessId}/audits${auditId ? `/${auditId}` : ''}${rest}`;

/** The `path`s a problem+json answer names in its `errors`. */
export function errorPaths(response: LightMyRequestResponse): string[] {
  const body = response.json<{ errors?: { path: string }[] }>();
  return (body.errors ?? []).map((e) => e.path);
}
