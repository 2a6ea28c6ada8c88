/**
 * The issues as a board: one column per status, cards in `position` order. A card moves by
 * dragging it (onto another card to go before it, or onto a column's free space to go last),
 * or from the keyboard: focus its handle and use the arrow keys (left/right: column, up/down:
 * place). Each move is announced in a live region and the handle keeps the focus.
 */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { WorkIssue } from '../../../core/contracts/work-issues.ts';
import { WORK_ISSUE_STATUSES, type WorkIssueStatus } from '../../../core/work.ts';
import { errorMessage } from '../../api.ts';
import { Badge } from '../../ui/badge.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { PRIORITY_LABEL, PRIORITY_TONE, STATUS_LABEL } from './issue-labels.ts';
import { useMoveIssue } from './issue-queries.ts';

type Columns = Record<WorkIssueStatus, WorkIssue[]>;

function columnsOf(items: WorkIssue[]): Columns {
  const columns = Object.fromEntries(WORK_ISSUE_STATUSES.map((s) => [s, []])) as unknown as Columns;
  for (const issue of items) columns[issue.status].push(issue);
  for (const s of WORK_ISSUE_STATUSES) columns[s].sort((a, b) => a.position - b.position);
  return columns;
}

export function IssueBoard({
  contractId,
  items,
  canMove,
}: {
  contractId: string;
  items: WorkIssue[];
  canMove: boolean;
}) {
  const columns = columnsOf(items);
  const move = useMoveIssue(contractId);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [focusAfter, setFocusAfter] = useState<number | null>(null);
  const board = useRef<HTMLDivElement>(null);

  // After a keyboard move the card is rendered in its new place: give its handle the focus back.
  useEffect(() => {
    if (focusAfter === null) return;
    board.current?.querySelector<HTMLButtonElement>(`[data-handle="${focusAfter}"]`)?.focus();
  }, [focusAfter, items]);

  /** Sends the move: `index` counts the target column's cards other than this one. */
  async function place(issue: WorkIssue, status: WorkIssueStatus, index: number) {
    const total = columns[status].filter((i) => i.id !== issue.id).length + 1;
    try {
      await move.mutateAsync({ number: issue.number, status, index });
      setAnnouncement(
        `#${issue.number} moved to ${STATUS_LABEL[status]}, position ${Math.min(index, total - 1) + 1} of ${total}.`,
      );
    } catch (error) {
      setAnnouncement(`#${issue.number} was not moved: ${errorMessage(error)}`);
    }
  }

  function onKey(event: KeyboardEvent, issue: WorkIssue) {
    const col = WORK_ISSUE_STATUSES.indexOf(issue.status);
    const here = columns[issue.status].findIndex((i) => i.id === issue.id);
    let target: [WorkIssueStatus, number] | null = null;
    switch (event.key) {
      case 'ArrowLeft':
        if (col > 0) target = [WORK_ISSUE_STATUSES[col - 1]!, Number.MAX_SAFE_INTEGER];
        break;
      case 'ArrowRight':
        if (col < WORK_ISSUE_STATUSES.length - 1)
          target = [WORK_ISSUE_STATUSES[col + 1]!, Number.MAX_SAFE_INTEGER];
        break;
      case 'ArrowUp':
        if (here > 0) target = [issue.status, here - 1];
        break;
      case 'ArrowDown':
        if (here < columns[issue.status].length - 1) target = [issue.status, here + 1];
        break;
      default:
        return;
    }
    event.preventDefault();
    if (!target) {
      setAnnouncement(`#${issue.number} cannot move further that way.`);
      return;
    }
    const [status, index] = target;
    const others = columns[status].filter((i) => i.id !== issue.id).length;
    setFocusAfter(issue.number);
    void place(issue, status, Math.min(index, others));
  }

  function onDrop(event: DragEvent, status: WorkIssueStatus, before: WorkIssue | null) {
    event.preventDefault();
    event.stopPropagation();
    const number = Number(event.dataTransfer.getData('text/plain') || dragging);
    setDragging(null);
    const issue = items.find((i) => i.number === number);
    if (!issue || issue.id === before?.id) return;
    const others = columns[status].filter((i) => i.id !== issue.id);
    const index = before ? others.findIndex((i) => i.id === before.id) : others.length;
    void place(issue, status, index < 0 ? others.length : index);
  }

  // Any drag over the board may drop: the drop itself checks that it carries one of its cards.
  const allowDrop = (event: DragEvent) => {
    if (canMove) event.preventDefault();
  };

  return (
    <div ref={board}>
      {canMove && (
        <p id="board-help" className="mb-3 text-sm text-slate-600">
          Drag a card to move it, or focus its ⠿ handle and use the arrow keys: left and right
          change its column, up and down its place.
        </p>
      )}
      {move.isError && <Alert>{errorMessage(move.error)}</Alert>}
      <div aria-live="polite" className="sr-only" data-testid="board-announcer">
        {announcement}
      </div>
      <div className="flex gap-3 overflow-x-auto pb-2 lg:grid lg:grid-cols-5 lg:overflow-visible">
        {WORK_ISSUE_STATUSES.map((status) => (
          <section
            key={status}
            aria-labelledby={`col-${status}`}
            data-column={status}
            className="flex min-h-40 w-64 shrink-0 flex-col rounded-lg bg-slate-100 p-2 lg:w-auto"
            onDragOver={allowDrop}
            onDrop={(e) => onDrop(e, status, null)}
          >
            <h2 id={`col-${status}`} className="mb-2 px-1 text-sm font-semibold text-slate-800">
              {STATUS_LABEL[status]}{' '}
              <span className="font-normal text-slate-600">({columns[status].length})</span>
            </h2>
            {columns[status].length === 0 ? (
              <p className="px-1 text-sm text-slate-600">
                {canMove ? 'Nothing here. Drop a card to move it here.' : 'Nothing here.'}
              </p>
            ) : (
              <ol className="flex flex-1 flex-col gap-2">
                {columns[status].map((issue) => (
                  <li
                    key={issue.id}
                    data-card={issue.number}
                    draggable={canMove}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/plain', String(issue.number));
                      e.dataTransfer.effectAllowed = 'move';
                      setDragging(issue.number);
                    }}
                    onDragEnd={() => setDragging(null)}
                    onDragOver={allowDrop}
                    onDrop={(e) => onDrop(e, status, issue)}
                    className={`rounded-md bg-white p-2 shadow-sm ring-1 ring-slate-200 ${dragging === issue.number ? 'opacity-50' : ''}`}
                  >
                    <div className="flex items-start gap-2">
                      {canMove && (
                        <button
                          type="button"
                          data-handle={issue.number}
                          aria-describedby="board-help"
                          aria-label={`Move #${issue.number} ${issue.title}, in ${STATUS_LABEL[status]}`}
                          onKeyDown={(e) => onKey(e, issue)}
                          className="cursor-grab rounded px-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
                        >
                          ⠿
                        </button>
                      )}
                      <div className="min-w-0 flex-1">
                        <Link
                          to="/app/contracts/$contractId/issues/$number"
                          params={{ contractId, number: String(issue.number) }}
                          className="text-sm font-medium text-slate-900 hover:underline"
                        >
                          <span className="text-slate-600">#{issue.number}</span> {issue.title}
                        </Link>
                        <div className="mt-1 flex flex-wrap items-center gap-1 text-xs">
                          <Badge tone={PRIORITY_TONE[issue.priority]}>
                            {PRIORITY_LABEL[issue.priority]}
                          </Badge>
                          {issue.labels.map((l) => (
                            <Badge key={l} tone="outline">
                              {l}
                            </Badge>
                          ))}
                          {issue.assignee && (
                            <span className="text-slate-600">{issue.assignee.name}</span>
                          )}
                        </div>
                      </div>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
