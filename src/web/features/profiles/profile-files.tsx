/** The photo and portfolio files: upload with progress, preview, remove with confirmation. */
import { useQueryClient } from '@tanstack/react-query';
import { FileText, Trash2, Upload } from 'lucide-react';
import { useState } from 'react';
import type { MyProfile, ProfileFile } from '../../../core/contracts/profiles.ts';
import { errorMessage } from '../../api.ts';
import { formatBytes } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { UploadAborted } from '../audit/upload.ts';
import { profileKeys, uploadProfileFile, useDeleteProfileFile } from './profile-queries.ts';

function useUpload(path: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function send(file: File) {
    setError(null);
    setProgress(0);
    try {
      await uploadProfileFile(path, file, setProgress).done;
      await queryClient.invalidateQueries({ queryKey: profileKeys.mine });
    } catch (e) {
      if (!(e instanceof UploadAborted)) setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  }
  return { send, progress, error };
}

function FileInput({
  id,
  label,
  accept,
  onFile,
  busy,
}: {
  id: string;
  label: string;
  accept?: string;
  onFile: (f: File) => void;
  busy: boolean;
}) {
  return (
    <div>
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 focus-within:ring-2 focus-within:ring-brand-700 hover:bg-slate-50"
      >
        <Upload size={16} aria-hidden /> {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        className="sr-only"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}

function RemoveFile({ file, what }: { file: ProfileFile; what: string }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteProfileFile();
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
        <Trash2 size={16} aria-hidden /> Remove <span className="sr-only">{what}</span>
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Remove ${what}?`}
        confirmLabel="Remove"
        busy={remove.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => remove.mutate(file.id, { onSettled: () => setAsking(false) })}
      >
        It is deleted at once and cannot be brought back.
      </ConfirmDialog>
    </>
  );
}

export function PhotoField({ saved }: { saved: MyProfile }) {
  const upload = useUpload('/me/profile/photo');
  const photo = saved.photo;
  return (
    <div className="flex flex-wrap items-center gap-4">
      {photo ? (
        <img
          src={photo.thumbnailUrl ?? photo.url}
          alt="Your photo"
          className="h-20 w-20 rounded-full object-cover ring-1 ring-slate-200"
        />
      ) : (
        <div className="flex h-20 w-20 items-center justify-center rounded-full bg-slate-100 text-xs text-slate-600">
          No photo
        </div>
      )}
      <div className="space-y-2">
        <FileInput
          id="profile-photo"
          label={photo ? 'Change photo' : 'Upload a photo'}
          accept="image/png,image/jpeg,image/gif,image/webp"
          busy={upload.progress !== null}
          onFile={(f) => void upload.send(f)}
        />
        {upload.progress !== null && (
          <p role="status" className="text-xs text-slate-600">
            Uploading… {upload.progress} %
          </p>
        )}
        {photo && <RemoveFile file={photo} what="your photo" />}
        <p className="text-xs text-slate-600">
          PNG, JPEG, GIF or WebP. Location and camera data are removed.
        </p>
      </div>
      {upload.error && <Alert>{upload.error}</Alert>}
    </div>
  );
}

export function FileUploader({ item }: { item: MyProfile['portfolio'][number] }) {
  const upload = useUpload(`/me/profile/portfolio/${item.id}/files`);
  return (
    <div className="space-y-2">
      {item.files.length > 0 && (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {item.files.map((f) => (
            <li key={f.id} className="space-y-1">
              {f.thumbnailUrl ? (
                <a href={f.url} target="_blank" rel="noreferrer">
                  <img
                    src={f.thumbnailUrl}
                    alt={f.name}
                    className="aspect-video w-full rounded-md object-cover ring-1 ring-slate-200"
                  />
                </a>
              ) : (
                <a
                  href={f.url}
                  className="flex items-center gap-2 text-sm text-brand-700 underline"
                >
                  <FileText size={16} aria-hidden /> {f.name} ({formatBytes(f.size)})
                </a>
              )}
              <RemoveFile file={f} what={f.name} />
            </li>
          ))}
        </ul>
      )}
      <FileInput
        id={`portfolio-upload-${item.id}`}
        label="Add an image or file"
        busy={upload.progress !== null}
        onFile={(f) => void upload.send(f)}
      />
      {upload.progress !== null && (
        <p role="status" className="text-xs text-slate-600">
          Uploading… {upload.progress} %
        </p>
      )}
      {upload.error && <Alert>{upload.error}</Alert>}
    </div>
  );
}
