import { describe, expect, it } from 'vitest';
import { CONTRACT_ACTIONS } from './contract-access.ts';
import { BUSINESS_ROLES, can, PERMISSIONS, ROLES, rolesFor } from './permissions.ts';

describe('permissions table', () => {
  it('lets only owners manage members and invitations, not managers', () => {
    expect(can('owner', 'members.manage')).toBe(true);
    expect(can('manager', 'members.manage')).toBe(false);
    expect(can('manager', 'invitations.manage')).toBe(false);
    expect(can('viewer', 'invitations.manage')).toBe(false);
  });

  it('denies an action with no row to every role, admin and owner included', () => {
    for (const role of ROLES) {
      expect(can(role, 'money.release')).toBe(false);
      // Inherited object keys are not rows either.
      expect(can(role, 'toString')).toBe(false);
    }
    expect(rolesFor('money.release')).toEqual([]);
  });

  it('gives viewers only reading', () => {
    const viewerActions = Object.keys(PERMISSIONS).filter((a) => can('viewer', a));
    expect(viewerActions.sort()).toEqual([
      'bids.read',
      'business.read',
      'contract.view',
      'contracts.read',
      'files.read',
      'issues.read',
      'jobs.read',
      'meetings.read',
      'members.read',
      'messages.read',
      'reports.read',
      'talent.read',
      'time.read',
    ]);
  });

  it('leaves an award, which commits money, to the owner alone', () => {
    expect(rolesFor('contracts.award')).toEqual(['owner']);
  });

  it('keeps the admin actions away from every business role, and business actions from admins', () => {
    for (const action of ['mailbox.read', 'catalog.manage', 'templates.manage']) {
      expect(can('admin', action)).toBe(true);
      for (const role of BUSINESS_ROLES) expect(can(role, action)).toBe(false);
    }
    // An admin of the instance is not a member of every business.
    expect(can('admin', 'business.read')).toBe(false);
  });

  it('grants the contract roles only actions inside a contract', () => {
    for (const action of Object.keys(PERMISSIONS)) {
      if ((CONTRACT_ACTIONS as readonly string[]).includes(action)) continue;
      expect(can('contractProfessional', action)).toBe(false);
      expect(can('qaReviewer', action)).toBe(false);
    }
  });
});
