/**
 * `/app/contracts/$contractId/issues`: the contract's issue tracker, as a board (columns by
 * status) or a list with filters and sorting, and the form that opens an issue.
 */
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { z } from 'zod';
import type { Contract } from '../../../core/contracts/offers.ts';
import {
  CreateWorkIssueSchema,
  WORK_ISSUE_SORTS,
  type WorkIssueListQuery,
} from '../../../core/contracts/work-issues.ts';
import { WORK_ISSUE_PRIORITIES, WORK_ISSUE_STATUSES } from '../../../core/work.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { useApiForm } from '../../use-api-form.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { Table, Td, Th } from '../../ui/table.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';
import { IssueBoard } from './issue-board.tsx';
import { PRIORITY_LABEL, PRIORITY_TONE, STATUS_LABEL } from './issue-labels.ts';
import { useCreateIssue, useIssueBoard, useIssueList } from './issue-queries.ts';

export function IssuesPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/issues' });
  return (
    <ContractFrame contractId={contractId} tab="issues">
      {(contract) => <IssuesWorkspace contract={contract} />}
    </ContractFrame>
  );
}

type View = 'board' | 'list';

function IssuesWorkspace({ contract }: { contract: Contract }) {
  const canWrite = contract.viewer.abilities.includes('issues.write');
  const [view, setView] = useState<View>('board');
  const [creating, setCreating] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="View" className="flex gap-1">
          {(['board', 'list'] as const).map((v) => (
            <Button
              key={v}
              variant={view === v ? 'primary' : 'secondary'}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {v === 'board' ? 'Board' : 'List'}
            </Button>
          ))}
        </div>
        {canWrite && !creating && (
          <Button className="ml-auto" onClick={() => setCreating(true)}>
            New issue
          </Button>
        )}
      </div>
      {creating && <NewIssueForm contractId={contract.id} onDone={() => setCreating(false)} />}
      {view === 'board' ? (
        <BoardView
          contractId={contract.id}
          canWrite={canWrite}
          onCreate={() => setCreating(true)}
        />
      ) : (
        <ListView contractId={contract.id} />
      )}
    </div>
  );
}

function BoardView({
  contractId,
  canWrite,
  onCreate,
}: {
  contractId: string;
  canWrite: boolean;
  onCreate: () => void;
}) {
  const issues = useIssueBoard(contractId);
  if (issues.isPending) return <Loading what="Loading the issues" />;
  if (issues.isError) return <Alert>{errorMessage(issues.error)}</Alert>;
  if (issues.data.items.length === 0) {
    return (
      <EmptyState
        title="No issues yet"
        action={
          canWrite && (
            <Button variant="secondary" onClick={onCreate}>
              Open the first issue
            </Button>
          )
        }
      >
        {canWrite
          ? 'Track the contract’s work here: open an issue for each task or problem.'
          : 'Issues the business or the professional open will show here.'}
      </EmptyState>
    );
  }
  return <IssueBoard contractId={contractId} items={issues.data.items} canMove={canWrite} />;
}

const SORT_LABEL: Record<(typeof WORK_ISSUE_SORTS)[number], string> = {
  board: 'Board order',
  number: 'Newest first',
  updated: 'Recently updated',
  priority: 'Priority',
};

function ListView({ contractId }: { contractId: string }) {
  const me = useMe();
  const [query, setQuery] = useState<WorkIssueListQuery>({});
  const issues = useIssueList(contractId, query);
  const firstPage = issues.data?.pages[0];
  const items = issues.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof WorkIssueListQuery, value: string) =>
    setQuery((q) => ({ ...q, [key]: value === '' ? undefined : value }));
  const timeZone = me.data?.user.timeZone;
  return (
    <div className="space-y-3">
      <form
        role="search"
        aria-label="Filter issues"
        className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          label="Search"
          type="search"
          placeholder="Words or #12"
          value={query.q ?? ''}
          onChange={(e) => set('q', e.target.value)}
        />
        <SelectField
          label="Status"
          value={query.status ?? ''}
          onChange={(e) => set('status', e.target.value)}
          options={[
            { value: '', label: 'Any status' },
            ...WORK_ISSUE_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
          ]}
        />
        <SelectField
          label="Priority"
          value={query.priority ?? ''}
          onChange={(e) => set('priority', e.target.value)}
          options={[
            { value: '', label: 'Any priority' },
            ...WORK_ISSUE_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] })),
          ]}
        />
        <SelectField
          label="Label"
          value={query.label ?? ''}
          onChange={(e) => set('label', e.target.value)}
          options={[
            { value: '', label: 'Any label' },
            ...(firstPage?.labels ?? []).map((l) => ({ value: l, label: l })),
          ]}
        />
        <SelectField
          label="Assignee"
          value={query.assignee ?? ''}
          onChange={(e) => set('assignee', e.target.value)}
          options={[
            { value: '', label: 'Anyone' },
            { value: 'none', label: 'Nobody' },
            ...(firstPage?.people ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          label="Sort"
          value={query.sort ?? 'board'}
          onChange={(e) => set('sort', e.target.value)}
          options={WORK_ISSUE_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }))}
        />
      </form>
      <ListState
        query={issues}
        count={items.length}
        loading="Loading the issues"
        empty={{
          title: 'No issues match',
          body: 'Change or clear the filters to see more issues.',
        }}
      >
        <Table caption="The contract’s issues" minWidth="40rem">
          <thead>
            <tr>
              <Th>Issue</Th>
              <Th>Status</Th>
              <Th>Priority</Th>
              <Th>Assignee</Th>
              <Th>Updated</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((issue) => (
              <tr key={issue.id}>
                <Td>
                  <Link
                    to="/app/contracts/$contractId/issues/$number"
                    params={{ contractId, number: String(issue.number) }}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    #{issue.number} {issue.title}
                  </Link>
                  {issue.labels.length > 0 && (
                    <span className="ml-2 inline-flex gap-1">
                      {issue.labels.map((l) => (
                        <Badge key={l} tone="outline">
                          {l}
                        </Badge>
                      ))}
                    </span>
                  )}
                </Td>
                <Td>{STATUS_LABEL[issue.status]}</Td>
                <Td>
                  <Badge tone={PRIORITY_TONE[issue.priority]}>
                    {PRIORITY_LABEL[issue.priority]}
                  </Badge>
                </Td>
                <Td>{issue.assignee?.name ?? 'Nobody'}</Td>
                <Td>{formatDateTime(issue.updatedAt, timeZone)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ListState>
    </div>
  );
}

/** The form's own shape: labels typed as one comma-separated line, no assignee as ''. */
const NewIssueFormSchema = z.object({
  title: CreateWorkIssueSchema.shape.title,
  description: z.string().max(20_000),
  priority: z.enum(WORK_ISSUE_PRIORITIES),
  assigneeId: z.string(),
  labels: z.string().max(500),
});

function NewIssueForm({ contractId, onDone }: { contractId: string; onDone: () => void }) {
  const create = useCreateIssue(contractId);
  const people = useIssueBoard(contractId).data?.people ?? [];
  const form = useApiForm(NewIssueFormSchema, {
    defaultValues: { title: '', description: '', priority: 'medium', assigneeId: '', labels: '' },
  });
  const errors = form.formState.errors;
  return (
    <Card title="New issue">
      <form
        noValidate
        className="space-y-3"
        onSubmit={form.submitWith(async (v) => {
          await create.mutateAsync({
            title: v.title,
            description: v.description,
            priority: v.priority,
            assigneeId: v.assigneeId || null,
            labels: v.labels
              .split(',')
              .map((l) => l.trim())
              .filter(Boolean),
          });
          onDone();
        })}
      >
        <TextField label="Title" {...form.register('title')} error={errors.title?.message} />
        <TextAreaField
          label="Description"
          hint="Markdown. Write #12 to link to issue 12."
          rows={5}
          {...form.register('description')}
          error={errors.description?.message}
        />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Priority"
            {...form.register('priority')}
            options={WORK_ISSUE_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
          />
          <SelectField
            label="Assignee"
            {...form.register('assigneeId')}
            error={errors.assigneeId?.message}
            options={[
              { value: '', label: 'Nobody yet' },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <TextField
            label="Labels"
            hint="Separated by commas"
            {...form.register('labels')}
            error={errors.labels?.message}
          />
        </div>
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="flex gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Open issue
          </Button>
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
