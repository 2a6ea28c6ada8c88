import { describe, expect, it } from 'vitest';
import { leavesNoOwner, roleCan } from './roles.ts';

describe('roleCan', () => {
  it('lets only owners manage members and invitations', () => {
    expect(roleCan('owner', 'members.manage')).toBe(true);
    expect(roleCan('manager', 'members.manage')).toBe(false);
    expect(roleCan('viewer', 'invitations.manage')).toBe(false);
  });
  it('lets owners and managers change the business but not viewers', () => {
    expect(roleCan('owner', 'business.update')).toBe(true);
    expect(roleCan('manager', 'business.update')).toBe(true);
    expect(roleCan('viewer', 'business.update')).toBe(false);
  });
  it('lets every role read the business and its team', () => {
    for (const role of ['owner', 'manager', 'viewer'] as const) {
      expect(roleCan(role, 'business.read')).toBe(true);
      expect(roleCan(role, 'members.read')).toBe(true);
    }
  });
});

describe('roleCan audit', () => {
  it('lets owners and managers run the operations audit, not viewers', () => {
    expect(roleCan('owner', 'audit.manage')).toBe(true);
    expect(roleCan('manager', 'audit.manage')).toBe(true);
    expect(roleCan('viewer', 'audit.manage')).toBe(false);
  });
});

describe('leavesNoOwner', () => {
  it('refuses removing or demoting the only owner', () => {
    expect(leavesNoOwner(1, 'owner', null)).toBe(true);
    expect(leavesNoOwner(1, 'owner', 'manager')).toBe(true);
  });
  it('allows it when another owner remains, or the target is not an owner', () => {
    expect(leavesNoOwner(2, 'owner', null)).toBe(false);
    expect(leavesNoOwner(1, 'manager', null)).toBe(false);
    expect(leavesNoOwner(1, 'owner', 'owner')).toBe(false);
  });
});
