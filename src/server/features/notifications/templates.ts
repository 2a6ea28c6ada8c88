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
  // Hiring — bids (issue 11). The asker of a question is never named, not even to the business.
  'bid.submitted': {
    businessId: string;
    jobId: string;
    jobTitle: string;
    professionalName: string;
  };
  'question.asked': { businessId: string; jobId: string; jobTitle: string; question: string };
  'question.answered': { jobId: string; jobTitle: string; question: string; answer: string };
  /** Sent by better-auth on sign-up and on request; the link signs the person in. */
  'account.verification': {
    /** The account's name and address as better-auth has them, before anything is committed. */
    name: string;
    email: string;
    url: string;
  };
  'account.password-reset': { name: string; url: string };
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
