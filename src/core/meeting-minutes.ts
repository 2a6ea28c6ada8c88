/**
 * Action items in a meeting's minutes: Markdown task-list lines (`- [ ] Send the mock-ups`,
 * `* [x] …`). Each can become one of the contract's issues; its text is the title, and
 * the text is also how the item is recognised again (a second click finds the issue made by the
 * first), so the same text twice in one set of minutes is one item.
 */

/** Longest issue title an action item gives (a longer line is cut, with an ellipsis). */
export const ACTION_ITEM_TITLE_MAX = 200;

export interface ActionItem {
  /** The item's text as written (whitespace collapsed). */
  text: string;
  /** Ticked in the minutes (`[x]`). */
  done: boolean;
}

const TASK_LINE = /^\s{0,3}(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.+)$/;

/** The action items of `minutes`, in order, each distinct text once. */
export function actionItems(minutes: string): ActionItem[] {
  const seen = new Set<string>();
  const items: ActionItem[] = [];
  for (const line of minutes.split(/\r?\n/)) {
    const m = TASK_LINE.exec(line);
    if (!m) continue;
    const text = (m[2] ?? '').replace(/\s+/g, ' ').trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    items.push({ text, done: m[1] !== ' ' });
  }
  return items;
}

/** The issue title an action item gives. */
export function actionItemTitle(text: string): string {
  return text.length <= ACTION_ITEM_TITLE_MAX
    ? text
    : `${text.slice(0, ACTION_ITEM_TITLE_MAX - 1)}…`;
}
