import { useQueryClient } from '@tanstack/react-query';
import { Download, Paperclip, Trash2, Upload as UploadIcon } from 'lucide-react';
import { useRef, useState } from 'react';
import type { Attachment, BusinessJob } from '../../../core/contracts/jobs.ts';
import { megabytes, oversizeReason, type Layer } from '../../../core/jobs.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { useMeta } from '../../hooks.ts';
import { uploadFile, UploadAborted, type Upload } from '../audit/upload.ts';
import {
  attachmentUrl,
  jobKeys,
  jobPath,
  patchAttachments,
  useDeleteAttachment,
} from './job-queries.ts';

const LAYER = {
  brief: {
    title: 'Public files',
    description:
      'Shown with the brief to everyone who can read it: examples, your current logo, screenshots.',
  },
  spec: {
    title: 'Confidential files',
    description:
      'Part of the full specification: only your team and, later, shortlisted professionals.',
  },
} satisfies Record<Layer, { title: string; description: string }>;

/** "PDF", "PNG", "Word document": what a content type is, in a word. */
function typeName(contentType: string): string {
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'application/zip': 'ZIP archive',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
    'text/plain': 'Text',
    'text/csv': 'CSV',
  };
  return known[contentType] ?? (contentType.split('/')[1] ?? contentType).toUpperCase();
}

/** Says why an upload failed, with what to do about it. */
function uploadFailure(error: unknown, maxBytes: number | undefined): string {
  if (error instanceof ApiError) {
    const { status, detail } = error.problem;
    if (status === 413) {
      const limit = maxBytes ? `Files can be up to ${megabytes(maxBytes)} MB.` : '';
      return `The file is too big. ${detail ?? limit} Compress it or share a smaller version.`;
    }
    if (status === 415)
      return `Handoff does not accept this kind of file; it reads the type from the content, not the name. ${detail ?? 'Use PDF, images, office documents, text or ZIP.'}`;
  }
  return errorMessage(error);
}

/** The files of one layer of a job: list, download, upload (with progress) and delete. */
export function AttachmentsCard({
  job,
  layer,
  readOnly,
  timeZone,
}: {
  job: BusinessJob;
  layer: Layer;
  readOnly: boolean;
  timeZone: string;
}) {
  const businessId = job.business.id;
  const queryClient = useQueryClient();
  const files = job.attachments.filter((a) => a.layer === layer);
  const [progress, setProgress] = useState<{ name: string; loaded: number; total: number } | null>(
    null,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const upload = useRef<Upload<Attachment> | null>(null);
  const remove = useDeleteAttachment(businessId, job.id);
  const maxBytes = useMeta().data?.maxUploadBytes;
  const inputId = `upload-${layer}`;

  async function send(file: File) {
    setFailure(null);
    // Refused here rather than after uploading it all; until the limit is known, the server decides.
    const tooBig = maxBytes === undefined ? null : oversizeReason(file, maxBytes);
    if (tooBig) {
      setFailure(tooBig);
      return;
    }
    setProgress({ name: file.name, loaded: 0, total: file.size });
    const q = new URLSearchParams({ layer, name: file.name.slice(0, 200) });
    upload.current = uploadFile<Attachment>(
      `${jobPath(businessId, job.id)}/attachments?${q.toString()}`,
      file,
      'application/octet-stream',
      (loaded, total) => setProgress({ name: file.name, loaded, total }),
    );
    try {
      const added = await upload.current.done;
      patchAttachments(queryClient, job.id, (list) => [...list, added]);
      void queryClient.invalidateQueries({ queryKey: jobKeys.list(businessId) });
    } catch (error) {
      if (!(error instanceof UploadAborted)) setFailure(uploadFailure(error, maxBytes));
    } finally {
      upload.current = null;
      setProgress(null);
    }
  }

  return (
    <Card title={LAYER[layer].title} description={LAYER[layer].description}>
      <div className="space-y-3">
        {files.length === 0 ? (
          <p className="text-sm text-slate-600">
            {readOnly
              ? 'No files.'
              : `No files yet. Upload one below${maxBytes ? `; ${megabytes(maxBytes)} MB at most` : ''}.`}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {files.map((a) => (
              <li key={a.id} className="flex items-center gap-3 py-2">
                <Paperclip size={16} aria-hidden className="shrink-0 text-slate-500" />
                <div className="min-w-0 flex-1">
                  <a
                    href={attachmentUrl(businessId, job.id, a.id)}
                    download={a.name}
                    className="flex min-w-0 items-center gap-1.5 text-sm font-medium text-brand-700 underline"
                  >
                    <span className="truncate">{a.name}</span>
                    <Download size={14} aria-hidden className="shrink-0" />
                  </a>
                  <p className="text-xs text-slate-600">
                    {typeName(a.contentType)} · {formatBytes(a.size)} · added{' '}
                    {formatDateTime(a.createdAt, timeZone)}
                  </p>
                </div>
                {!readOnly && (
                  <button
                    type="button"
                    onClick={() => setDeleting(a)}
                    className="shrink-0 rounded-md p-2 text-slate-600 hover:bg-red-50 hover:text-red-700"
                  >
                    <Trash2 size={16} aria-hidden />
                    <span className="sr-only">Delete {a.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {progress && (
          <div className="space-y-1" role="status">
            <div className="flex items-center justify-between gap-2 text-sm text-slate-700">
              <span className="min-w-0 truncate">Uploading {progress.name}…</span>
              <Button variant="ghost" onClick={() => upload.current?.abort()}>
                Cancel
              </Button>
            </div>
            <progress
              className="h-2 w-full accent-brand-700"
              max={progress.total || 1}
              value={progress.loaded}
              aria-label={`Upload of ${progress.name}`}
            />
          </div>
        )}
        {failure && <Alert>{failure}</Alert>}
        {remove.isError && <Alert>{errorMessage(remove.error)}</Alert>}
        {!readOnly && !progress && (
          <div>
            <input
              id={inputId}
              type="file"
              className="peer sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void send(file);
              }}
            />
            <label
              htmlFor={inputId}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 hover:bg-slate-50"
            >
              <UploadIcon size={16} aria-hidden /> Upload a{' '}
              {layer === 'brief' ? 'public' : 'confidential'} file
            </label>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this file?"
        confirmLabel="Delete file"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
      >
        {deleting?.name} is removed from the job
        {layer === 'brief' ? ' and from the public brief' : ''}.
      </ConfirmDialog>
    </Card>
  );
}
