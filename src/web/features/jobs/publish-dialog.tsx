import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BusinessJob } from '../../../core/contracts/jobs.ts';
import { PASSING_SCORE, type Visibility } from '../../../core/jobs.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { isReady } from '../../../core/requirements-checker.ts';
import { ScoreRing, useLiveCheck } from './checker-panel.tsx';
import { usePublishJob, useSaveJob, type PublishSettings } from './job-queries.ts';

export type SettingsMode = 'publish' | 'settings';

const VISIBILITY: Record<Visibility, { label: string; detail: string }> = {
  public: {
    label: 'Public',
    detail: 'On the job board: anyone can read the brief and bid.',
  },
  'invite-only': {
    label: 'Invite-only',
    detail: 'Only the professionals you invite can read the brief and bid.',
  },
};

/**
 * Publishing (draft → open, version 1 of the specification) or, for a job already out, its
 * visibility and flags. It shows the live check's score; below PASSING_SCORE it warns, and
 * the owner may still publish.
 */
export function PublishDialog({
  open,
  mode,
  job,
  unsaved,
  saveFirst,
  onClose,
}: {
  open: boolean;
  mode: SettingsMode;
  job: BusinessJob;
  /** The form has changes the server has not seen; publishing saves them first. */
  unsaved: boolean;
  saveFirst: () => Promise<boolean>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-0 shadow-xl"
    >
      {open && (
        <PublishForm
          titleId={titleId}
          mode={mode}
          job={job}
          unsaved={unsaved}
          saveFirst={saveFirst}
          onClose={onClose}
        />
      )}
    </dialog>
  );
}

function PublishForm({
  titleId,
  mode,
  job,
  unsaved,
  saveFirst,
  onClose,
}: {
  titleId: string;
  mode: SettingsMode;
  job: BusinessJob;
  unsaved: boolean;
  saveFirst: () => Promise<boolean>;
  onClose: () => void;
}) {
  const [settings, setSettings] = useState<Required<PublishSettings>>({
    visibility: job.visibility,
    ndaRequired: job.ndaRequired,
    trialPlanned: job.trialPlanned,
  });
  const [saving, setSaving] = useState(false);
  const publish = usePublishJob(job.business.id, job.id);
  const save = useSaveJob(job.business.id, job.id);
  const check = useLiveCheck();
  const score = check.result?.score;
  const ready = check.result ? isReady(check.result) : false;
  const busy = saving || publish.isPending || save.isPending;
  const failure = publish.error ?? save.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mode === 'settings') {
      save.mutate(settings, { onSuccess: onClose });
      return;
    }
    if (unsaved) {
      setSaving(true);
      const saved = await saveFirst();
      setSaving(false);
      // The save's own errors show under their fields in the editor.
      if (!saved) return onClose();
    }
    publish.mutate(settings, { onSuccess: onClose });
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <div className="space-y-4 px-5 py-4">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {mode === 'publish' ? 'Publish this job' : 'Visibility and flags'}
        </h2>
        {mode === 'publish' && check.result && (
          <div className="flex items-center gap-3">
            <ScoreRing result={check.result} size={48} />
            <p className="text-sm text-slate-700">
              The requirements check scores this job <strong>{score}</strong> of 100
              {ready ? ': ready to publish.' : '.'}
            </p>
          </div>
        )}
        {mode === 'publish' && score !== undefined && !ready && (
          <Alert tone="warning">
            {score < PASSING_SCORE
              ? `That is under ${PASSING_SCORE}: `
              : 'The check still has findings to fix: '}
            professionals will have to guess at what the check points out, and guesses make for
            uneven bids. You can still publish now, or close this and fix the findings first.
          </Alert>
        )}
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Who can see the job</legend>
          <div className="mt-2 space-y-2">
            {(Object.keys(VISIBILITY) as Visibility[]).map((v) => (
              <label
                key={v}
                className="flex cursor-pointer gap-3 rounded-md p-3 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-700"
              >
                <input
                  type="radio"
                  name="visibility"
                  value={v}
                  checked={settings.visibility === v}
                  onChange={() => setSettings((s) => ({ ...s, visibility: v }))}
                  className="mt-1 accent-brand-700"
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900">
                    {VISIBILITY[v].label}
                  </span>
                  <span className="block text-sm text-slate-600">{VISIBILITY[v].detail}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Flags</legend>
          <Flag
            checked={settings.ndaRequired}
            onChange={(ndaRequired) => setSettings((s) => ({ ...s, ndaRequired }))}
            label="NDA required"
            detail="Professionals agree to a non-disclosure agreement before they read the full specification."
          />
          <Flag
            checked={settings.trialPlanned}
            onChange={(trialPlanned) => setSettings((s) => ({ ...s, trialPlanned }))}
            label="Trial (proof of concept) planned"
            detail="You mean to start with a small paid trial before the whole job."
          />
        </fieldset>
        {mode === 'publish' && unsaved && (
          <p className="text-sm text-slate-700">Your unsaved changes are saved first.</p>
        )}
        {mode === 'publish' && (
          <p className="text-xs text-slate-600">
            Publishing makes version 1 of the specification. Later changes to it make new versions
            that professionals who have read it are shown.
          </p>
        )}
        {failure && <Alert>{errorMessage(failure)}</Alert>}
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-100 px-5 py-3">
        <Button variant="secondary" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {mode === 'publish' ? 'Publish' : 'Save'}
        </Button>
      </div>
    </form>
  );
}

function Flag({
  checked,
  onChange,
  label,
  detail,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  detail: string;
}) {
  return (
    <label className="flex cursor-pointer gap-3">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-1 accent-brand-700"
      />
      <span>
        <span className="block text-sm font-medium text-slate-900">{label}</span>
        <span className="block text-sm text-slate-600">{detail}</span>
      </span>
    </label>
  );
}
