/**
 * Drizzle queries of NDA templates, NDAs sent and signed, and a professional's access to a job's
 * confidential specification. The specification and its files are only ever read through
 * `specGate`, so the rule (bid shortlisted or awarded; the NDA signed when the job requires one)
 * is part of the query that reads them, not a check made after loading.
 */
import { and, asc, desc, eq, inArray, isNull, max, min, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import {
  bids,
  businesses,
  businessMembers,
  jobAttachments,
  jobs,
  jobSpecVersions,
  jobSpecViews,
  ndaSignatures,
  ndaTemplates,
  specAcknowledgments,
  users,
} from '../../db/schema/index.ts';

export type NdaTemplateRow = typeof ndaTemplates.$inferSelect;
export type NdaRow = typeof ndaSignatures.$inferSelect;

/** The bid statuses that open the specification (with the NDA signed, when one is required). */
export const SPEC_READER_BID_STATUSES = ['shortlisted', 'awarded'] as const;

// Templates.

export function listTemplates(tx: Tx, businessId: string) {
  return tx
    .select()
    .from(ndaTemplates)
    .where(and(eq(ndaTemplates.businessId, businessId), isNull(ndaTemplates.archivedAt)))
    .orderBy(desc(ndaTemplates.isDefault), asc(ndaTemplates.name), asc(ndaTemplates.id));
}

export async function findTemplate(tx: Tx, businessId: string, templateId: string) {
  const [row] = await tx
    .select()
    .from(ndaTemplates)
    .where(
      and(
        eq(ndaTemplates.id, templateId),
        eq(ndaTemplates.businessId, businessId),
        isNull(ndaTemplates.archivedAt),
      ),
    );
  return row ?? null;
}

/** The business's default template; if two were ever marked, the most recently changed. */
export async function findDefaultTemplate(tx: Tx, businessId: string) {
  const [row] = await tx
    .select()
    .from(ndaTemplates)
    .where(
      and(
        eq(ndaTemplates.businessId, businessId),
        eq(ndaTemplates.isDefault, true),
        isNull(ndaTemplates.archivedAt),
      ),
    )
    .orderBy(desc(ndaTemplates.updatedAt))
    .limit(1);
  return row ?? null;
}

export async function insertTemplate(tx: Tx, values: typeof ndaTemplates.$inferInsert) {
  const [row] = await tx.insert(ndaTemplates).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateTemplate(
  tx: Tx,
  templateId: string,
  set: Partial<typeof ndaTemplates.$inferInsert>,
) {
  const [row] = await tx
    .update(ndaTemplates)
    .set(set)
    .where(eq(ndaTemplates.id, templateId))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** Unmarks every other default of the business (one default per business). */
export async function clearOtherDefaults(tx: Tx, businessId: string, keepId: string, at: Date) {
  await tx
    .update(ndaTemplates)
    .set({ isDefault: false, updatedAt: at })
    .where(
      and(
        eq(ndaTemplates.businessId, businessId),
        eq(ndaTemplates.isDefault, true),
        ne(ndaTemplates.id, keepId),
      ),
    );
}

/** Jobs that named an archived template fall back to the business's default. */
export async function forgetTemplateOnJobs(tx: Tx, templateId: string) {
  await tx.update(jobs).set({ ndaTemplateId: null }).where(eq(jobs.ndaTemplateId, templateId));
}

/** Serializes changes to one business's templates (the one-default rule). */
export async function lockBusiness(tx: Tx, businessId: string) {
  await tx.execute(
    sql`select 1 from ${businesses} where ${businesses.id} = ${businessId} for update`,
  );
}

// Jobs and bids.

/** The job with what an NDA names: the business's name and time zone. */
export async function findJobWithBusiness(tx: Tx, jobId: string) {
  const [row] = await tx
    .select({
      id: jobs.id,
      businessId: jobs.businessId,
      title: jobs.title,
      status: jobs.status,
      ndaRequired: jobs.ndaRequired,
      ndaTemplateId: jobs.ndaTemplateId,
      specVersion: jobs.specVersion,
      businessName: businesses.name,
      timeZone: businesses.timeZone,
    })
    .from(jobs)
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(eq(jobs.id, jobId));
  return row ?? null;
}
export type JobWithBusiness = NonNullable<Awaited<ReturnType<typeof findJobWithBusiness>>>;

export async function setJobTemplate(tx: Tx, jobId: string, templateId: string | null) {
  await tx.update(jobs).set({ ndaTemplateId: templateId }).where(eq(jobs.id, jobId));
}

export async function findBid(tx: Tx, jobId: string, professionalId: string) {
  const [row] = await tx
    .select({ id: bids.id, status: bids.status })
    .from(bids)
    .where(and(eq(bids.jobId, jobId), eq(bids.professionalId, professionalId)))
    .orderBy(desc(bids.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findUser(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Owners and managers: the members who send NDAs and hear that one was signed. */
export async function ndaManagersOf(tx: Tx, businessId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(
      and(
        eq(businessMembers.businessId, businessId),
        inArray(businessMembers.role, ['owner', 'manager']),
      ),
    );
  return rows.map((r) => r.userId);
}

// NDAs.

const sender = alias(users, 'sender');

const ndaColumns = {
  nda: ndaSignatures,
  sentByName: sender.name,
};

export async function findNda(tx: Tx, jobId: string, professionalId: string) {
  const [row] = await tx
    .select(ndaColumns)
    .from(ndaSignatures)
    .leftJoin(sender, eq(sender.id, ndaSignatures.sentBy))
    .where(and(eq(ndaSignatures.jobId, jobId), eq(ndaSignatures.professionalId, professionalId)));
  return row ?? null;
}
export type NdaWithSender = NonNullable<Awaited<ReturnType<typeof findNda>>>;

/** Records the NDA unless the pair already has one (then null): sending is idempotent. */
export async function insertNda(tx: Tx, values: typeof ndaSignatures.$inferInsert) {
  const [row] = await tx
    .insert(ndaSignatures)
    .values(values)
    .onConflictDoNothing({ target: [ndaSignatures.jobId, ndaSignatures.professionalId] })
    .returning();
  return row ?? null;
}

/** Signs the NDA if it is still unsigned and its text is still the one shown; null otherwise. */
export async function signNda(
  tx: Tx,
  id: string,
  values: {
    textSha256: string;
    signedName: string;
    signedAt: Date;
    signerIp: string;
    signerUserAgent: string;
  },
) {
  const { textSha256, ...set } = values;
  const [row] = await tx
    .update(ndaSignatures)
    .set(set)
    .where(
      and(
        eq(ndaSignatures.id, id),
        isNull(ndaSignatures.signedAt),
        eq(ndaSignatures.textSha256, textSha256),
      ),
    )
    .returning();
  return row ?? null;
}

/** Everyone the job's NDA was sent to, with who sent it. */
export function listJobNdas(tx: Tx, jobId: string) {
  return tx
    .select({ ...ndaColumns, professionalName: users.name })
    .from(ndaSignatures)
    .innerJoin(users, eq(users.id, ndaSignatures.professionalId))
    .leftJoin(sender, eq(sender.id, ndaSignatures.sentBy))
    .where(eq(ndaSignatures.jobId, jobId));
}

/** The job's shortlisted and awarded bids, with their professional. */
export function listSpecReaderBids(tx: Tx, jobId: string) {
  return tx
    .select({
      bidId: bids.id,
      status: bids.status,
      professionalId: users.id,
      professionalName: users.name,
    })
    .from(bids)
    .innerJoin(users, eq(users.id, bids.professionalId))
    .where(and(eq(bids.jobId, jobId), inArray(bids.status, [...SPEC_READER_BID_STATUSES])))
    .orderBy(asc(bids.shortlistedAt), asc(bids.id));
}

/** Per person, the newest version acknowledged and the newest opened. */
export async function specProgress(tx: Tx, jobId: string) {
  // Together, as its caller passes the pool; on a transaction they would have to run in turn.
  const [acks, views] = await Promise.all([
    tx
      .select({ userId: specAcknowledgments.userId, version: max(specAcknowledgments.version) })
      .from(specAcknowledgments)
      .where(eq(specAcknowledgments.jobId, jobId))
      .groupBy(specAcknowledgments.userId),
    tx
      .select({ userId: jobSpecViews.userId, version: max(jobSpecViews.version) })
      .from(jobSpecViews)
      .where(eq(jobSpecViews.jobId, jobId))
      .groupBy(jobSpecViews.userId),
  ]);
  return {
    acknowledged: new Map(acks.map((r) => [r.userId, r.version])),
    read: new Map(views.map((r) => [r.userId, r.version])),
  };
}

// The specification, for a professional.

/**
 * True when `userId` may read the job's specification: their bid on it is shortlisted or
 * awarded, and the job requires no NDA or they signed theirs. Every query that reads spec
 * content for a professional puts this in its WHERE clause.
 */
export function specGate(userId: string): SQL {
  return sql`exists (
      select 1 from ${bids}
      where ${bids.jobId} = ${jobs.id}
        and ${bids.professionalId} = ${userId}
        and ${bids.status} in ('shortlisted', 'awarded')
    ) and (
      not ${jobs.ndaRequired} or exists (
        select 1 from ${ndaSignatures}
        where ${ndaSignatures.jobId} = ${jobs.id}
          and ${ndaSignatures.professionalId} = ${userId}
          and ${ndaSignatures.signedAt} is not null
      )
    )`;
}

/**
 * The job's current specification for `userId`, through {@link specGate}: `spec` is null unless
 * the gate lets them in. `onShortlist` and `ndaSigned` say which part of the rule failed, so the
 * service can answer 404 (not a reader at all) or 403 (sign the NDA first).
 */
export async function findReadableSpec(tx: Tx, jobId: string, userId: string) {
  const [row] = await tx
    .select({
      jobId: jobs.id,
      title: jobs.title,
      businessId: businesses.id,
      businessName: businesses.name,
      ndaRequired: jobs.ndaRequired,
      onShortlist: sql<boolean>`exists (
        select 1 from ${bids}
        where ${bids.jobId} = ${jobs.id} and ${bids.professionalId} = ${userId}
          and ${bids.status} in ('shortlisted', 'awarded'))`,
      version: jobSpecVersions.version,
      publishedAt: jobSpecVersions.createdAt,
      spec: jobSpecVersions.spec,
    })
    .from(jobs)
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .leftJoin(
      jobSpecVersions,
      and(
        eq(jobSpecVersions.jobId, jobs.id),
        eq(jobSpecVersions.version, jobs.specVersion),
        specGate(userId),
      ),
    )
    .where(eq(jobs.id, jobId));
  return row ?? null;
}

/** A version of the job's specification, through the same gate. */
export async function findReadableSpecVersion(
  tx: Tx,
  jobId: string,
  userId: string,
  version: number,
) {
  const [row] = await tx
    .select({ spec: jobSpecVersions.spec })
    .from(jobSpecVersions)
    .innerJoin(jobs, eq(jobs.id, jobSpecVersions.jobId))
    .where(
      and(eq(jobSpecVersions.jobId, jobId), eq(jobSpecVersions.version, version), specGate(userId)),
    );
  return row?.spec ?? null;
}

/** The specification's attachments, through the gate. */
export function listReadableSpecAttachments(tx: Tx, jobId: string, userId: string) {
  return tx
    .select({ attachment: jobAttachments })
    .from(jobAttachments)
    .innerJoin(jobs, eq(jobs.id, jobAttachments.jobId))
    .where(and(eq(jobAttachments.jobId, jobId), eq(jobAttachments.layer, 'spec'), specGate(userId)))
    .orderBy(asc(jobAttachments.createdAt), asc(jobAttachments.id));
}

/** One attachment of the specification, through the gate. */
export async function findReadableSpecAttachment(
  tx: Tx,
  jobId: string,
  userId: string,
  attachmentId: string,
) {
  const [row] = await tx
    .select({ attachment: jobAttachments })
    .from(jobAttachments)
    .innerJoin(jobs, eq(jobs.id, jobAttachments.jobId))
    .where(
      and(
        eq(jobAttachments.id, attachmentId),
        eq(jobAttachments.jobId, jobId),
        eq(jobAttachments.layer, 'spec'),
        specGate(userId),
      ),
    );
  return row?.attachment ?? null;
}

/** The version a professional's reading starts from: their newest acknowledgment, else their first read. */
export async function findBaseline(tx: Tx, jobId: string, userId: string) {
  const [ack] = await tx
    .select({ version: max(specAcknowledgments.version) })
    .from(specAcknowledgments)
    .where(and(eq(specAcknowledgments.jobId, jobId), eq(specAcknowledgments.userId, userId)));
  const [view] = await tx
    .select({ version: min(jobSpecViews.version) })
    .from(jobSpecViews)
    .where(and(eq(jobSpecViews.jobId, jobId), eq(jobSpecViews.userId, userId)));
  return { acknowledged: ack?.version ?? null, firstRead: view?.version ?? null };
}

export async function recordView(
  tx: Tx,
  values: { jobId: string; userId: string; version: number; firstSeenAt: Date },
) {
  await tx.insert(jobSpecViews).values(values).onConflictDoNothing();
}

/** Records the acknowledgment; the first one of a version is kept. */
export async function insertAcknowledgment(
  tx: Tx,
  values: { jobId: string; userId: string; version: number; acknowledgedAt: Date },
) {
  await tx.insert(specAcknowledgments).values(values).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(specAcknowledgments)
    .where(
      and(
        eq(specAcknowledgments.jobId, values.jobId),
        eq(specAcknowledgments.userId, values.userId),
        eq(specAcknowledgments.version, values.version),
      ),
    );
  if (!row) throw new Error('acknowledgment not found after insert');
  return row;
}

/**
 * Who reads the job's specification now: the shortlisted and awarded bidders, less those who
 * have not signed a required NDA (they are told to sign it instead, and read the newest version
 * once they do).
 */
export async function listSpecReaders(tx: Tx, jobId: string) {
  const rows = await tx
    .select({ userId: bids.professionalId, title: jobs.title, businessName: businesses.name })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(
      and(
        eq(bids.jobId, jobId),
        inArray(bids.status, [...SPEC_READER_BID_STATUSES]),
        sql`(not ${jobs.ndaRequired} or exists (
          select 1 from ${ndaSignatures}
          where ${ndaSignatures.jobId} = ${bids.jobId}
            and ${ndaSignatures.professionalId} = ${bids.professionalId}
            and ${ndaSignatures.signedAt} is not null))`,
      ),
    );
  return rows;
}
