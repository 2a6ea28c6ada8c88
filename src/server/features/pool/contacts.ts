/**
 * People a business met elsewhere: added by name and e-mail, invited by a link to join the
 * business's private pool. Adding answers the same whether or not the address has an account
 * (an account is linked at once, quietly); the person shows as a professional once they join.
 */
import type { z } from 'zod';
import type {
  CreateContact,
  TalentContact,
  UpdateContactSchema,
} from '../../../core/contracts/pool.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import type { Mailer } from '../../lib/mail.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { findBusiness, findUser } from '../accounts/queries.ts';
import { poolInvitationMail } from './mail.ts';
import { authorizePool } from './policy.ts';
import { invitationExpiry, presentContact } from './present.ts';
import {
  deleteContact,
  findAccountByEmail,
  findContact,
  findContactByEmail,
  findContactOfUser,
  insertContact,
  listContacts,
  updateContact,
} from './queries.ts';

export type ContactScope = BusinessScope & { contactId: string };
type UpdateContact = z.infer<typeof UpdateContactSchema>;

export function createContactService({
  db,
  clock,
  mailer,
  baseUrl,
}: {
  db: Db;
  clock: Clock;
  mailer: Pick<Mailer, 'enqueue'>;
  baseUrl: string;
}) {
  /** A fresh link for the record, e-mailed to its address; the secret itself is never stored. */
  async function sendInvitation(
    tx: Tx,
    { userId, businessId }: BusinessScope,
    contact: { id: string; name: string; email: string },
  ) {
    const token = newSecret('hpi');
    const now = clock.now();
    await updateContact(tx, contact.id, {
      inviteTokenHash: sha256(token),
      invitedAt: now,
      updatedAt: now,
    });
    const business = await findBusiness(tx, businessId);
    const inviter = await findUser(tx, userId);
    if (!business || !inviter) throw new Error('invitation lost its parents');
    await mailer.enqueue(
      tx,
      poolInvitationMail({
        to: contact.email,
        name: contact.name,
        businessName: business.name,
        inviterName: inviter.name,
        url: `${baseUrl}/join/${token}`,
        expiresAt: invitationExpiry(now),
      }),
    );
    return now;
  }

  async function reload(tx: Tx, businessId: string, contactId: string): Promise<TalentContact> {
    const row = await findContact(tx, businessId, contactId);
    if (!row) throw notFound('Contact');
    return presentContact(row, clock.now());
  }

  return {
    async list({ userId, businessId }: BusinessScope, { tag }: { tag?: string }) {
      await authorizePool(db, businessId, userId, 'talent.read');
      const now = clock.now();
      return (await listContacts(db, businessId, tag)).map((r) => presentContact(r, now));
    },

    async add(scope: BusinessScope, input: CreateContact) {
      const { userId, businessId } = scope;
      return db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.manage');
        if (await findContactByEmail(tx, businessId, input.email))
          throw conflict(
            `${input.email} is already in your pool: send the invitation again from there.`,
          );
        // Linked at once when the address belongs to a professional the business has no record
        // of yet; the answer below is the same either way.
        const account = await findAccountByEmail(tx, input.email);
        const link =
          account?.professional && !(await findContactOfUser(tx, businessId, account.id))
            ? account.id
            : null;
        const now = clock.now();
        const row = await insertContact(tx, {
          id: newId(),
          businessId,
          userId: link,
          name: input.name,
          email: input.email,
          externalUrl: input.externalUrl ?? null,
          notes: input.notes,
          tags: input.tags,
          inPool: true,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        });
        const invitedAt = await sendInvitation(tx, scope, {
          id: row.id,
          name: input.name,
          email: input.email,
        });
        return { id: row.id, email: input.email, invitedAt: invitedAt.toISOString() };
      });
    },

    async update({ userId, businessId, contactId }: ContactScope, input: UpdateContact) {
      return db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.manage');
        if (!(await findContact(tx, businessId, contactId))) throw notFound('Contact');
        await updateContact(tx, contactId, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.externalUrl !== undefined && { externalUrl: input.externalUrl }),
          ...(input.notes !== undefined && { notes: input.notes }),
          ...(input.tags !== undefined && { tags: input.tags }),
          updatedAt: clock.now(),
        });
        return reload(tx, businessId, contactId);
      });
    },

    /** Removes the record with its notes and tags; an open invitation link stops working. */
    async remove({ userId, businessId, contactId }: ContactScope) {
      await db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.manage');
        if (!(await deleteContact(tx, businessId, contactId))) throw notFound('Contact');
      });
    },

    /** A new link (the old one stops working) and a new e-mail. */
    async resend(scope: ContactScope) {
      const { userId, businessId, contactId } = scope;
      return db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.manage');
        const row = await findContact(tx, businessId, contactId);
        if (!row) throw notFound('Contact');
        const { contact } = row;
        if (contact.joinedAt) throw conflict(`${contact.name} has already joined your pool.`);
        if (!contact.email)
          throw conflict('This record has no e-mail address to send an invitation to.');
        await sendInvitation(tx, scope, {
          id: contact.id,
          name: contact.name,
          email: contact.email,
        });
        return reload(tx, businessId, contactId);
      });
    },

    /** The link stops working; the record, notes and tags stay. */
    async revoke({ userId, businessId, contactId }: ContactScope) {
      return db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.manage');
        const row = await findContact(tx, businessId, contactId);
        if (!row) throw notFound('Contact');
        if (row.contact.joinedAt)
          throw conflict(`${row.contact.name} has already joined your pool.`);
        if (!row.contact.inviteTokenHash) throw conflict('There is no open invitation to revoke.');
        await updateContact(tx, contactId, { inviteTokenHash: null, updatedAt: clock.now() });
        return reload(tx, businessId, contactId);
      });
    },
  };
}
