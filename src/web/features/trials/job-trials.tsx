/**
 * `/app/businesses/$businessId/jobs/$jobId/trials`: the job's trials — a new trial for
 * shortlisted bids, and each trial with its participants' submissions side by side, scored
 * against the rubric. Without a shortlisted bid there is nothing to send: the page says so.
 */
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Trial } from '../../../core/contracts/trials.ts';
import { formatMoney } from '../../../core/money.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { MarkdownHtml } from '../profiles/markdown-html.tsx';
import { TrialCompare } from './trial-compare.tsx';
import { TrialForm } from './trial-form.tsx';
import { timeBox, useCancelTrial, useJobTrials, useTrialCandidates } from './trial-queries.ts';

function TrialCard({
  businessId,
  trial,
  timeZone,
  canManage,
  onCancel,
}: {
  businessId: string;
  trial: Trial;
  timeZone: string | undefined;
  canManage: boolean;
  onCancel: () => void;
}) {
  return (
    <Card
      title={trial.title}
      description={
        <>
          Due {formatDateTime(trial.deadline, timeZone)} · time box {timeBox(trial.timeBoxMinutes)}
          {trial.paid && <> · paid {formatMoney(trial.paid)}</>}{' '}
          {trial.cancelledAt && <Badge tone="muted">Cancelled</Badge>}
        </>
      }
      footer={
        canManage && !trial.cancelledAt ? (
          <Button variant="danger" onClick={onCancel}>
            Cancel trial
          </Button>
        ) : undefined
      }
    >
      <div className="space-y-4">
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            Instructions and rubric
          </summary>
          <div className="mt-2 space-y-2">
            <MarkdownHtml html={trial.instructionsHtml} />
            <ul className="list-disc pl-5 text-sm text-slate-700">
              {trial.rubric.map((c) => (
                <li key={c.id}>
                  {c.label} — weight {c.weight}
                </li>
              ))}
            </ul>
          </div>
        </details>
        <TrialCompare
          businessId={businessId}
          trial={trial}
          timeZone={timeZone}
          canScore={canManage}
        />
      </div>
    </Card>
  );
}

export function JobTrialsPage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/trials',
  });
  const me = useMe();
  const business = useBusiness(businessId);
  const trials = useJobTrials(businessId, jobId);
  const candidates = useTrialCandidates(businessId, jobId);
  const cancel = useCancelTrial(businessId, jobId);
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<Trial | null>(null);

  const timeZone = me.data?.user.timeZone;
  const canManage = business.data ? roleCan(business.data.myRole, 'trials.manage') : false;
  const items = trials.data?.items ?? [];
  const shortlisted = candidates.data?.items ?? [];
  const bidsPage = `/app/businesses/${businessId}/jobs/${jobId}/bids`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Trials"
        description={
          <>
            Small tasks sent to shortlisted professionals, compared and scored side by side. The
            scores feed the{' '}
            <a href={bidsPage} className="text-brand-700 underline">
              bid list
            </a>
            .
          </>
        }
        actions={
          canManage && shortlisted.length > 0 && !creating ? (
            <Button onClick={() => setCreating(true)}>New trial</Button>
          ) : undefined
        }
      />
      {creating && business.data && (
        <TrialForm
          businessId={businessId}
          jobId={jobId}
          candidates={shortlisted}
          timeZone={business.data.timeZone}
          currency={business.data.currency}
          onCreated={() => setCreating(false)}
        />
      )}
      {candidates.isPending ? (
        <Loading what="Loading shortlisted bids" />
      ) : shortlisted.length === 0 && items.length === 0 ? (
        <EmptyState
          title="No trials yet"
          action={
            <a href={bidsPage} className="text-sm font-medium text-brand-700 underline">
              Go to the bids
            </a>
          }
        >
          A trial goes to shortlisted bids: shortlist two or three first, then come back here to
          send them a small task.
        </EmptyState>
      ) : (
        <ListState
          query={trials}
          count={items.length}
          loading="Loading trials"
          empty={{
            title: 'No trials yet',
            body: canManage
              ? 'Send your shortlisted professionals a small task with “New trial”.'
              : 'The owners and managers of this business send trials.',
          }}
        >
          <div className="space-y-6">
            {items.map((trial) => (
              <TrialCard
                key={trial.id}
                businessId={businessId}
                trial={trial}
                timeZone={timeZone}
                canManage={canManage}
                onCancel={() => setCancelling(trial)}
              />
            ))}
          </div>
        </ListState>
      )}
      {cancel.isError && <Alert>{errorMessage(cancel.error)}</Alert>}
      <ConfirmDialog
        open={cancelling !== null}
        title="Cancel this trial?"
        confirmLabel="Cancel trial"
        busy={cancel.isPending}
        onCancel={() => setCancelling(null)}
        onConfirm={() =>
          cancelling && cancel.mutate(cancelling.id, { onSettled: () => setCancelling(null) })
        }
      >
        Everyone invited to “{cancelling?.title}” is told it is cancelled. Work already submitted
        stays here.
      </ConfirmDialog>
    </div>
  );
}
