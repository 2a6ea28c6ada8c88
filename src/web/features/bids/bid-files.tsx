/** A submitted bid's files: attach (one at a time), download, remove with a confirmation. */
import { Download, Paperclip } from 'lucide-react';
import { useId, useState } from 'react';
import { MAX_BID_ATTACHMENTS as MAX_BID_FILES, type Bid } from '../../../core/contracts/bids.ts';
import { errorMessage } from '../../api.ts';
import { formatBytes } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { useRemoveBidFile, useUploadBidFile } from './bid-queries.ts';

export function BidFiles({ jobId, bid }: { jobId: string; bid: Bid }) {
  const upload = useUploadBidFile(jobId, bid.id);
  const remove = useRemoveBidFile(jobId, bid.id);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const inputId = useId();
  const full = bid.attachments.length >= MAX_BID_FILES;
  return (
    <div className="mt-6">
      <Card
        title="Files"
        description={`Samples, a plan or a CV: up to ${MAX_BID_FILES} files (PDF, images, office documents, text).`}
      >
        <div className="space-y-3">
          {bid.attachments.length === 0 ? (
            <p className="text-sm text-slate-600">No files yet. Attach one below.</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {bid.attachments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-3 px-3 py-2">
                  <Paperclip size={16} aria-hidden className="text-slate-500" />
                  <span className="min-w-0 flex-1 truncate text-sm text-slate-900">
                    {a.name} <span className="text-slate-600">({formatBytes(a.size)})</span>
                  </span>
                  <a
                    href={`/api/v1/bids/${bid.id}/attachments/${a.id}`}
                    download={a.name}
                    className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
                  >
                    <Download size={14} aria-hidden /> Download
                    <span className="sr-only"> {a.name}</span>
                  </a>
                  <Button variant="ghost" onClick={() => setRemoving({ id: a.id, name: a.name })}>
                    Remove<span className="sr-only"> {a.name}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {!full && (
            <div>
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
                Attach a file
              </label>
              <input
                id={inputId}
                type="file"
                disabled={upload.isPending}
                className="mt-1 block text-sm text-slate-800"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) upload.mutate(file, { onSettled: () => (e.target.value = '') });
                }}
              />
              {upload.isPending && <p className="text-sm text-slate-600">Uploading…</p>}
            </div>
          )}
          {(upload.error ?? remove.error) && (
            <Alert>{errorMessage(upload.error ?? remove.error)}</Alert>
          )}
        </div>
      </Card>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this file?"
        confirmLabel="Remove file"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })
        }
      >
        {removing?.name} will be removed from your bid.
      </ConfirmDialog>
    </div>
  );
}
