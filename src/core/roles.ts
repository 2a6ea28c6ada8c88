/**
 * Roles inside a business and what each may do. Pure, shared by the server's policies
 * and the web app (which hides what a role cannot do; the server still enforces it).
 */
export const BUSINESS_ROLES = ['owner', 'manager', 'viewer'] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];

export type BusinessAction =
  | 'business.read'
  | 'business.update'
  | 'members.read'
  | 'members.manage'
  | 'invitations.manage'
  /** The operations audit: the owner's own time and what it costs — not for viewers. */
  | 'audit.manage'
  /** Jobs: every member reads both layers; owners and managers write, publish and invite. */
  | 'jobs.read'
  | 'jobs.manage';

export function roleCan(role: BusinessRole, action: BusinessAction): boolean {
  switch (role) {
    case 'owner':
      return true;
    case 'manager':
      return action !== 'members.manage' && action !== 'invitations.manage';
    case 'viewer':
      return action === 'business.read' || action === 'members.read' || action === 'jobs.read';
    default:
      return role satisfies never;
  }
}

/**
 * Whether a change to the team would leave the business without an owner.
 * `owners` is the current count of owners; `target` is the member being changed.
 */
export function leavesNoOwner(
  owners: number,
  targetRole: BusinessRole,
  newRole: BusinessRole | null,
): boolean {
  return targetRole === 'owner' && newRole !== 'owner' && owners <= 1;
}
