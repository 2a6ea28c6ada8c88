/**
 * Who may do what, as data: each action lists the roles allowed to do it, and anything not
 * listed — a role missing from a row, or an action with no row at all — is refused. A new
 * action (a money release, say) is therefore closed to everyone until a row opens it.
 *
 * Pure, shared by the server's policies, the role-matrix tests (which read their expected
 * answers from this table) and the web app (which hides what a role cannot do; the server still
 * enforces it).
 */

/** Roles inside a business. */
export const BUSINESS_ROLES = ['owner', 'manager', 'viewer'] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];

/**
 * Every role a permission can name. Besides a business's members: the professional hired on a
 * contract, a QA reviewer hired to check that contract's work, and an admin of this Handoff.
 * The contract roles hold only the workspace's actions (see the `contract.view` row).
 */
export const ROLES = [...BUSINESS_ROLES, 'contractProfessional', 'qaReviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const members = ['owner', 'manager', 'viewer'] as const;
const writers = ['owner', 'manager'] as const;

/** The table. Keep rows grouped by who holds them; a row's comment says why when it is not obvious. */
export const PERMISSIONS = {
  'business.read': members,
  'business.update': writers,
  'members.read': members,
  // Only owners decide who is on the team: a manager could otherwise promote themselves.
  'members.manage': ['owner'],
  'invitations.manage': ['owner'],
  /** The operations audit: the owner's own time and what it costs — not for viewers. */
  'audit.manage': writers,
  /** Jobs: every member reads both layers; owners and managers write, publish and invite. */
  'jobs.read': members,
  'jobs.manage': writers,
  /**
   * Talent, seen from a business: the directory as this business, its private pool, saved
   * lists, its private notes and tags on professionals, and its colleagues' recommendations.
   */
  'talent.read': members,
  /** Adding people met elsewhere, inviting them, notes and tags, lists, job invitations by e-mail. */
  'talent.manage': writers,
  /** Trusted colleagues (business to business) and recommending professionals to them. */
  'connections.manage': writers,
  'recommendations.manage': writers,
  /**
   * Hiring, seen from the business: every member reads the bids on its jobs, the comparison,
   * trials, interviews and contracts; owners and managers shortlist, decline, answer questions,
   * keep NDA templates, run trials and interviews.
   */
  'bids.read': members,
  'bids.manage': writers,
  'ndas.manage': writers,
  'trials.manage': writers,
  'interviews.manage': writers,
  'contracts.read': members,
  /** An award commits the business's money: the owner's decision alone. */
  'contracts.award': ['owner'],
  /**
   * Inside a contract (the workspace, issue 12). The parties are the business's members by role,
   * the contract's professional (`contractProfessional`) and a hired QA reviewer (`qaReviewer`);
   * `core/contract-access.ts` maps a party to its role, and each workspace route declares one of
   * these actions. Owners and managers run the contract; viewers read it. The professional
   * tracks time, reports, and works the issues, meetings, messages and files. A reviewer reads
   * what they check (terms and criteria, issues, delivered files, reports) and comments on
   * issues, never the time, the meetings or the messages.
   */
  'contract.view': [...members, 'contractProfessional', 'qaReviewer'],
  /** Pause, resume, end; the report cadence. */
  'contract.manage': writers,
  /** Propose an amendment or change order, or answer the other side's. */
  'contract.amend': [...writers, 'contractProfessional'],
  'time.read': [...members, 'contractProfessional'],
  'time.track': ['contractProfessional'],
  'time.review': writers,
  'meetings.read': [...members, 'contractProfessional'],
  'meetings.manage': [...writers, 'contractProfessional'],
  'issues.read': [...members, 'contractProfessional', 'qaReviewer'],
  'issues.write': [...writers, 'contractProfessional', 'qaReviewer'],
  'messages.read': [...members, 'contractProfessional'],
  'messages.write': [...writers, 'contractProfessional'],
  'files.read': [...members, 'contractProfessional', 'qaReviewer'],
  'files.write': [...writers, 'contractProfessional'],
  'reports.read': [...members, 'contractProfessional', 'qaReviewer'],
  'reports.submit': ['contractProfessional'],
  'reports.comment': [...writers, 'contractProfessional'],
  /** The dev mailbox: every message Handoff sent, links included. */
  'mailbox.read': ['admin'],
  /** Work categories with market rates, and exchange rates. */
  'catalog.manage': ['admin'],
  /** Agencies' business listings wait for an admin's approval before the directory shows them. */
  'listings.review': ['admin'],
  /** Hiding a professional's profile for moderation (and editing it on their behalf). */
  'profiles.moderate': ['admin'],
  /** The job templates offered when a business starts a job. */
  'templates.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** The actions a business role can hold (those whose row names a business role). */
export type BusinessAction = {
  [A in Action]: Extract<(typeof PERMISSIONS)[A][number], BusinessRole> extends never ? never : A;
}[Action];

/** The roles allowed to do `action`; none for an action the table does not list. */
export function rolesFor(action: string): readonly Role[] {
  return Object.hasOwn(PERMISSIONS, action) ? PERMISSIONS[action as Action] : [];
}

/** Whether `role` may do `action`. Deny by default: an action with no row is allowed to nobody. */
export function can(role: Role, action: string): boolean {
  return rolesFor(action).includes(role);
}
