/**
 * Drizzle queries of a business's records of professionals (`talent_contacts`): the private
 * pool, contacts invited by e-mail, private notes and tags. Every read and write names the
 * business, so one business never reaches another's records.
 */
import { and, arrayContains, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { businesses, professionalProfiles, talentContacts, users } from '../../db/schema/index.ts';

export type ContactInsert = typeof talentContacts.$inferInsert;
export type ContactSet = Partial<ContactInsert>;

const contactColumns = {
  contact: talentContacts,
  professionalName: users.name,
  headline: professionalProfiles.headline,
};

function contacts(tx: Tx) {
  return tx
    .select(contactColumns)
    .from(talentContacts)
    .leftJoin(users, eq(users.id, talentContacts.userId))
    .leftJoin(professionalProfiles, eq(professionalProfiles.userId, talentContacts.userId));
}

export type ContactRow = Awaited<ReturnType<typeof findContact>> & object;

export async function findContact(tx: Tx, businessId: string, contactId: string) {
  const [row] = await contacts(tx).where(
    and(eq(talentContacts.businessId, businessId), eq(talentContacts.id, contactId)),
  );
  return row ?? null;
}

/** The business's records, newest first; with `tag`, only those carrying it. */
export function listContacts(tx: Tx, businessId: string, tag?: string) {
  return contacts(tx)
    .where(
      and(
        eq(talentContacts.businessId, businessId),
        tag ? arrayContains(talentContacts.tags, [tag]) : undefined,
      ),
    )
    .orderBy(desc(talentContacts.createdAt), desc(talentContacts.id));
}

export async function findContactByEmail(tx: Tx, businessId: string, email: string) {
  const [row] = await tx
    .select()
    .from(talentContacts)
    .where(and(eq(talentContacts.businessId, businessId), eq(talentContacts.email, email)))
    .for('update');
  return row ?? null;
}

export async function findContactOfUser(tx: Tx, businessId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(talentContacts)
    .where(and(eq(talentContacts.businessId, businessId), eq(talentContacts.userId, userId)))
    .for('update');
  return row ?? null;
}

export async function insertContact(tx: Tx, values: ContactInsert) {
  const [row] = await tx.insert(talentContacts).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateContact(tx: Tx, contactId: string, set: ContactSet) {
  await tx.update(talentContacts).set(set).where(eq(talentContacts.id, contactId));
}

export async function deleteContact(tx: Tx, businessId: string, contactId: string) {
  const rows = await tx
    .delete(talentContacts)
    .where(and(eq(talentContacts.businessId, businessId), eq(talentContacts.id, contactId)))
    .returning({ id: talentContacts.id });
  return rows.length > 0;
}

/** The record an invitation link opens, locked, with its business's name. */
export async function findContactByTokenHash(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ contact: talentContacts, businessName: businesses.name })
    .from(talentContacts)
    .innerJoin(businesses, eq(businesses.id, talentContacts.businessId))
    .where(eq(talentContacts.inviteTokenHash, tokenHash))
    .for('update', { of: talentContacts });
  return row ?? null;
}

/** A person with an account at this address, and whether they have a professional profile. */
export async function findAccountByEmail(tx: Tx, email: string) {
  const [row] = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      professional: sql<boolean>`${professionalProfiles.userId} is not null`,
    })
    .from(users)
    .leftJoin(professionalProfiles, eq(professionalProfiles.userId, users.id))
    .where(eq(users.email, email));
  return row ?? null;
}

/** A Handoff professional (someone with a profile), by id. */
export async function findProfessional(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(professionalProfiles, eq(professionalProfiles.userId, users.id))
    .where(eq(users.id, userId));
  return row ?? null;
}
