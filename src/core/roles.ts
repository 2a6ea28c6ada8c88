/**
 * Roles inside a business and the team's rules. What each role may do is the permissions table
 * (`permissions.ts`); `roleCan` reads it for a business role.
 */
import { can, type BusinessAction, type BusinessRole } from './permissions.ts';

export { BUSINESS_ROLES, type BusinessAction, type BusinessRole } from './permissions.ts';

/** Whether a business role may do `action` (the permissions table; deny by default). */
export function roleCan(role: BusinessRole, action: BusinessAction): boolean {
  return can(role, action);
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
