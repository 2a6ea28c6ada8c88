/**
 * The words of every notification, one entry per type: the in-app title, body and link, and
 * the e-mail's subject and text. Features pass facts (`NotificationData`); how they read is
 * decided here only, in the recipient's time zone and with their name where shown.
 */
import type { NotificationType } from '../../../core/contracts/notifications.ts';
import type { AccountMessageType } from '../../../core/notifications.ts';

/** The facts each type needs, given by the feature that raises it. */
export interface NotificationData {
  'team.invitation': {
    /** The invitation's secret: the link to accept it is the only way in. */
    token: string;
    businessName: string;
    inviterName: string;
    role: string;
    expiresAt: Date;
  };
  'job.invitation': {
    jobId: string;
    jobTitle: string;
    businessName: string;
    inviterName: string;
    /** An unverified invitee is told to confirm their address first: the brief opens only then. */
    inviteeVerified: boolean;
  };
  // Talent — network
  'listing.approved': { listingId: string; listingName: string };
  'listing.rejected': { listingId: string; listingName: string; reason: string };
  /** `businessId` is the recipient's business; the other is the one that asked or accepted. */
  'connection.requested': { businessId: string; otherBusinessName: string; personName: string };
  'connection.accepted': { businessId: string; otherBusinessName: string; personName: string };
  'recommendation.requested': {
    /** The request's secret: the link is the only way to answer it. */
    token: string;
    professionalName: string;
    message: string;
    expiresAt: Date;
  };
  // Hiring — trials
  'trial.invited': {
    trialId: string;
    trialTitle: string;
    jobTitle: string;
    businessName: string;
    deadline: Date;
    timeBoxMinutes: number;
  };
  'trial.cancelled': {
    trialId: string;
    trialTitle: string;
    jobTitle: string;
    businessName: string;
  };
  'trial.closed': {
    trialId: string;
    trialTitle: string;
    jobTitle: string;
    businessName: string;
  };
  'trial.reminder': { trialId: string; trialTitle: string; jobTitle: string; deadline: Date };
  'trial.submitted': {
    businessId: string;
    jobId: string;
    trialTitle: string;
    professionalName: string;
    late: boolean;
  };
  // Hiring — shortlist
  'bid.shortlisted': { jobId: string; jobTitle: string; ndaRequired: boolean };
  'bid.declined': { jobId: string; jobTitle: string; message: string };
  // Hiring — NDAs and the specification
  'nda.sent': { jobId: string; jobTitle: string; businessName: string };
  'nda.signed': {
    businessId: string;
    jobId: string;
    jobTitle: string;
    professionalName: string;
    signedAt: Date;
  };
  'spec.updated': { jobId: string; jobTitle: string; businessName: string; version: number };
  // Hiring — bids (issue 11). The asker of a question is never named, not even to the business.
  'bid.submitted': {
    businessId: string;
    jobId: string;
    jobTitle: string;
    professionalName: string;
  };
  'question.asked': { businessId: string; jobId: string; jobTitle: string; question: string };
  'question.answered': { jobId: string; jobTitle: string; question: string; answer: string };
  // Contract workspace — progress reports (issue 12)
  'report.due': { contractId: string; contractTitle: string; businessName: string; dueOn: string };
  /** To the business and to the professional; `forProfessional` picks the words. */
  'report.late': {
    contractId: string;
    contractTitle: string;
    professionalName: string;
    dueOn: string;
    forProfessional: boolean;
  };
  'report.submitted': {
    contractId: string;
    contractTitle: string;
    professionalName: string;
    dueOn: string;
    late: boolean;
  };
  // Contract workspace — meetings
  'meeting.soon': { contractId: string; title: string; startsAt: Date; callLink: string | null };
  // Work — time (issue 12). `weekStart` is the Monday, in the business's calendar.
  'time.week-awaiting': {
    contractId: string;
    contractTitle: string;
    professionalName: string;
    weekStart: string;
    hours: string;
  };
  'time.week-reviewed': {
    contractId: string;
    contractTitle: string;
    weekStart: string;
    decision: 'approved' | 'disputed';
    reason: string;
    entries: number;
  };
  'time.week-auto-approved': {
    contractId: string;
    contractTitle: string;
    weekStart: string;
    entries: number;
  };
  /** Sent by better-auth on sign-up and on request; the link signs the person in. */
  'account.verification': {
    /** The account's name and address as better-auth has them, before anything is committed. */
    name: string;
    email: string;
    url: string;
  };
  'account.password-reset': { name: string; url: string };
  // Hiring — interviews and award
  'interview.proposed': {
    interviewId: string;
    jobTitle: string;
    businessName: string;
    slots: Date[];
    /** New times for an interview proposed before. */
    again: boolean;
  };
  'interview.other-times': {
    businessId: string;
    jobId: string;
    jobTitle: string;
    professionalName: string;
    message: string;
  };
  /** `link` is the reader's side's page: the interview, or the job's interviews. */
  'interview.scheduled': { link: string; jobTitle: string; withName: string; startsAt: Date };
  'interview.cancelled': { link: string; jobTitle: string; withName: string; reason: string };
  'contract.offered': { contractId: string; jobTitle: string; businessName: string };
  'contract.accepted': { contractId: string; jobTitle: string; professionalName: string };
  'contract.declined': {
    contractId: string;
    jobTitle: string;
    professionalName: string;
    reason: string;
  };
  'contract.withdrawn': { contractId: string; jobTitle: string; businessName: string };
  'bid.not-selected': { jobTitle: string; businessName: string; message: string };
  'contract.state-changed': {
    contractId: string;
    title: string;
    by: string;
    state: 'paused' | 'resumed' | 'completed' | 'cancelled';
    reason: string;
  };
  'contract.amendment-proposed': {
    contractId: string;
    title: string;
    by: string;
    summary: string;
  };
  'contract.amendment-answered': {
    contractId: string;
    title: string;
    by: string;
    accepted: boolean;
    note: string;
  };
  // Work — messages (issue 12, item 5)
  'contract.message': { contractId: string; title: string; authorName: string; excerpt: string };
  // Work — contract issues (issue 12, item 4)
  'issue.assigned': { contractId: string; number: number; title: string; byName: string };
  'issue.commented': {
    contractId: string;
    number: number;
    title: string;
    byName: string;
    comment: string;
  };
}

/** Who reads it: a person with an account, or only an address (no name, no time zone). */
export type Reader = { name: string; timeZone: string } | null;

export interface Rendered {
  title: string;
  body: string | null;
  /** An app path; e-mails carry it as an absolute URL on the deployment's BASE_URL. */
  link: string | null;
  email: { subject: string; text: string };
}

/** An account message is only ever an e-mail: no title, body or link in the app. */
type AccountTemplates = {
  [T in AccountMessageType]: (data: NotificationData[T]) => Rendered['email'];
};

type Templates = {
  [T in NotificationType]: (data: NotificationData[T], reader: Reader, baseUrl: string) => Rendered;
};

/**
 * An instant as the reader would read it on their clock, e.g. "Friday 11 December 2026 at
 * 17:56 (Europe/Lisbon)". Without an account there is no time zone to use, so the text stays
 * what invitations always said: the instant in UTC.
 */
export function when(at: Date, reader: Reader): string {
  if (!reader) return at.toUTCString();
  let local: string;
  try {
    local = new Intl.DateTimeFormat('en-GB', {
      timeZone: reader.timeZone,
      dateStyle: 'full',
      timeStyle: 'short',
    }).format(at);
  } catch {
    // A zone this runtime no longer knows must not fail the change that notifies: say UTC.
    return at.toUTCString();
  }
  return `${local} (${reader.timeZone})`;
}

const greeting = (reader: Reader) => (reader ? `Hello ${reader.name},\n\n` : '');

// Hiring — interviews and award
const hiringTemplates: Pick<
  Templates,
  | 'interview.proposed'
  | 'interview.other-times'
  | 'interview.scheduled'
  | 'interview.cancelled'
  | 'contract.offered'
  | 'contract.accepted'
  | 'contract.declined'
  | 'contract.withdrawn'
  | 'bid.not-selected'
> = {
  'interview.proposed': (d, reader, baseUrl) => {
    const link = `/app/interviews/${d.interviewId}`;
    const times = d.slots.map((at) => `- ${when(at, reader)}`).join('\n');
    const what = d.again ? 'proposes new times' : 'would like to interview you';
    return {
      title: `${d.businessName} ${what}: ${d.jobTitle}`,
      body: 'Pick the time that suits you, or ask for others.',
      link,
      email: {
        subject: `${d.businessName} ${what} on Handoff`,
        text: `${greeting(reader)}${d.businessName} ${what} about your bid on “${d.jobTitle}”. The times proposed:\n\n${times}\n\nPick one, or ask for others, here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'interview.other-times': (d, reader, baseUrl) => {
    const link = `/app/businesses/${d.businessId}/jobs/${d.jobId}/interviews`;
    return {
      title: `${d.professionalName} asks for other interview times`,
      body: d.message,
      link,
      email: {
        subject: `${d.professionalName} asks for other interview times on Handoff`,
        text: `${greeting(reader)}${d.professionalName} cannot make the times proposed for “${d.jobTitle}” and writes:\n\n${d.message}\n\nPropose new times here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'interview.scheduled': (d, reader, baseUrl) => ({
    title: `Interview with ${d.withName}: ${when(d.startsAt, reader)}`,
    body: `About “${d.jobTitle}”. The calendar invitation is in your e-mail.`,
    link: d.link,
    email: {
      subject: `Interview with ${d.withName} on Handoff`,
      text: `${greeting(reader)}Your interview with ${d.withName} about “${d.jobTitle}” is at ${when(d.startsAt, reader)}.\n\n${baseUrl}${d.link}`,
    },
  }),
  'interview.cancelled': (d, reader, baseUrl) => ({
    title: `Interview with ${d.withName} cancelled`,
    body: d.reason || `About “${d.jobTitle}”.`,
    link: d.link,
    email: {
      subject: `Interview with ${d.withName} cancelled`,
      text: `${greeting(reader)}The interview with ${d.withName} about “${d.jobTitle}” is cancelled.${d.reason ? `\n\n${d.reason}` : ''}\n\n${baseUrl}${d.link}`,
    },
  }),
  'contract.offered': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}`;
    return {
      title: `${d.businessName} offers you a contract: ${d.jobTitle}`,
      body: 'Read the terms, then accept or decline.',
      link,
      email: {
        subject: `${d.businessName} offers you a contract on Handoff`,
        text: `${greeting(reader)}${d.businessName} chose your bid on “${d.jobTitle}” and offers you a contract. Read the terms and accept or decline here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'contract.accepted': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}`;
    return {
      title: `${d.professionalName} accepted the contract: ${d.jobTitle}`,
      body: 'The contract is active; the other bidders were told.',
      link,
      email: {
        subject: `${d.professionalName} accepted your offer on Handoff`,
        text: `${greeting(reader)}${d.professionalName} accepted the contract for “${d.jobTitle}”. It is active now, the job is closed and the other bidders were told.\n\n${baseUrl}${link}`,
      },
    };
  },
  'contract.declined': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}`;
    return {
      title: `${d.professionalName} declined the offer: ${d.jobTitle}`,
      body: d.reason,
      link,
      email: {
        subject: `${d.professionalName} declined your offer on Handoff`,
        text: `${greeting(reader)}${d.professionalName} declined the contract offer for “${d.jobTitle}”:\n\n${d.reason}\n\nThe job is free for another award.\n\n${baseUrl}${link}`,
      },
    };
  },
  'contract.withdrawn': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}`;
    return {
      title: `${d.businessName} withdrew its offer: ${d.jobTitle}`,
      body: 'Your bid is back in the business’s list.',
      link,
      email: {
        subject: `${d.businessName} withdrew its contract offer on Handoff`,
        text: `${greeting(reader)}${d.businessName} withdrew the contract offer for “${d.jobTitle}”. Your bid stays in its list.\n\n${baseUrl}${link}`,
      },
    };
  },
  'bid.not-selected': (d, reader, baseUrl) => {
    const link = '/app/bids';
    const note = d.message ? `\n\nTheir message:\n\n${d.message}` : '';
    return {
      title: `${d.businessName} chose another professional: ${d.jobTitle}`,
      body: d.message || 'Thank you for your bid.',
      link,
      email: {
        subject: `Your bid on “${d.jobTitle}” was not selected`,
        text: `${greeting(reader)}${d.businessName} chose another professional for “${d.jobTitle}”.${note}\n\n${baseUrl}${link}`,
      },
    };
  },
};

// Contract workspace — the contract's state and amendments
const STATE_WORDS = {
  paused: 'paused',
  resumed: 'resumed',
  completed: 'marked as completed',
  cancelled: 'cancelled',
} as const;

const workTemplates: Pick<
  Templates,
  'contract.state-changed' | 'contract.amendment-proposed' | 'contract.amendment-answered'
> = {
  'contract.state-changed': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}`;
    const what = `${d.by} ${STATE_WORDS[d.state]} the contract “${d.title}”`;
    const reason = d.reason ? `\n\nThe reason given: ${d.reason}` : '';
    return {
      title: what,
      body: d.reason,
      link,
      email: {
        subject: `${what} on Handoff`,
        text: `${greeting(reader)}${what}.${reason}\n\n${baseUrl}${link}`,
      },
    };
  },
  'contract.amendment-proposed': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}`;
    return {
      title: `${d.by} proposes a change to “${d.title}”`,
      body: d.summary,
      link,
      email: {
        subject: `${d.by} proposes a change to your contract on Handoff`,
        text: `${greeting(reader)}${d.by} proposes a change to the contract “${d.title}”:\n\n${d.summary}\n\nNothing changes until you accept it. Accept or reject it here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'contract.amendment-answered': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}`;
    const verb = d.accepted ? 'accepted' : 'rejected';
    const note = d.note ? `\n\nTheir note: ${d.note}` : '';
    return {
      title: `${d.by} ${verb} your proposed change to “${d.title}”`,
      body: d.note,
      link,
      email: {
        subject: `${d.by} ${verb} your proposed change on Handoff`,
        text: `${greeting(reader)}${d.by} ${verb} the change you proposed to the contract “${d.title}”.${note}\n\n${baseUrl}${link}`,
      },
    };
  },
};

// Contract workspace — progress reports (issue 12)
const reportTemplates: Pick<Templates, 'report.due' | 'report.late' | 'report.submitted'> = {
  'report.due': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}/reports`;
    return {
      title: `Progress report due today: ${d.contractTitle}`,
      body: `${d.businessName} asks for a report for ${d.dueOn}: what is done, what comes next, any blockers.`,
      link,
      email: {
        subject: `Progress report due today: ${d.contractTitle}`,
        text: `${greeting(reader)}${d.businessName} asks for a progress report on “${d.contractTitle}” for ${d.dueOn}: what is done, what comes next, and anything blocking you.\n\nSend it here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'report.late': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}/reports`;
    const title = d.forProfessional
      ? `Your progress report for ${d.dueOn} is late: ${d.contractTitle}`
      : `${d.professionalName}’s progress report for ${d.dueOn} has not come: ${d.contractTitle}`;
    const ask = d.forProfessional
      ? 'Send it as soon as you can; it will be marked late.'
      : 'You may want to check in with them.';
    return {
      title,
      body: ask,
      link,
      email: {
        subject: title,
        text: `${greeting(reader)}${title}.\n\n${ask}\n\n${baseUrl}${link}`,
      },
    };
  },
  'report.submitted': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}/reports`;
    const title = `${d.professionalName} sent the progress report for ${d.dueOn}${d.late ? ' (late)' : ''}: ${d.contractTitle}`;
    return {
      title,
      body: 'Read it and comment if anything needs an answer.',
      link,
      email: {
        subject: title,
        text: `${greeting(reader)}${title}.\n\nRead it here:\n\n${baseUrl}${link}`,
      },
    };
  },
};

// Work — time (issue 12)
const timeLink = (contractId: string, weekStart: string) =>
  `/app/contracts/${contractId}/time?week=${weekStart}`;
const timeTemplates: Pick<
  Templates,
  'time.week-awaiting' | 'time.week-reviewed' | 'time.week-auto-approved'
> = {
  'time.week-awaiting': (d, reader, baseUrl) => {
    const link = timeLink(d.contractId, d.weekStart);
    return {
      title: `The week of ${d.weekStart} awaits your approval: ${d.contractTitle}`,
      body: `${d.professionalName} logged ${d.hours} h. Approve or dispute within 5 days, or it is approved automatically.`,
      link,
      email: {
        subject: `Approve ${d.professionalName}’s time for the week of ${d.weekStart}`,
        text: `${greeting(reader)}${d.professionalName} logged ${d.hours} hours on “${d.contractTitle}” in the week of ${d.weekStart}. Approve the week or dispute it (saying why) within 5 days; after that it is approved automatically.\n\n${baseUrl}${link}`,
      },
    };
  },
  'time.week-reviewed': (d, reader, baseUrl) => {
    const link = timeLink(d.contractId, d.weekStart);
    const what = d.decision === 'approved' ? 'approved' : 'disputed';
    const reason = d.reason ? `\n\nTheir reason:\n\n${d.reason}` : '';
    return {
      title: `Your time for the week of ${d.weekStart} was ${what}: ${d.contractTitle}`,
      body: d.decision === 'disputed' ? d.reason : `${d.entries} entries approved.`,
      link,
      email: {
        subject: `Your time for the week of ${d.weekStart} was ${what}`,
        text: `${greeting(reader)}The business ${what} ${d.entries} entries of your time on “${d.contractTitle}” for the week of ${d.weekStart}.${reason}${d.decision === 'disputed' ? '\n\nEdit the entries to fix them; they go back for approval.' : ''}\n\n${baseUrl}${link}`,
      },
    };
  },
  'time.week-auto-approved': (d, reader, baseUrl) => {
    const link = timeLink(d.contractId, d.weekStart);
    return {
      title: `The week of ${d.weekStart} was approved automatically: ${d.contractTitle}`,
      body: `${d.entries} entries were left unreviewed for 5 days after the week ended.`,
      link,
      email: {
        subject: `Time for the week of ${d.weekStart} approved automatically`,
        text: `${greeting(reader)}${d.entries} time entries on “${d.contractTitle}” for the week of ${d.weekStart} were not reviewed within 5 days of the week’s end, so they were approved automatically.\n\n${baseUrl}${link}`,
      },
    };
  },
};

export const templates: Templates = {
  'team.invitation': (d, reader, baseUrl) => {
    const link = `/invitations/${d.token}`;
    return {
      title: `${d.businessName} invited you to its team`,
      body: `${d.inviterName} invited you as ${d.role}. The invitation works until ${when(d.expiresAt, reader)}.`,
      link,
      email: {
        subject: `${d.inviterName} invited you to ${d.businessName} on Handoff`,
        text: `${greeting(reader)}${d.inviterName} invited you to join ${d.businessName} on Handoff as ${d.role}.\n\nAccept the invitation here (the link works until ${when(d.expiresAt, reader)}):\n\n${baseUrl}${link}${reader ? '' : '\n\nIf you do not have a Handoff account yet, you can create one from that page.'}`,
      },
    };
  },
  'job.invitation': (d, reader, baseUrl) => {
    const link = `/jobs/${d.jobId}`;
    return {
      title: `${d.businessName} invited you to a job: ${d.jobTitle}`,
      body: `${d.inviterName} would like you to read the brief and send a bid.`,
      link,
      email: {
        subject: `${d.businessName} invited you to a job on Handoff: ${d.jobTitle}`,
        text: `${greeting(reader)}${d.inviterName} of ${d.businessName} invited you to look at a job and send a bid:\n\n${d.jobTitle}\n\nRead the brief here:\n\n${baseUrl}${link}${d.inviteeVerified ? '' : '\n\nFirst confirm your e-mail address with the link Handoff sent when you signed up; the brief opens once it is confirmed.'}`,
      },
    };
  },
  // Talent — network
  'listing.approved': (d, reader, baseUrl) => {
    const link = '/app/listing';
    return {
      title: `Your listing “${d.listingName}” is approved`,
      body: 'It now shows in the directory, marked as a business.',
      link,
      email: {
        subject: `Your Handoff listing “${d.listingName}” is approved`,
        text: `${greeting(reader)}An admin approved your business listing “${d.listingName}”. It now shows in the directory, marked as a business.\n\nSee it here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'listing.rejected': (d, reader, baseUrl) => {
    const link = '/app/listing';
    return {
      title: `Your listing “${d.listingName}” was not approved`,
      body: `Reason: ${d.reason}`,
      link,
      email: {
        subject: `Your Handoff listing “${d.listingName}” was not approved`,
        text: `${greeting(reader)}An admin did not approve your business listing “${d.listingName}”.\n\nThe reason:\n\n${d.reason}\n\nEdit it and save it to send it for review again:\n\n${baseUrl}${link}`,
      },
    };
  },
  'connection.requested': (d, reader, baseUrl) => {
    const link = `/app/businesses/${d.businessId}/colleagues`;
    return {
      title: `${d.otherBusinessName} asks to connect as trusted colleagues`,
      body: `${d.personName} asked. Colleagues see each other’s recommendations of professionals.`,
      link,
      email: {
        subject: `${d.otherBusinessName} asks to connect with you on Handoff`,
        text: `${greeting(reader)}${d.personName} of ${d.otherBusinessName} asks your business to connect as trusted colleagues on Handoff. Colleagues see each other’s recommendations of professionals.\n\nAccept or decline here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'connection.accepted': (d, reader, baseUrl) => {
    const link = `/app/businesses/${d.businessId}/colleagues`;
    return {
      title: `${d.otherBusinessName} is now a trusted colleague`,
      body: `${d.personName} accepted your request to connect.`,
      link,
      email: {
        subject: `${d.otherBusinessName} accepted your request to connect on Handoff`,
        text: `${greeting(reader)}${d.personName} of ${d.otherBusinessName} accepted your request: your businesses now see each other’s recommendations of professionals.\n\n${baseUrl}${link}`,
      },
    };
  },
  'recommendation.requested': (d, reader, baseUrl) => {
    const link = `/recommend/${d.token}`;
    const message = d.message ? `\n\nTheir message:\n\n${d.message}` : '';
    return {
      title: `${d.professionalName} asks you for a recommendation`,
      body: d.message || null,
      link,
      email: {
        subject: `${d.professionalName} asks you for a recommendation on Handoff`,
        text: `${greeting(reader)}${d.professionalName} worked with you and asks you to recommend them on Handoff.${message}\n\nWrite a few words here (the link works once, until ${when(d.expiresAt, reader)}):\n\n${baseUrl}${link}\n\nIf you do not have a Handoff account yet, you can create one from that page.`,
      },
    };
  },
  // Hiring — trials
  'trial.invited': (d, reader, baseUrl) => {
    const link = `/app/trials/${d.trialId}`;
    const hours = Math.round((d.timeBoxMinutes / 60) * 10) / 10;
    return {
      title: `${d.businessName} invites you to a trial: ${d.trialTitle}`,
      body: `For “${d.jobTitle}”. About ${hours} h of work, due ${when(d.deadline, reader)}. Accept or decline it.`,
      link,
      email: {
        subject: `${d.businessName} invites you to a trial for “${d.jobTitle}”`,
        text: `${greeting(reader)}${d.businessName} shortlisted your bid for “${d.jobTitle}” and asks you to do a small trial task: ${d.trialTitle}.\n\nIt should take about ${hours} h and is due ${when(d.deadline, reader)}.\n\nRead the instructions, then accept or decline:\n\n${baseUrl}${link}`,
      },
    };
  },
  'trial.cancelled': (d, reader, baseUrl) => {
    const link = `/app/trials/${d.trialId}`;
    return {
      title: `${d.businessName} cancelled the trial “${d.trialTitle}”`,
      body: `For “${d.jobTitle}”. Nothing more is needed from you for it.`,
      link,
      email: {
        subject: `Trial cancelled: ${d.trialTitle}`,
        text: `${greeting(reader)}${d.businessName} cancelled the trial “${d.trialTitle}” for “${d.jobTitle}”. Nothing more is needed from you for it; your bid stands.\n\n${baseUrl}${link}`,
      },
    };
  },
  'trial.closed': (d, reader, baseUrl) => {
    const link = `/app/trials/${d.trialId}`;
    return {
      title: `The trial “${d.trialTitle}” is closed`,
      body: `${d.businessName} gave “${d.jobTitle}” to another professional. Nothing more is needed from you for it.`,
      link,
      email: {
        subject: `Trial closed: ${d.trialTitle}`,
        text: `${greeting(reader)}${d.businessName} gave “${d.jobTitle}” to another professional, so the trial “${d.trialTitle}” is closed. Nothing more is needed from you for it.\n\n${baseUrl}${link}`,
      },
    };
  },
  'trial.reminder': (d, reader, baseUrl) => {
    const link = `/app/trials/${d.trialId}`;
    return {
      title: `Trial due ${when(d.deadline, reader)}: ${d.trialTitle}`,
      body: `You accepted it for “${d.jobTitle}” and have not submitted yet.`,
      link,
      email: {
        subject: `Reminder: the trial “${d.trialTitle}” is due soon`,
        text: `${greeting(reader)}The trial “${d.trialTitle}” for “${d.jobTitle}” is due ${when(d.deadline, reader)}, and you have not submitted yet. A submission after the deadline is still accepted, marked late.\n\nSubmit here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'trial.submitted': (d, reader, baseUrl) => {
    const link = `/app/businesses/${d.businessId}/jobs/${d.jobId}/trials`;
    const late = d.late ? ' (late)' : '';
    return {
      title: `${d.professionalName} submitted the trial “${d.trialTitle}”${late}`,
      body: 'Compare it with the others and score it against the rubric.',
      link,
      email: {
        subject: `${d.professionalName} submitted the trial “${d.trialTitle}”${late}`,
        text: `${greeting(reader)}${d.professionalName} submitted their work for the trial “${d.trialTitle}”${late}.\n\nCompare and score the submissions here:\n\n${baseUrl}${link}`,
      },
    };
  },
  // Hiring — shortlist. The links go to the professional's own bids (the bids feature's hub).
  'bid.shortlisted': (d, reader, baseUrl) => {
    const link = d.ndaRequired ? `/app/jobs/${d.jobId}/nda` : `/app/jobs/${d.jobId}/spec`;
    const next = d.ndaRequired
      ? 'The business asks you to sign its NDA; the full specification opens once you have.'
      : 'You can now read the full specification.';
    return {
      title: `Your bid on “${d.jobTitle}” was shortlisted`,
      body: next,
      link,
      email: {
        subject: `Shortlisted: your bid on “${d.jobTitle}”`,
        text: `${greeting(reader)}Your bid on “${d.jobTitle}” is on the business's shortlist. ${next}\n\n${baseUrl}${link}`,
      },
    };
  },
  'bid.declined': (d, reader, baseUrl) => {
    const link = '/app/bids';
    return {
      title: `Your bid on “${d.jobTitle}” was declined`,
      body: d.message,
      link,
      email: {
        subject: `Your bid on “${d.jobTitle}” was declined`,
        text: `${greeting(reader)}The business declined your bid on “${d.jobTitle}”. Their message:\n\n${d.message}\n\nYour bids:\n\n${baseUrl}${link}`,
      },
    };
  },
  ...hiringTemplates,
  ...reportTemplates,
  // Work — messages (issue 12, item 5)
  'contract.message': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}/messages`;
    return {
      title: `${d.authorName} wrote on “${d.title}”`,
      body: d.excerpt,
      link,
      email: {
        subject: `New message from ${d.authorName} on Handoff`,
        text: `${greeting(reader)}${d.authorName} wrote on the contract “${d.title}”:\n\n${d.excerpt}\n\nRead and answer it here (further messages are not e-mailed until you have read this one):\n\n${baseUrl}${link}`,
      },
    };
  },
  // Hiring — NDAs and the specification
  'nda.sent': (d, reader, baseUrl) => {
    const link = `/app/jobs/${d.jobId}/nda`;
    return {
      title: `${d.businessName} asks you to sign an NDA`,
      body: `You are shortlisted for “${d.jobTitle}”. Sign the NDA to read the full specification.`,
      link,
      email: {
        subject: `Sign the NDA for “${d.jobTitle}” on Handoff`,
        text: `${greeting(reader)}${d.businessName} shortlisted you for “${d.jobTitle}”. Before you can read the full specification, they ask you to sign a non-disclosure agreement.\n\nRead and sign it here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'nda.signed': (d, reader, baseUrl) => {
    const link = `/app/businesses/${d.businessId}/jobs/${d.jobId}/ndas`;
    return {
      title: `${d.professionalName} signed the NDA for “${d.jobTitle}”`,
      body: `Signed ${when(d.signedAt, reader)}. They can now read the full specification.`,
      link,
      email: {
        subject: `${d.professionalName} signed the NDA for “${d.jobTitle}”`,
        text: `${greeting(reader)}${d.professionalName} signed the NDA for “${d.jobTitle}” (${when(d.signedAt, reader)}). They can now read the full specification.\n\nThe signed NDA, as a PDF, is here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'spec.updated': (d, reader, baseUrl) => {
    const link = `/app/jobs/${d.jobId}/spec`;
    return {
      title: `The specification of “${d.jobTitle}” changed`,
      body: `${d.businessName} published version ${d.version}. Read what changed and acknowledge it.`,
      link,
      email: {
        subject: `“${d.jobTitle}”: version ${d.version} of the specification`,
        text: `${greeting(reader)}${d.businessName} published version ${d.version} of the specification of “${d.jobTitle}”, a job you are shortlisted for.\n\nRead what changed and acknowledge it here:\n\n${baseUrl}${link}`,
      },
    };
  },
  // Hiring — bids (issue 11)
  'bid.submitted': (d, reader, baseUrl) => {
    const link = `/app/businesses/${d.businessId}/jobs/${d.jobId}/bids`;
    return {
      title: `New bid on ${d.jobTitle}`,
      body: `${d.professionalName} sent a bid.`,
      link,
      email: {
        subject: `New bid on ${d.jobTitle}`,
        text: `${greeting(reader)}${d.professionalName} sent a bid on ${d.jobTitle}.\n\nSee the bids here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'question.asked': (d, reader, baseUrl) => {
    const link = `/app/businesses/${d.businessId}/jobs/${d.jobId}/questions`;
    return {
      title: `A question on ${d.jobTitle}`,
      body: d.question,
      link,
      email: {
        subject: `A professional asked a question on ${d.jobTitle}`,
        text: `${greeting(reader)}A professional asked a question on ${d.jobTitle}:\n\n${d.question}\n\nYour answer is shown on the job to every professional who can read it (the asker is not named). Answer it here:\n\n${baseUrl}${link}`,
      },
    };
  },
  'question.answered': (d, reader, baseUrl) => {
    const link = `/jobs/${d.jobId}`;
    return {
      title: `Your question on ${d.jobTitle} was answered`,
      body: d.answer,
      link,
      email: {
        subject: `Your question on ${d.jobTitle} was answered`,
        text: `${greeting(reader)}The business answered your question on ${d.jobTitle}.\n\nYou asked:\n\n${d.question}\n\nThe answer:\n\n${d.answer}\n\nThe job:\n\n${baseUrl}${link}`,
      },
    };
  },
  ...workTemplates,
  // Work — contract issues (issue 12, item 4)
  'issue.assigned': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}/issues/${d.number}`;
    return {
      title: `${d.byName} assigned #${d.number} to you: ${d.title}`,
      body: null,
      link,
      email: {
        subject: `#${d.number} is assigned to you: ${d.title}`,
        text: `${greeting(reader)}${d.byName} assigned issue #${d.number} “${d.title}” to you.\n\n${baseUrl}${link}`,
      },
    };
  },
  'issue.commented': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}/issues/${d.number}`;
    return {
      title: `${d.byName} commented on #${d.number}: ${d.title}`,
      body: d.comment,
      link,
      email: {
        subject: `New comment on #${d.number}: ${d.title}`,
        text: `${greeting(reader)}${d.byName} commented on issue #${d.number} “${d.title}”:\n\n${d.comment}\n\n${baseUrl}${link}`,
      },
    };
  },
  // Contract workspace — meetings
  'meeting.soon': (d, reader, baseUrl) => {
    const link = `/app/contracts/${d.contractId}/meetings`;
    const call = d.callLink ? `\n\nJoin the call: ${d.callLink}` : '';
    return {
      title: `Meeting soon: ${d.title}`,
      body: `Starts ${when(d.startsAt, reader)}.`,
      link,
      email: {
        subject: `Starting soon: ${d.title}`,
        text: `${greeting(reader)}The meeting “${d.title}” starts ${when(d.startsAt, reader)}.${call}\n\n${baseUrl}${link}`,
      },
    };
  },
  ...timeTemplates,
};

export const accountTemplates: AccountTemplates = {
  // The subjects are what people (and the e2e journeys) look for in a mailbox: keep them.
  'account.verification': (d) => ({
    subject: 'Confirm your e-mail address for Handoff',
    text: `Hello ${d.name},\n\nPlease confirm that ${d.email} is your address by opening this link:\n\n${d.url}\n\nThanks,\nHandoff`,
  }),
  'account.password-reset': (d) => ({
    subject: 'Reset your Handoff password',
    text: `Hello ${d.name},\n\nSomeone (hopefully you) asked to reset the password of your Handoff account. Open this link within an hour to choose a new one:\n\n${d.url}\n\nIf it was not you, ignore this message; your password stays as it is.`,
  }),
};
