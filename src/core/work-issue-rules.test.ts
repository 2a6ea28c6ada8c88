import { describe, expect, it } from 'vitest';
import { closedAtAfter, issuesRefusal } from './work-issue-rules.ts';

const earlier = new Date('2026-01-01T00:00:00Z');
const now = new Date('2026-02-01T00:00:00Z');

describe('closedAtAfter', () => {
  it('closes at the moment an open issue goes to done or won’t do', () => {
    expect(closedAtAfter('in_review', 'done', null, now)).toEqual(now);
    expect(closedAtAfter('open', 'wont_do', null, now)).toEqual(now);
  });

  it('keeps the first closing time between closed columns and clears it on reopening', () => {
    expect(closedAtAfter('done', 'wont_do', earlier, now)).toEqual(earlier);
    expect(closedAtAfter('done', 'in_progress', earlier, now)).toBeNull();
  });
});

describe('issuesRefusal', () => {
  it('lets a running contract’s issues change, and refuses an offer or an ended contract', () => {
    expect(issuesRefusal('active')).toBeNull();
    expect(issuesRefusal('paused')).toBeNull();
    expect(issuesRefusal('offered')).toMatch(/offer/);
    expect(issuesRefusal('completed')).toMatch(/ended/);
  });
});
