/** Rows → the pool's contract shapes. */
import type {
  PoolInvitationState,
  SavedList,
  TalentContact,
} from '../../../core/contracts/pool.ts';
import type { ContactRow } from './queries.ts';
import type { listSavedListItems, listSavedLists } from './list-queries.ts';

/** How long a pool invitation link stays open. */
export const POOL_INVITATION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function invitationExpiry(invitedAt: Date): Date {
  return new Date(invitedAt.getTime() + POOL_INVITATION_DAYS * DAY_MS);
}

export function invitationState(
  c: { joinedAt: Date | null; invitedAt: Date | null; inviteTokenHash: string | null },
  now: Date,
): PoolInvitationState {
  if (c.joinedAt) return 'joined';
  if (!c.invitedAt) return 'none';
  return c.inviteTokenHash && invitationExpiry(c.invitedAt) > now ? 'invited' : 'revoked';
}

/**
 * A record as its business sees it. An address that already had an account is linked at once,
 * but the professional is shown only once they follow the link (or when the record was made from
 * their profile): otherwise the pool would tell the business which addresses use Handoff.
 */
export function presentContact(
  { contact: c, professionalName, headline }: ContactRow,
  now: Date,
): TalentContact {
  const showProfessional = c.userId && professionalName !== null && (c.joinedAt || !c.invitedAt);
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    externalUrl: c.externalUrl,
    notes: c.notes,
    tags: c.tags,
    inPool: c.inPool,
    professional: showProfessional
      ? { id: c.userId!, name: professionalName, headline: headline ?? '' }
      : null,
    invitation: invitationState(c, now),
    invitedAt: c.invitedAt?.toISOString() ?? null,
    joinedAt: c.joinedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

type ListRow = Awaited<ReturnType<typeof listSavedLists>>[number];

export const presentSavedList = (
  { list, count, contains }: Pick<ListRow, 'list' | 'count'> & { contains?: boolean },
  withContains = false,
): SavedList => ({
  id: list.id,
  name: list.name,
  count,
  ...(withContains ? { contains: Boolean(contains) } : {}),
  createdAt: list.createdAt.toISOString(),
  updatedAt: list.updatedAt.toISOString(),
});

type ItemRow = Awaited<ReturnType<typeof listSavedListItems>>[number];

export const presentListItem = (r: ItemRow) => ({
  professional: { id: r.userId, name: r.name, headline: r.headline, slug: r.slug },
  rate:
    r.rateAmount !== null && r.rateCurrency
      ? { amount: r.rateAmount, currency: r.rateCurrency }
      : null,
  addedAt: r.addedAt.toISOString(),
});
