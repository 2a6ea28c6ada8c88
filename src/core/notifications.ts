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
  // Hiring — trials. What asks a professional to act by a deadline is e-mailed; a submission
  // is news for the business that waits in the app until someone scores it.
  'trial.invited': {
    label: 'Trial invitations',
    description:
      'A business asks you to do a small paid or unpaid trial task for a job you bid on.',
    defaultChannel: 'email',
  },
  'trial.cancelled': {
    label: 'Trials cancelled',
    description: 'A business cancelled a trial you were invited to.',
    defaultChannel: 'email',
  },
  'trial.closed': {
    label: 'Trials closed',
    description: 'A trial you were doing is closed because the job went to someone else.',
    defaultChannel: 'email',
  },
  'trial.reminder': {
    label: 'Trial deadline reminders',
    description: 'A trial you accepted is due soon and you have not submitted yet.',
    defaultChannel: 'email',
  },
  'trial.submitted': {
    label: 'Trial submissions',
    description: 'A professional submitted their work for one of your trials.',
    defaultChannel: 'in_app',
  },
  // Hiring — shortlist. Both are decisions on the professional's bid, so they are e-mailed.
  'bid.shortlisted': {
    label: 'Bid shortlisted',
    description: 'A business put your bid on its shortlist for a job.',
    defaultChannel: 'email',
  },
  'bid.declined': {
    label: 'Bid declined',
    description: 'A business declined your bid, with its message.',
    defaultChannel: 'email',
  },
  // Hiring — interviews and award. A booked, moved or cancelled interview always comes by
  // e-mail with its calendar invitation (a calendar needs it, whatever the preference), so
  // those two default to the app only and nobody gets the same news twice.
  'interview.proposed': {
    label: 'Interview times proposed',
    description: 'A business proposes times for an interview about your bid.',
    defaultChannel: 'email',
  },
  'interview.other-times': {
    label: 'Other interview times asked',
    description: 'A professional asks for other times than those proposed.',
    defaultChannel: 'email',
  },
  'interview.scheduled': {
    label: 'Interviews booked or moved',
    description: 'An interview is booked or moved (the calendar invitation is always e-mailed).',
    defaultChannel: 'in_app',
  },
  'interview.cancelled': {
    label: 'Interviews cancelled',
    description: 'An interview is cancelled (the calendar update is always e-mailed).',
    defaultChannel: 'in_app',
  },
  'contract.offered': {
    label: 'Contract offers',
    description: 'A business offers you a contract for your bid.',
    defaultChannel: 'email',
  },
  'contract.accepted': {
    label: 'Offers accepted',
    description: 'A professional accepts your business’s contract offer.',
    defaultChannel: 'email',
  },
  'contract.declined': {
    label: 'Offers declined',
    description: 'A professional declines your business’s contract offer, with the reason.',
    defaultChannel: 'email',
  },
  'contract.withdrawn': {
    label: 'Offers withdrawn',
    description: 'A business withdraws the contract offer it made you.',
    defaultChannel: 'email',
  },
  // Contract workspace: a pause, a resumption or an end changes what the other side may do, and
  // an amendment waits on their answer, so these are e-mailed; an answer is only news.
  'contract.state-changed': {
    label: 'Contracts paused, resumed or ended',
    description: 'A contract you are on is paused, resumed, completed or cancelled.',
    defaultChannel: 'email',
  },
  'contract.amendment-proposed': {
    label: 'Proposed changes to a contract',
    description: 'The other side proposes new terms or a change order, and waits for your answer.',
    defaultChannel: 'email',
  },
  'contract.amendment-answered': {
    label: 'Answers to proposed changes',
    description: 'The other side accepts or rejects the change you proposed.',
    defaultChannel: 'in_app',
  },
  'bid.not-selected': {
    label: 'Bids not selected',
    description: 'A job you bid on went to someone else.',
    defaultChannel: 'email',
  },
  // Hiring — NDAs. An NDA waits on the professional's signature before they can read the
  // specification, so it is e-mailed; the business only needs to know it was signed.
  'nda.sent': {
    label: 'NDAs to sign',
    description:
      'A business shortlisted you and asks you to sign an NDA before reading the specification.',
    defaultChannel: 'email',
  },
  'nda.signed': {
    label: 'NDAs signed',
    description: 'A shortlisted professional signed your job’s NDA.',
    defaultChannel: 'in_app',
  },
  'spec.updated': {
    label: 'Specification changes',
    description:
      'A job you are shortlisted for has a new version of its specification to acknowledge.',
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
  // Contract workspace — progress reports. A due or late report asks someone to act, so it is
  // e-mailed; a report that came is news that waits in the app.
  'report.due': {
    label: 'Progress reports due',
    description: 'A progress report on one of your contracts is due today.',
    defaultChannel: 'email',
  },
  'report.late': {
    label: 'Progress reports late',
    description: 'A progress report did not come by its due day.',
    defaultChannel: 'email',
  },
  'report.submitted': {
    label: 'Progress reports sent',
    description: 'The professional on one of your contracts sent a progress report.',
    defaultChannel: 'in_app',
  },
  // Work — messages (issue 12, item 5). One per burst: the first message someone has not read
  // yet, not every line of a conversation.
  'contract.message': {
    label: 'Contract messages',
    description: 'The other side of a contract writes to you (once until you read it).',
    defaultChannel: 'email',
  },
  // Work — contract issues (issue 12, item 4). Day-to-day work news, read in the app.
  'issue.assigned': {
    label: 'Issues assigned to you',
    description: 'Someone on a contract assigns one of its issues to you.',
    defaultChannel: 'in_app',
  },
  'issue.commented': {
    label: 'Comments on issues',
    description: 'Someone comments on a contract issue you opened, are assigned or commented on.',
    defaultChannel: 'in_app',
  },
  // Contract workspace — meetings: a reminder a few minutes ahead is only useful where you are.
  'meeting.soon': {
    label: 'Meetings about to start',
    description: 'A meeting you are invited to on a contract starts in 15 minutes.',
    defaultChannel: 'in_app',
  },
  // Work — time (issue 12). A week to review asks the business to act, so e-mailed; the
  // outcome is news the professional reads in the app.
  'time.week-awaiting': {
    label: 'Timesheets to approve',
    description: 'A week of a professional’s time ended and awaits your approval.',
    defaultChannel: 'email',
  },
  'time.week-reviewed': {
    label: 'Timesheet approved or disputed',
    description: 'The business approved or disputed a week of your time.',
    defaultChannel: 'in_app',
  },
  'time.week-auto-approved': {
    label: 'Timesheets approved automatically',
    description: 'A week left unreviewed for 5 days after it ended was approved automatically.',
    defaultChannel: 'in_app',
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
