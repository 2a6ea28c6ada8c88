/**
 * The other side of an invitation: the person follows the link, signs up or signs in, and joins
 * the business's private pool — and job invitations sent to their address wait for them.
 *
 * Job invitations sent to an address are claimed only by someone who proved they read that
 * mailbox: by verifying the address on their account (`claimForVerifiedAccount`, called by
 * better-auth's verification), or by following the pool link that was mailed there (`accept`).
 */
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { emailNotVerified, notFound } from '../../lib/errors.ts';
import { sha256 } from '../../lib/ids.ts';
import type { UserScope } from '../../lib/scope.ts';
import { findUser } from '../accounts/queries.ts';
import { claimJobEmailInvitations, linkContactsByEmail } from './job-email-queries.ts';
import { invitationExpiry } from './present.ts';
import {
  deleteContact,
  findContactByTokenHash,
  findContactOfUser,
  updateContact,
} from './queries.ts';

const unknownLink = () => notFound('Invitation');

/** Joins two lists of tags without repeats. */
const unionTags = (a: string[], b: string[]) => [...new Set([...a, ...b])];

export function createJoinService({ db, clock }: { db: Db; clock: Clock }) {
  async function openInvitation(tx: Tx, token: string) {
    const found = await findContactByTokenHash(tx, sha256(token));
    const invitedAt = found?.contact.invitedAt;
    // A revoked, replaced or expired link is the same 404 as one that never existed.
    if (!found || !invitedAt || invitationExpiry(invitedAt) <= clock.now()) throw unknownLink();
    return { ...found, expiresAt: invitationExpiry(invitedAt) };
  }

  return {
    /** What the join page shows before anyone signs in: who invites, and whom. */
    async preview(token: string) {
      const { contact, businessName, expiresAt } = await openInvitation(db, token);
      return {
        businessName,
        name: contact.name,
        email: contact.email,
        expiresAt: expiresAt.toISOString(),
      };
    },

    async accept({ userId }: UserScope, token: string) {
      const me = await findUser(db, userId);
      if (!me?.emailVerified) throw emailNotVerified('join a business’s professionals');
      return db.transaction(async (tx) => {
        const { contact, businessName } = await openInvitation(tx, token);
        const now = clock.now();
        // The business may already keep a record of this person (notes from their profile):
        // one record per person, so that one is folded into the invited one.
        const other = await findContactOfUser(tx, contact.businessId, userId);
        let { notes, tags } = contact;
        if (other && other.id !== contact.id) {
          notes = [other.notes, notes].filter((n) => n.trim() !== '').join('\n\n');
          tags = unionTags(other.tags, tags);
          await deleteContact(tx, contact.businessId, other.id);
        }
        await updateContact(tx, contact.id, {
          userId,
          notes,
          tags,
          inPool: true,
          joinedAt: now,
          inviteTokenHash: null,
          updatedAt: now,
        });
        // The link was mailed to the record's address: following it proves that mailbox as
        // well as verifying it would.
        const claimed = contact.email
          ? await claimJobEmailInvitations(tx, { email: contact.email, userId, at: now })
          : 0;
        return { businessName, jobInvitations: claimed };
      });
    },

    /**
     * Called once an account's address is verified: job invitations sent to that address become
     * the account's, and the businesses' records made for it are linked to it.
     */
    async claimForVerifiedAccount({ id, email }: { id: string; email: string }) {
      const address = email.toLowerCase();
      await db.transaction(async (tx) => {
        const now = clock.now();
        await claimJobEmailInvitations(tx, { email: address, userId: id, at: now });
        await linkContactsByEmail(tx, address, id, now);
      });
    },
  };
}
