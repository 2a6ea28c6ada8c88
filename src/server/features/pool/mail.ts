/**
 * The words of the e-mails sent to addresses that may have no account: the pool invitation and a
 * job invitation waiting for its reader to sign up. Both go through the mail outbox in the
 * caller's transaction, so the e-mail exists if and only if the invitation does.
 */
import type { Mail } from '../../lib/mail.ts';

export function poolInvitationMail(d: {
  to: string;
  name: string;
  businessName: string;
  inviterName: string;
  url: string;
  expiresAt: Date;
}): Mail {
  return {
    to: d.to,
    subject: `${d.businessName} invited you to work with them on Handoff`,
    text: `Hello ${d.name},\n\n${d.inviterName} of ${d.businessName} would like to keep working with you through Handoff, where they post jobs and hire professionals.\n\nJoin ${d.businessName}'s professionals here (with a new account or the one you have):\n\n${d.url}\n\nThe link works until ${d.expiresAt.toISOString().slice(0, 10)} (UTC). If you did not expect this, ignore this e-mail.`,
  };
}

export function jobEmailInvitationMail(d: {
  to: string;
  jobTitle: string;
  businessName: string;
  inviterName: string;
  signUpUrl: string;
}): Mail {
  return {
    to: d.to,
    subject: `${d.businessName} invited you to a job on Handoff: ${d.jobTitle}`,
    text: `Hello,\n\n${d.inviterName} of ${d.businessName} invited you to look at a job and send a bid:\n\n${d.jobTitle}\n\nTo read the brief, sign up on Handoff with this e-mail address (${d.to}) and confirm it; the invitation waits for you in your account:\n\n${d.signUpUrl}\n\nIf you already have an account under another address, ask ${d.businessName} to invite that one.`,
  };
}
