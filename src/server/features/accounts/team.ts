import type {
  CreateInvitation,
  Invitation,
  InvitationPreview,
  Member,
} from '../../../core/contracts/accounts.ts';
import { leavesNoOwner, type BusinessRole } from '../../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import type { businessInvitations } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, emailNotVerified, forbidden, HttpProblem, notFound } from '../../lib/errors.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import type { Notify } from '../notifications/index.ts';
import { authorizeBusiness } from './policy.ts';
import { presentInvitation, presentInvitationPreview, presentMember } from './present.ts';
import {
  findBusiness,
  findInvitationByTokenHash,
  findRole,
  findUser,
  findUserByEmail,
  insertInvitation,
  insertMember,
  listMembers,
  listOpenInvitations,
  lockBusiness,
  lockMembers,
  markInvitationAccepted,
  revokeInvitation,
  revokeOpenInvitationsFor,
  setMemberRole,
} from './queries.ts';

const INVITATION_DAYS = 7;

export function createTeamService({ db, clock, notify }: { db: Db; clock: Clock; notify: Notify }) {
  async function members({ userId, businessId }: BusinessScope): Promise<Member[]> {
    await authorizeBusiness(db, businessId, userId, 'members.read');
    const rows = await listMembers(db, businessId);
    return rows.map(presentMember);
  }

  /**
   * Changes a member's role (`newRole`) or removes them (`null`). Owners manage everyone;
   * anyone may leave by removing themselves. The business always keeps an owner: the member
   * rows are locked first, so concurrent changes are judged one after the other.
   */
  async function changeMember(
    { userId: callerId, businessId, memberId: targetId }: BusinessScope & { memberId: string },
    newRole: BusinessRole | null,
  ): Promise<void> {
    await db.transaction(async (tx) => {
      const leavingSelf = newRole === null && callerId === targetId;
      // Lock before judging the caller: a concurrent change may just have demoted them.
      const locked = await lockMembers(tx, businessId);
      if (!leavingSelf) await authorizeBusiness(tx, businessId, callerId, 'members.manage');
      else if (!(await findRole(tx, businessId, callerId))) throw notFound('Business');
      const target = locked.find((m) => m.userId === targetId);
      if (!target) throw notFound('Member');
      const owners = locked.filter((m) => m.role === 'owner').length;
      if (leavesNoOwner(owners, target.role, newRole)) {
        throw conflict('A business needs at least one owner. Make someone else an owner first.');
      }
      await setMemberRole(tx, businessId, targetId, newRole);
    });
  }

  async function invitations({ userId, businessId }: BusinessScope): Promise<Invitation[]> {
    await authorizeBusiness(db, businessId, userId, 'invitations.manage');
    const rows = await listOpenInvitations(db, businessId, clock.now());
    return rows.map(presentInvitation);
  }

  /**
   * Invites an address with a role and notifies it: a person with an account as their
   * preferences say, an address with none by e-mail. Inviting the same address again replaces the link.
   */
  async function invite(
    { userId, businessId }: BusinessScope,
    input: CreateInvitation,
  ): Promise<Invitation> {
    const token = newSecret('inv');
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const { invitation, inviterName } = await db.transaction(async (tx) => {
      await authorizeBusiness(tx, businessId, userId, 'invitations.manage');
      // Concurrent invitations to one address take turns, so the second replaces the first.
      await lockBusiness(tx, businessId);
      const existing = await findUserByEmail(tx, input.email);
      if (existing && (await findRole(tx, businessId, existing.id))) {
        throw conflict(`${input.email} is already a member of this business.`);
      }
      await revokeOpenInvitationsFor(tx, businessId, input.email, now);
      const row = await insertInvitation(tx, {
        id: newId(),
        businessId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: userId,
        expiresAt,
        createdAt: now,
      });
      const business = await findBusiness(tx, businessId);
      const inviter = await findUser(tx, userId);
      if (!row || !business || !inviter) throw new Error('invitation insert lost its parents');
      await notify(
        tx,
        [existing ? { userId: existing.id } : { email: input.email }],
        'team.invitation',
        {
          token,
          businessName: business.name,
          inviterName: inviter.name,
          role: input.role,
          expiresAt,
        },
      );
      return { invitation: row, inviterName: inviter.name };
    });
    return presentInvitation({ ...invitation, invitedByName: inviterName });
  }

  async function revoke({
    userId,
    businessId,
    invitationId,
  }: BusinessScope & { invitationId: string }): Promise<void> {
    await db.transaction(async (tx) => {
      await authorizeBusiness(tx, businessId, userId, 'invitations.manage');
      if (!(await revokeInvitation(tx, businessId, invitationId, clock.now())))
        throw notFound('Invitation');
    });
  }

  function statusOf(inv: typeof businessInvitations.$inferSelect): InvitationPreview['status'] {
    if (inv.acceptedAt) return 'accepted';
    if (inv.revokedAt) return 'revoked';
    if (inv.expiresAt <= clock.now()) return 'expired';
    return 'pending';
  }

  /** What the holder of the link sees before accepting; the link itself is the credential. */
  async function preview(token: string): Promise<InvitationPreview> {
    const found = await findInvitationByTokenHash(db, sha256(token));
    if (!found) throw notFound('Invitation');
    const { invitation, businessName, invitedByName } = found;
    return presentInvitationPreview(
      invitation,
      { businessName, invitedByName },
      statusOf(invitation),
    );
  }

  /**
   * Accepts an invitation as the signed-in person, who must hold the invited address and have
   * verified it: a token can be forwarded or leaked, so holding it proves nothing about the
   * account that presents it.
   */
  async function accept(
    { userId }: UserScope,
    token: string,
  ): Promise<{ businessId: string; role: BusinessRole }> {
    return db.transaction(async (tx) => {
      const found = await findInvitationByTokenHash(tx, sha256(token), true);
      if (!found) throw notFound('Invitation');
      const { invitation } = found;
      const status = statusOf(invitation);
      if (status === 'accepted') throw conflict('This invitation has already been used.');
      if (status === 'revoked')
        throw new HttpProblem(410, 'Gone', 'This invitation was withdrawn.');
      if (status === 'expired')
        throw new HttpProblem(410, 'Gone', 'This invitation has expired; ask for a new one.');
      const user = await findUser(tx, userId);
      if (!user) throw notFound('User');
      if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
        throw forbidden(
          `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
        );
      }
      if (!user.emailVerified) throw emailNotVerified('join a business');
      const now = clock.now();
      const current = await findRole(tx, invitation.businessId, userId);
      if (!current) {
        await insertMember(tx, {
          businessId: invitation.businessId,
          userId,
          role: invitation.role,
          createdAt: now,
        });
      }
      await markInvitationAccepted(tx, invitation.id, now);
      return { businessId: invitation.businessId, role: current ?? invitation.role };
    });
  }

  return { members, changeMember, invitations, invite, revoke, preview, accept };
}
