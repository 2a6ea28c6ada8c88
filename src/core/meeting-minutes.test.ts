import { describe, expect, it } from 'vitest';
import { ACTION_ITEM_TITLE_MAX, actionItems, actionItemTitle } from './meeting-minutes.ts';

describe('actionItems', () => {
  it('reads task-list lines, ticked or not, and nothing else', () => {
    const minutes = [
      '## Decisions',
      '- We keep the blue palette',
      '- [ ] Send the   mock-ups',
      '* [x] Book the photographer',
      '1. [ ] Numbered tasks count too',
      '    - [ ] indented as code is not a task',
      '- [] not a checkbox',
    ].join('\n');
    expect(actionItems(minutes)).toEqual([
      { text: 'Send the mock-ups', done: false },
      { text: 'Book the photographer', done: true },
      { text: 'Numbered tasks count too', done: false },
    ]);
  });

  it('counts the same text once', () => {
    expect(actionItems('- [ ] Call Ana\n- [x] Call Ana\r\n- [ ] Call Bo')).toEqual([
      { text: 'Call Ana', done: false },
      { text: 'Call Bo', done: false },
    ]);
  });

  it('cuts a long item to an issue title with an ellipsis', () => {
    const title = actionItemTitle('x'.repeat(500));
    expect(title).toHaveLength(ACTION_ITEM_TITLE_MAX);
    expect(title.endsWith('…')).toBe(true);
    expect(actionItemTitle('Short')).toBe('Short');
  });
});
