import { useParams } from '@tanstack/react-router';
import { Copy, Download, FileText } from 'lucide-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  MAX_FILE_NOTE_LENGTH,
  type ContractFile,
  type FileVersion,
} from '../../../core/contracts/contract-files.ts';
import type { Contract } from '../../../core/contracts/offers.ts';
import { errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';
import {
  useContractFiles,
  useDeleteContractFile,
  useUploadContractFile,
  versionUrl,
} from './file-queries.ts';

/** `/app/contracts/$contractId/files`: the contract's files, every version kept. */
export function FilesPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/files' });
  return (
    <ContractFrame contractId={contractId} tab="files">
      {(contract) => <Files contract={contract} />}
    </ContractFrame>
  );
}

const OPEN = ['offered', 'active', 'paused'];

function Files({ contract }: { contract: Contract }) {
  const files = useContractFiles(contract.id);
  const remove = useDeleteContractFile(contract.id);
  const [deleting, setDeleting] = useState<ContractFile | null>(null);
  const canWrite =
    contract.viewer.abilities.includes('files.write') && OPEN.includes(contract.status);

  return (
    <div className="space-y-6">
      {canWrite && <UploadForm contractId={contract.id} />}
      {files.isPending ? (
        <Loading what="Loading the files" />
      ) : files.isError ? (
        <Alert>{errorMessage(files.error)}</Alert>
      ) : files.data.items.length === 0 ? (
        <EmptyState title="No files yet">
          {canWrite
            ? 'Upload the brief, designs or deliverables above. Uploading the same name again adds a new version; earlier ones are kept.'
            : 'Files the business and the professional share will show here, with every version.'}
        </EmptyState>
      ) : (
        <ul aria-label="Files" className="space-y-4">
          {files.data.items.map((f) => (
            <FileItem
              key={f.id}
              contractId={contract.id}
              file={f}
              onDelete={canWrite && f.deletable ? () => setDeleting(f) : undefined}
            />
          ))}
        </ul>
      )}
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this file?"
        confirmLabel="Delete file"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })
        }
      >
        {deleting?.name} will be deleted for both sides. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}

function UploadForm({ contractId }: { contractId: string }) {
  const upload = useUploadContractFile(contractId);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setError('Choose a file to upload.');
      return;
    }
    setError(undefined);
    upload.mutate(
      { file, note },
      {
        onSuccess: () => {
          setFile(null);
          setNote('');
          if (input.current) input.current.value = '';
        },
      },
    );
  }

  return (
    <Card
      title="Upload a file"
      description="A file with the same name as one below (in any case) becomes its next version."
    >
      <form onSubmit={submit} className="space-y-3">
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
            File
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            className="mt-1 block text-sm text-slate-800"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {error && (
            <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
        <TextField
          label="Note (optional)"
          hint="What changed in this version."
          maxLength={MAX_FILE_NOTE_LENGTH}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {upload.error && <Alert>{errorMessage(upload.error)}</Alert>}
        <Button type="submit" busy={upload.isPending}>
          Upload
        </Button>
      </form>
    </Card>
  );
}

function FileItem({
  contractId,
  file,
  onDelete,
}: {
  contractId: string;
  file: ContractFile;
  onDelete?: () => void;
}) {
  const timeZone = useMe().data?.user.timeZone;
  const headingId = useId();
  return (
    <li aria-labelledby={headingId} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        <FileText size={18} aria-hidden className="text-slate-500" />
        <h2 id={headingId} className="min-w-0 flex-1 truncate font-medium text-slate-900">
          {file.name}
        </h2>
        <span className="text-sm text-slate-600">
          {file.latestVersion === 1 ? 'Version 1' : `Version ${file.latestVersion} (latest)`}
        </span>
        {onDelete && (
          <Button variant="danger" onClick={onDelete}>
            Delete<span className="sr-only"> {file.name}</span>
          </Button>
        )}
      </div>
      <ol className="mt-3 divide-y divide-slate-100">
        {file.versions.map((v) => (
          <VersionRow
            key={v.id}
            contractId={contractId}
            fileId={file.id}
            version={v}
            timeZone={timeZone}
          />
        ))}
      </ol>
    </li>
  );
}

function VersionRow({
  contractId,
  fileId,
  version: v,
  timeZone,
}: {
  contractId: string;
  fileId: string;
  version: FileVersion;
  timeZone: string | undefined;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <li className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:flex-wrap sm:items-center sm:gap-3">
      <a
        href={versionUrl(contractId, fileId, v.version)}
        download={v.name}
        className="inline-flex items-center gap-1 font-medium text-brand-700 underline"
      >
        <Download size={14} aria-hidden />
        Version {v.version}
        <span className="sr-only"> of {v.name}</span>
      </a>
      <span className="text-slate-700">
        {v.uploadedBy.name},{' '}
        <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, timeZone)}</time>,{' '}
        {formatBytes(v.size)}
      </span>
      <span className="inline-flex items-center gap-1 text-slate-700">
        SHA-256{' '}
        <code className="rounded bg-slate-100 px-1" title={v.sha256}>
          {v.sha256.slice(0, 12)}
        </code>
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded px-1 text-brand-700 hover:bg-slate-100"
          onClick={() =>
            void navigator.clipboard?.writeText(v.sha256).then(
              () => setCopied(true),
              () => {},
            )
          }
        >
          <Copy size={14} aria-hidden />
          <span>{copied ? 'Copied' : 'Copy'}</span>
          <span className="sr-only"> the whole SHA-256 checksum of version {v.version}</span>
        </button>
      </span>
      {v.note && <span className="text-slate-600 sm:basis-full">{v.note}</span>}
    </li>
  );
}
