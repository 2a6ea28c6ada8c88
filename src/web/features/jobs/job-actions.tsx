import { Archive, Lock, RotateCcw, Send, SlidersHorizontal, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { BusinessJob } from '../../../core/contracts/jobs.ts';
import { availableActions, type JobAction } from '../../../core/jobs.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { useDeleteJob, useJobTransition } from './job-queries.ts';

type Confirmable = 'close' | 'archive' | 'delete';

const CONFIRM: Record<Confirmable, { title: string; label: string; body: string }> = {
  close: {
    title: 'Close this job?',
    label: 'Close job',
    body: 'It stops taking bids and leaves the job board. The bids already in stay, and you can reopen it.',
  },
  archive: {
    title: 'Archive this job?',
    label: 'Archive',
    body: 'It leaves the job board and your active lists. You can bring it back later.',
  },
  delete: {
    title: 'Delete this draft?',
    label: 'Delete draft',
    body: 'The draft, its attachments and its invitations are removed for good. This cannot be undone.',
  },
};

/**
 * What can be done to the job now, from `availableActions`: publish (a dialog with settings),
 * close, reopen, archive, and delete for a draft that was never published.
 */
export function JobActions({
  job,
  onPublish,
  onSettings,
  onDeleted,
}: {
  job: BusinessJob;
  onPublish: () => void;
  onSettings: () => void;
  onDeleted: () => void;
}) {
  const wasPublished = job.publishedAt !== null;
  const actions = availableActions(job.status, wasPublished);
  const transition = useJobTransition(job.business.id, job.id);
  const remove = useDeleteJob(job.business.id, job.id);
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const canDelete = job.status === 'draft' && !wasPublished;
  const failure = transition.error ?? remove.error;

  function run(action: Exclude<JobAction, 'publish'>) {
    transition.mutate(action, { onSettled: () => setConfirming(null) });
  }

  const reopenLabel = job.status === 'archived' && !wasPublished ? 'Back to drafts' : 'Reopen';

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2 sm:justify-end">
        {actions.includes('publish') && (
          <Button onClick={onPublish}>
            <Send size={16} aria-hidden /> Publish…
          </Button>
        )}
        {wasPublished && job.status !== 'archived' && (
          <Button variant="secondary" onClick={onSettings}>
            <SlidersHorizontal size={16} aria-hidden /> Visibility & flags
          </Button>
        )}
        {actions.includes('reopen') && (
          <Button
            variant="secondary"
            busy={transition.isPending && transition.variables === 'reopen'}
            onClick={() => run('reopen')}
          >
            <RotateCcw size={16} aria-hidden /> {reopenLabel}
          </Button>
        )}
        {actions.includes('close') && (
          <Button variant="secondary" onClick={() => setConfirming('close')}>
            <Lock size={16} aria-hidden /> Close
          </Button>
        )}
        {actions.includes('archive') && (
          <Button variant="secondary" onClick={() => setConfirming('archive')}>
            <Archive size={16} aria-hidden /> Archive
          </Button>
        )}
        {canDelete && (
          <Button variant="danger" onClick={() => setConfirming('delete')}>
            <Trash2 size={16} aria-hidden /> Delete
          </Button>
        )}
      </div>
      {failure && <Alert>{errorMessage(failure)}</Alert>}
      {(['close', 'archive', 'delete'] as const).map((c) => (
        <ConfirmDialog
          key={c}
          open={confirming === c}
          title={CONFIRM[c].title}
          confirmLabel={CONFIRM[c].label}
          busy={c === 'delete' ? remove.isPending : transition.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            c === 'delete'
              ? remove.mutate(undefined, {
                  onSuccess: onDeleted,
                  onSettled: () => setConfirming(null),
                })
              : run(c)
          }
        >
          {CONFIRM[c].body}
        </ConfirmDialog>
      ))}
    </div>
  );
}
