/**
 * The rules of notifications that need no I/O: what each type is called on the preferences
 * page, where a person hears of it unless they chose otherwise, and what a channel means.
 * The server's templates (the words of each message) live in `features/notifications`.
 */
import type { NotificationChannel, NotificationType } from './contracts/notifications.ts';

export interface NotificationTypeInfo {
  label: string;
  description: string;
  /** The channel of someone who never changed this type's preference. */
  defaultChannel: NotificationChannel;
}

export const NOTIFICATION_TYPE_INFO: Record<NotificationType, NotificationTypeInfo> = {
  // Both invitations default to e-mail: an invitation is often the first time someone hears
  // of a business or job, and before notifications existed it was always e-mailed.
  'team.invitation': {
    label: 'Team invitations',
    description: 'A business invites you to join its team.',
    defaultChannel: 'email',
  },
  'job.invitation': {
    label: 'Job invitations',
    description: 'A business invites you to read a job brief and send a bid.',
    defaultChannel: 'email',
  },
  // Talent — network. A listing's review and a colleague's request wait on someone's answer
  // or next step, so they are e-mailed; an accepted request needs nothing more, so in the app.
  'listing.approved': {
    label: 'Listing approved',
    description: 'An admin approved your business listing; it now shows in the directory.',
    defaultChannel: 'email',
  },
  'listing.rejected': {
    label: 'Listing rejected',
    description: 'An admin rejected your business listing, with the reason.',
    defaultChannel: 'email',
  },
  'connection.requested': {
    label: 'Colleague requests',
    description: 'Another business asks your business to connect as trusted colleagues.',
    defaultChannel: 'email',
  },
  'connection.accepted': {
    label: 'Colleague requests accepted',
    description: 'A business accepted your business’s request to connect.',
    defaultChannel: 'in_app',
  },
  // Only ever sent to an address (the client a professional asks), so only e-mailed.
  'recommendation.requested': {
    label: 'Recommendation requests',
    description: 'A professional asks you to recommend them.',
    defaultChannel: 'email',
  },
  // Hiring — bids (issue 11). A new bid or question is news for the business, read in the app;
  // an answer to a professional's own question may decide their bid, so it is e-mailed.
  'bid.submitted': {
    label: 'New bids',
    description: 'A professional sent a bid on one of your business’s jobs.',
    defaultChannel: 'in_app',
  },
  'question.asked': {
    label: 'Questions on jobs',
    description: 'A professional asked a question on one of your business’s jobs.',
    defaultChannel: 'in_app',
  },
  'question.answered': {
    label: 'Answers to your questions',
    description: 'A business answered a question you asked on its job.',
    defaultChannel: 'email',
  },
};

/**
 * Account messages: what a person needs to get into their own account. They go through
 * `notify` like every other message, but they are always e-mailed, never shown in the app
 * (someone who cannot sign in cannot read them there) and never a preference: turning them off
 * would lock people out. Hence a list of their own, apart from {@link NOTIFICATION_TYPE_INFO}.
 */
export const ACCOUNT_MESSAGE_TYPES = ['account.verification', 'account.password-reset'] as const;
export type AccountMessageType = (typeof ACCOUNT_MESSAGE_TYPES)[number];
/** Everything `notify` sends: the preference-driven types and the account messages. */
export type MessageType = NotificationType | AccountMessageType;

export function isAccountMessageType(type: MessageType): type is AccountMessageType {
  return (ACCOUNT_MESSAGE_TYPES as readonly string[]).includes(type);
}

/** What to write for one person: an in-app notification, an e-mail, both or neither. */
export interface Deliveries {
  inApp: boolean;
  email: boolean;
}

/**
 * Where a message goes. A person with an account follows their channel; an address with no
 * account yet can only be reached by e-mail, so it always gets one (it has no preferences).
 * An account message is e-mailed to everyone, whatever they chose, and never written in-app.
 */
export function deliveriesFor(
  channel: NotificationChannel | 'address-only' | 'account',
): Deliveries {
  switch (channel) {
    case 'in_app':
      return { inApp: true, email: false };
    case 'email':
      return { inApp: true, email: true };
    case 'off':
      return { inApp: false, email: false };
    case 'address-only':
    case 'account':
      return { inApp: false, email: true };
    default:
      return channel satisfies never;
  }
}
