/**
 * The hiring loop's vocabularies: bids, trials (proofs of concept), interviews and contracts.
 * Pure and zod-free so the schema, the contracts and the web app's public pages share them.
 */

/**
 * A bid's life. `submitted` bids may be edited; `shortlisted` ones are frozen for comparison;
 * `declined` is the business's no; `withdrawn` the professional's; `awarded` became a contract
 * offer; `not_selected` is every other live bid once a contract is accepted.
 */
export const BID_STATUSES = [
  'submitted',
  'shortlisted',
  'declined',
  'withdrawn',
  'awarded',
  'not_selected',
] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

/** A bid's terms: a fixed total (with milestones), or an hourly rate with estimated hours. */
export const TERMS_TYPES = ['fixed', 'hourly'] as const;
export type TermsType = (typeof TERMS_TYPES)[number];

/**
 * A shortlisted professional's part in a trial; `closed`: still open when the job's contract
 * went to someone else (nothing more is asked of them).
 */
export const TRIAL_PARTICIPANT_STATUSES = [
  'invited',
  'accepted',
  'declined',
  'submitted',
  'closed',
] as const;
export type TrialParticipantStatus = (typeof TRIAL_PARTICIPANT_STATUSES)[number];

/** The time box a trial gets unless the business says otherwise. */
export const DEFAULT_TRIAL_MINUTES = 120;

/**
 * An interview: slots `proposed` by the business; the professional picks one (`scheduled`) or
 * asks for others (`other_times_requested`); either side may cancel; notes and a score end it.
 */
export const INTERVIEW_STATUSES = [
  'proposed',
  'other_times_requested',
  'scheduled',
  'cancelled',
  'completed',
] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const MAX_INTERVIEW_SLOTS = 5;

/**
 * A contract's life: offered → active (accepted) or declined (or withdrawn by the business
 * before an answer); active ⇄ paused; ended as completed or cancelled.
 */
export const CONTRACT_STATUSES = [
  'offered',
  'declined',
  'withdrawn',
  'active',
  'paused',
  'completed',
  'cancelled',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The shortlist's cap unless the owner sets another (2–5). */
export const DEFAULT_SHORTLIST_CAP = 3;
export const SHORTLIST_CAP_RANGE = { min: 2, max: 5 } as const;
