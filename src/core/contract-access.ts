/**
 * Who a person is inside a contract, as a role of the permissions table. A contract has parties:
 * the business (its members, each by role), the professional, and a QA reviewer the business
 * hires to check the deliverables (the next issue fills that role; it is a party like the
 * others, not a special case). Each workspace route declares one action of the table
 * (`contract.view`, `time.track`, …); `contractCan` answers it for a party. Deny by default.
 *
 * A person who is no party gets 404 (a contract's existence does not leak); a party whose role
 * lacks the action gets 403.
 */
import { can, type Action, type BusinessRole, type Role } from './permissions.ts';

export type ContractParty =
  { kind: 'business'; role: BusinessRole } | { kind: 'professional' } | { kind: 'reviewer' };

/** The workspace's actions (rows of the permissions table); each workspace route declares one. */
export const CONTRACT_ACTIONS = [
  'contract.view',
  'contract.manage',
  'contract.amend',
  'time.read',
  'time.track',
  'time.review',
  'meetings.read',
  'meetings.manage',
  'issues.read',
  'issues.write',
  'messages.read',
  'messages.write',
  'files.read',
  'files.write',
  'reports.read',
  'reports.submit',
  'reports.comment',
] as const satisfies readonly Action[];
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** The table's role for a party. */
export function contractRole(party: ContractParty): Role {
  switch (party.kind) {
    case 'business':
      return party.role;
    case 'professional':
      return 'contractProfessional';
    case 'reviewer':
      return 'qaReviewer';
  }
}

/** Whether this party may do `action` (the permissions table). */
export function contractCan(party: ContractParty, action: ContractAction): boolean {
  return can(contractRole(party), action);
}

/** Every workspace action the party holds, so a page shows only what the person may do. */
export function contractAbilities(party: ContractParty): ContractAction[] {
  return CONTRACT_ACTIONS.filter((a) => contractCan(party, a));
}
