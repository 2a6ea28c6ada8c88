import { FileUp } from 'lucide-react';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import type { ImportResult } from '../../../core/contracts/audit.ts';
import { checkRows, type ColumnMapping } from '../../../core/time-log-import.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import {
  guessMapping,
  mappingQuery,
  NotCsvError,
  readPreview,
  type CsvPreview,
} from './csv-preview.ts';
import { ImportMapping, mappingProblem, type PresetChoice } from './import-mapping.tsx';
import { ImportReport } from './import-report.tsx';
import { PeriodFromFile } from './period-from-file.tsx';
import { ProgressBar } from './progress.tsx';
import { uploadFile, UploadAborted, type Upload } from './upload.ts';
import { auditPath, useRefreshAudit } from './audit-queries.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'error'; error: unknown };

const megabytes = (bytes: number) =>
  bytes < 1_048_576
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`
    : `${(bytes / 1_048_576).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;

/**
 * CSV import of an existing time log: pick a file, check the guessed columns against a preview
 * of its first rows, then stream it to the server with a progress bar and read the report.
 */
export function ImportPanel({
  businessId,
  auditId,
  period,
}: {
  businessId: string;
  auditId: string;
  period: { start: string; end: string };
}) {
  const refresh = useRefreshAudit(auditId);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [preset, setPreset] = useState<PresetChoice>('custom');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const upload = useRef<Upload<ImportResult> | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function choose(f: File | undefined) {
    setPhase({ kind: 'idle' });
    setPreview(null);
    setMapping(null);
    setReadError(null);
    setFile(f ?? null);
    if (!f) return;
    try {
      const p = await readPreview(f);
      const guess = guessMapping(p);
      setPreview(p);
      setPreset(guess.preset);
      setMapping(guess.mapping);
    } catch (error) {
      setReadError(
        error instanceof NotCsvError
          ? error.message
          : `This file could not be read as CSV: ${errorMessage(error)}`,
      );
    }
  }

  async function start() {
    if (!file || !mapping) return;
    setPhase({ kind: 'uploading', loaded: 0, total: file.size });
    upload.current = uploadFile<ImportResult>(
      `${auditPath(businessId, auditId)}/imports?${mappingQuery(mapping, preview?.delimiter ?? 'comma')}`,
      file,
      'text/csv',
      (loaded, total) => setPhase({ kind: 'uploading', loaded, total }),
    );
    try {
      const result = await upload.current.done;
      setPhase({ kind: 'done', result });
    } catch (error) {
      setPhase(error instanceof UploadAborted ? { kind: 'idle' } : { kind: 'error', error });
    } finally {
      upload.current = null;
      // Even a cancelled or failed upload may have stored the rows it got through.
      await refresh();
    }
  }

  function reset() {
    if (inputRef.current) inputRef.current.value = '';
    void choose(undefined);
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void choose(e.dataTransfer.files[0]);
  }

  const busy = phase.kind === 'uploading';
  const problem = mapping ? mappingProblem(mapping) : null;
  const verdict = useMemo(
    () => (preview && mapping && !problem ? checkRows(preview.rows, mapping, period) : null),
    [preview, mapping, problem, period.start, period.end],
  );
  // Every previewed row would fail: importing would only produce a report of failures.
  const nothingToImport = verdict !== null && verdict.rows.length > 0 && verdict.good === 0;

  return (
    <Card
      title="Import a time log"
      description="A CSV export from Toggl Track, Clockify, Harvest, or any file with a date, a task and a duration. Rows outside the audit period are reported, and importing the same file again skips what is already there."
    >
      <div className="space-y-4">
        {phase.kind !== 'done' && (
          <label
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
            className={`flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm focus-within:ring-2 focus-within:ring-brand-700 ${dragging ? 'border-brand-700 bg-brand-50' : 'border-slate-300 bg-white hover:bg-slate-50'}`}
          >
            <FileUp size={22} aria-hidden className="text-slate-500" />
            <span className="font-medium text-slate-900">
              {file ? file.name : 'Choose a CSV file'}
            </span>
            <span className="text-slate-600">
              {file ? `${megabytes(file.size)} · choose another` : 'or drop it here'}
            </span>
            <input
              ref={inputRef}
              type="file"
              accept=".csv,text/csv"
              className="sr-only"
              disabled={busy}
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </label>
        )}
        {readError && <Alert>{readError}</Alert>}
        {preview && mapping && phase.kind !== 'done' && (
          <fieldset disabled={busy} className="min-w-0 space-y-4">
            <ImportMapping
              preview={preview}
              preset={preset}
              mapping={mapping}
              check={verdict}
              onChange={(p, m) => {
                setPreset(p);
                setMapping(m);
              }}
            />
          </fieldset>
        )}
        {verdict && phase.kind === 'idle' && (
          <PeriodFromFile
            businessId={businessId}
            auditId={auditId}
            period={period}
            check={verdict}
            complete={preview?.complete ?? true}
          />
        )}
        {nothingToImport && phase.kind === 'idle' && (
          <p className="text-sm font-medium text-amber-900">
            Import is off: every row of the preview would fail. Fix the columns or the period above,
            or choose another file.
          </p>
        )}
        {phase.kind === 'uploading' && (
          <div className="space-y-2">
            <p className="text-sm text-slate-700" aria-live="polite">
              {phase.loaded < phase.total
                ? `Uploading and importing… ${megabytes(phase.loaded)} of ${megabytes(phase.total)} (${Math.floor((phase.loaded / phase.total) * 100)} %)`
                : 'Finishing the last rows…'}
            </p>
            <ProgressBar
              label="Import progress"
              value={phase.total > 0 ? (phase.loaded / phase.total) * 100 : 0}
              max={100}
              valueText={`${Math.round(phase.total > 0 ? (phase.loaded / phase.total) * 100 : 0)} percent uploaded`}
            />
          </div>
        )}
        {phase.kind === 'error' && <Alert>{errorMessage(phase.error)}</Alert>}
        {phase.kind === 'done' && <ImportReport result={phase.result} />}
        <div className="flex flex-wrap justify-end gap-2">
          {busy && (
            <Button variant="secondary" onClick={() => upload.current?.abort()}>
              Cancel upload
            </Button>
          )}
          {phase.kind === 'done' ? (
            <Button variant="secondary" onClick={reset}>
              Import another file
            </Button>
          ) : (
            preview && (
              <Button
                busy={busy}
                disabled={!!problem || nothingToImport}
                onClick={() => void start()}
              >
                Import {file?.name ?? 'file'}
              </Button>
            )
          )}
        </div>
      </div>
    </Card>
  );
}
