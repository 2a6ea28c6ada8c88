/**
 * A job's lifecycle and the small rules around it. Pure, shared by the server (which enforces
 * them) and the web app (which only offers what is allowed).
 */
import { convert, type RatesPerUsd } from './money.ts';

export const JOB_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const VISIBILITIES = ['public', 'invite-only'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const PRIORITIES = ['must', 'should', 'could'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const BUDGET_TYPES = ['fixed', 'hourly'] as const;
export type BudgetType = (typeof BUDGET_TYPES)[number];

/** Brief attachments are public with the brief; spec attachments are as confidential as the spec. */
export const SPEC_LAYERS = ['brief', 'spec'] as const;
export type Layer = (typeof SPEC_LAYERS)[number];

export const MAX_SCREENING_QUESTIONS = 5;

/** The longest job title: what the board's cards and a shared link's preview show whole. */
export const MAX_TITLE = 120;

/** The checker score from which a job counts as well specified (the editor's "ready" mark). */
export const PASSING_SCORE = 80;

export type JobAction = 'publish' | 'close' | 'reopen' | 'archive';

/**
 * The status a job moves to, or null when the action does not apply:
 * draft → open (publish); open → closed (close); closed → open (reopen);
 * any but archived → archived; archived → open if it was ever published, else back to draft.
 */
export function nextStatus(
  status: JobStatus,
  action: JobAction,
  wasPublished: boolean,
): JobStatus | null {
  switch (action) {
    case 'publish':
      return status === 'draft' ? 'open' : null;
    case 'close':
      return status === 'open' ? 'closed' : null;
    case 'reopen':
      if (status === 'closed') return 'open';
      if (status === 'archived') return wasPublished ? 'open' : 'draft';
      return null;
    case 'archive':
      return status === 'archived' ? null : 'archived';
    default:
      return action satisfies never;
  }
}

/** Actions a job in this status offers, in the order a menu shows them. */
export function availableActions(status: JobStatus, wasPublished: boolean): JobAction[] {
  const all: JobAction[] = ['publish', 'close', 'reopen', 'archive'];
  return all.filter((a) => nextStatus(status, a, wasPublished) !== null);
}

/**
 * A skill's key: lower case, words joined by dashes ("Adobe Illustrator" → "adobe-illustrator";
 * dots stay, for "Node.js"). Empty when the name has no letter or digit ("...", "—"): such a
 * name is no skill.
 */
export function skillSlug(name: string): string {
  const dashed = name
    // Latin accents go ("Café" → "cafe"); other scripts stay whole: professionals are anywhere.
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^\p{L}\p{M}\p{N}.]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // By code point, so a character outside the BMP is never cut in half.
  const slug = Array.from(dashed).slice(0, 40).join('').replace(/-+$/, '');
  return /[\p{L}\p{N}]/u.test(slug) ? slug : '';
}

/**
 * The budget's upper end (else its lower end) in US cents, for the board's budget filter and
 * sort across currencies. Approximate by nature (today's admin-kept rates); null when unknown.
 */
export function budgetInUsdCents(
  budget: { currency: string; min: number | null; max: number | null } | null,
  rates: RatesPerUsd,
): number | null {
  const amount = budget?.max ?? budget?.min ?? null;
  if (!budget || amount === null) return null;
  return convert({ amount, currency: budget.currency }, 'USD', rates)?.amount ?? null;
}

/** A size in whole or tenths of megabytes, counted as MAX_UPLOAD_MB counts them (1 MB = 1024² bytes). */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/**
 * Why a file is too big to attach, naming the limit, or null when it fits. The web app asks
 * before it sends a byte, so nobody waits for a long upload to be refused; the server's 413
 * stays the real guard.
 */
export function oversizeReason(file: { name: string; size: number }, maxBytes: number) {
  if (file.size <= maxBytes) return null;
  return `“${file.name}” is larger than ${megabytes(maxBytes)} MB, the most a file can be. Compress it or share a smaller version.`;
}

/** The board's "posted within" choices, in days. */
export const POSTED_WITHIN = { '1d': 1, '3d': 3, '7d': 7, '30d': 30 } as const;
