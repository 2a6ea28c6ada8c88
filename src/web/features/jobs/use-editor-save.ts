/**
 * Saving the job editor: validate with the contracts' schemas, PATCH `{ brief, spec }` whole,
 * put the server's field errors under their inputs, and keep the form in step with the saved
 * job. Also Ctrl/Cmd+S, and the warning before leaving with unsaved changes.
 */
import { useBlocker } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { BusinessJob } from '../../../core/contracts/jobs.ts';
import { ApiError, errorMessage } from '../../api.ts';
import {
  contractPath,
  fromForm,
  serverProblems,
  toForm,
  validateForm,
  type EditorValues,
  type FieldProblem,
} from './job-form.ts';
import { useSaveJob } from './job-queries.ts';

export function useEditorSave({
  form,
  job,
  currency,
  canWrite,
  onProblem,
}: {
  form: UseFormReturn<EditorValues>;
  job: BusinessJob;
  currency: string;
  canWrite: boolean;
  /** Called with the first problem's path, to show the field. */
  onProblem: (path: string) => void;
}) {
  const save = useSaveJob(job.business.id, job.id);
  const [failure, setFailure] = useState<string | null>(null);
  const { reset, getValues, setError, clearErrors } = form;
  const isDirty = form.formState.isDirty;

  // A change made elsewhere (publish, settings, another tab) arrives as a new job: take it
  // into the form unless the person is in the middle of editing. `base` is the version the form
  // was loaded from; a save sends it, so one made on top of someone else's answers 409.
  const synced = useRef(job.updatedAt);
  const base = useRef({ updatedAt: job.updatedAt, content: contentOf(job) });
  useEffect(() => {
    if (job.updatedAt === synced.current) return;
    synced.current = job.updatedAt;
    if (!form.formState.isDirty) {
      reset(toForm(job, currency));
      base.current = { updatedAt: job.updatedAt, content: contentOf(job) };
    } else if (contentOf(job) === base.current.content) {
      // Only the status or settings moved (closing it here, publishing in another tab): the
      // text being edited is still on top of the latest brief and spec.
      base.current.updatedAt = job.updatedAt;
    }
  }, [job, currency, form, reset]);

  function show(problems: FieldProblem[]) {
    for (const p of problems)
      setError(p.name as FieldPath<EditorValues>, { type: 'validate', message: p.message });
    if (problems[0]) onProblem(contractPath(problems[0].name));
  }

  async function saveNow(): Promise<boolean> {
    if (!canWrite) return false;
    clearErrors();
    setFailure(null);
    const values = getValues();
    const problems = validateForm(values);
    if (problems.length > 0) {
      show(problems);
      return false;
    }
    try {
      const saved = await save.mutateAsync({
        ...fromForm(values),
        expectedUpdatedAt: base.current.updatedAt,
      });
      synced.current = saved.updatedAt;
      base.current = { updatedAt: saved.updatedAt, content: contentOf(saved) };
      // Typing during the save keeps what was typed, now measured against the saved job.
      const unchanged = JSON.stringify(getValues()) === JSON.stringify(values);
      reset(toForm(saved, currency), unchanged ? undefined : { keepValues: true });
      return true;
    } catch (error) {
      const fields = error instanceof ApiError ? serverProblems(error.problem.errors) : [];
      if (fields.length > 0) show(fields);
      else setFailure(errorMessage(error));
      return false;
    }
  }

  const saveRef = useRef(saveNow);
  saveRef.current = saveNow;
  useEffect(() => {
    if (!canWrite) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canWrite]);

  const guard = useRef(false);
  guard.current = canWrite && isDirty;
  const blocker = useBlocker({
    shouldBlockFn: () => guard.current,
    enableBeforeUnload: () => guard.current,
    withResolver: true,
  });

  return {
    saveNow,
    saving: save.isPending,
    failure,
    blocker,
    /** Lets the next navigation through without asking (after deleting the job). */
    release: () => {
      guard.current = false;
    },
  };
}

/** The two layers a save replaces, to tell someone else's edit from a status change. */
function contentOf(job: BusinessJob): string {
  return JSON.stringify({ brief: job.brief, spec: job.spec });
}
