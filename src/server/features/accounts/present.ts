import type {
  ApiToken,
  ApiTokenScope,
  Business,
  Invitation,
  InvitationPreview,
  Me,
  Member,
} from '../../../core/contracts/accounts.ts';
import type { BusinessRole } from '../../../core/roles.ts';
import type { businessInvitations, businesses } from '../../db/schema/index.ts';
import type { readMe } from './queries.ts';

type MeRows = Awaited<ReturnType<typeof readMe>>;

// Rows in, response shapes out: the only place accounts turns dates into ISO strings.

const iso = (d: Date) => d.toISOString();

export function presentApiToken(t: {
  id: string;
  name: string;
  prefix: string;
  scope: ApiTokenScope;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    createdAt: iso(t.createdAt),
    expiresAt: t.expiresAt ? iso(t.expiresAt) : null,
    lastUsedAt: t.lastUsedAt ? iso(t.lastUsedAt) : null,
  };
}

export function presentBusiness(
  row: typeof businesses.$inferSelect,
  myRole: BusinessRole,
): Business {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    workingHours: row.workingHours,
    createdAt: iso(row.createdAt),
    myRole,
  };
}

export function presentMember(r: Omit<Member, 'joinedAt'> & { joinedAt: Date }): Member {
  return { ...r, joinedAt: iso(r.joinedAt) };
}

export function presentInvitation(
  r: Omit<Invitation, 'createdAt' | 'expiresAt'> & { createdAt: Date; expiresAt: Date },
): Invitation {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    invitedByName: r.invitedByName,
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
  };
}

export function presentInvitationPreview(
  invitation: typeof businessInvitations.$inferSelect,
  names: { businessName: string; invitedByName: string },
  status: InvitationPreview['status'],
): InvitationPreview {
  return {
    businessName: names.businessName,
    invitedByName: names.invitedByName,
    email: invitation.email,
    role: invitation.role,
    status,
    expiresAt: iso(invitation.expiresAt),
  };
}

export function presentMe(
  user: NonNullable<MeRows['user']>,
  memberships: MeRows['memberships'],
  profile: MeRows['profile'],
): Me {
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      timeZone: user.timeZone,
      currency: user.currency,
      isAdmin: user.isAdmin,
    },
    memberships,
    professionalProfile: profile
      ? { headline: profile.headline, bio: profile.bio, createdAt: iso(profile.createdAt) }
      : null,
  };
}
