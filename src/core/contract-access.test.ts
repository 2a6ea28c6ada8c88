import { describe, expect, it } from 'vitest';
import { CONTRACT_ACTIONS, contractAbilities, contractCan } from './contract-access.ts';
import { PERMISSIONS } from './permissions.ts';

describe('contract access', () => {
  it('names only actions the permissions table has', () => {
    for (const action of CONTRACT_ACTIONS) expect(Object.hasOwn(PERMISSIONS, action)).toBe(true);
  });

  it('lets every party view the contract', () => {
    for (const party of [
      { kind: 'business', role: 'viewer' },
      { kind: 'professional' },
      { kind: 'reviewer' },
    ] as const) {
      expect(contractCan(party, 'contract.view')).toBe(true);
    }
  });

  it('keeps time tracking to the professional and its review to owners and managers', () => {
    expect(contractCan({ kind: 'professional' }, 'time.track')).toBe(true);
    expect(contractCan({ kind: 'business', role: 'owner' }, 'time.track')).toBe(false);
    expect(contractCan({ kind: 'business', role: 'manager' }, 'time.review')).toBe(true);
    expect(contractCan({ kind: 'business', role: 'viewer' }, 'time.review')).toBe(false);
    expect(contractCan({ kind: 'professional' }, 'time.review')).toBe(false);
  });

  it('gives a QA reviewer the deliverables and never the time, meetings or messages', () => {
    const reviewer = contractAbilities({ kind: 'reviewer' });
    expect(reviewer).toEqual(
      expect.arrayContaining(['contract.view', 'issues.read', 'files.read', 'reports.read']),
    );
    for (const hidden of ['time.read', 'meetings.read', 'messages.read', 'files.write'] as const) {
      expect(reviewer).not.toContain(hidden);
    }
  });

  it('lets a viewer read everything and change nothing', () => {
    const viewer = contractAbilities({ kind: 'business', role: 'viewer' });
    expect(viewer.every((a) => a.endsWith('.read') || a === 'contract.view')).toBe(true);
  });
});
