import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { BidsLink } from '../shortlist/bids-link.tsx';
import { History } from 'lucide-react';
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { Category } from '../../../core/contracts/audit.ts';
import type { BusinessJob, Finding } from '../../../core/contracts/jobs.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { useCategories } from '../../hooks.ts';
import { AttachmentsCard } from './attachments.tsx';
import { BriefForm } from './brief-form.tsx';
import { CheckerPanel } from './checker-panel.tsx';
import { EditorTabs, TabPanel } from './editor-tabs.tsx';
import { InvitationsCard } from './invitations.tsx';
import { JobAccess, BackToJobs, isNotFound, RetryAlert, type JobContext } from './job-access.tsx';
import { JobActions } from './job-actions.tsx';
import { StatusBadge, Tag } from './job-fields.tsx';
import { focusField, tabOf, toForm, type EditorTab, type EditorValues } from './job-form.ts';
import { useJob } from './job-queries.ts';
import type { MarkdownMode } from './markdown-preview.tsx';
import { PublishDialog, type SettingsMode } from './publish-dialog.tsx';
import { SpecForm } from './spec-form.tsx';
import { useEditorSave } from './use-editor-save.ts';

/** /app/businesses/:businessId/jobs/:jobId — the job editor (read-only for viewers). */
export function JobEditorPage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId',
  });
  return (
    <JobAccess businessId={businessId} title="Job">
      {(context) => <JobLoader context={context} jobId={jobId} />}
    </JobAccess>
  );
}

function JobLoader({ context, jobId }: { context: JobContext; jobId: string }) {
  const businessId = context.business.id;
  const job = useJob(businessId, jobId);
  const categories = useCategories();
  // The category select needs its options before the form sets its value.
  if (job.isPending || categories.isPending) return <Loading what="Loading the job" />;
  if (job.isError)
    return (
      <div className="space-y-4">
        <BackToJobs businessId={businessId} />
        {isNotFound(job.error) ? (
          <Alert>This job does not exist, or it belongs to another business.</Alert>
        ) : (
          <RetryAlert error={job.error} retry={job.refetch} />
        )}
      </div>
    );
  return (
    <JobEditor
      key={job.data.id}
      job={job.data}
      context={context}
      categories={categories.data?.items ?? []}
    />
  );
}

function JobEditor({
  job,
  context,
  categories,
}: {
  job: BusinessJob;
  context: JobContext;
  categories: Category[];
}) {
  const { business, canWrite, viewerTimeZone } = context;
  const navigate = useNavigate();
  const form = useForm<EditorValues>({
    defaultValues: toForm(job, business.currency),
    disabled: !canWrite,
  });
  const { isDirty, dirtyFields, errors } = form.formState;
  const [tab, setTab] = useState<EditorTab>('brief');
  const [mdMode, setMdMode] = useState<MarkdownMode>(canWrite ? 'write' : 'preview');
  const [target, setTarget] = useState<{
    path: string;
    start?: number | null;
    end?: number | null;
    n: number;
  } | null>(null);
  const [dialog, setDialog] = useState<SettingsMode | null>(null);

  function goTo(path: string, start?: number | null, end?: number | null) {
    setTab(tabOf(path));
    if (path === 'spec.description') setMdMode('write');
    setTarget({ path, start, end, n: Date.now() });
  }
  // Focus once the tab with the field has rendered.
  useEffect(() => {
    if (target) focusField(target.path, target.start, target.end);
  }, [target]);

  const { saveNow, saving, failure, blocker, release } = useEditorSave({
    form,
    job,
    currency: business.currency,
    canWrite,
    onProblem: (path) => goTo(path),
  });

  const published = job.publishedAt !== null;
  const specChanged = dirtyFields.spec !== undefined;
  const version = job.specVersion ?? 0;

  return (
    <FormProvider {...form}>
      <div className="mb-3">
        <BackToJobs businessId={business.id} />
      </div>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
            {job.brief.title || 'Untitled job'}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusBadge status={job.status} />
            {published && (
              <>
                <Tag>{job.visibility === 'public' ? 'Public' : 'Invite-only'}</Tag>
                {job.ndaRequired && <Tag>NDA required</Tag>}
                {job.trialPlanned && <Tag>Trial planned</Tag>}
                <span>Version {version}</span>
                <Link
                  to="/app/businesses/$businessId/jobs/$jobId/versions"
                  params={{ businessId: business.id, jobId: job.id }}
                  className="inline-flex items-center gap-1 text-brand-700 underline"
                >
                  <History size={14} aria-hidden /> Versions
                </Link>
                {/* Hiring — shortlist */}
                <BidsLink businessId={business.id} jobId={job.id} />
                {/* Hiring — NDAs: who signed, who read which version of the specification. */}
                <Link
                  to="/app/businesses/$businessId/jobs/$jobId/ndas"
                  params={{ businessId: business.id, jobId: job.id }}
                  className="text-brand-700 underline"
                >
                  {job.ndaRequired ? 'NDAs' : 'Specification reads'}
                </Link>
                {/* Hiring — bids: professionals' questions, answered for every bidder. */}
                <Link
                  to="/app/businesses/$businessId/jobs/$jobId/questions"
                  params={{ businessId: business.id, jobId: job.id }}
                  className="text-brand-700 underline"
                >
                  Questions
                </Link>
                <Link
                  to="/app/businesses/$businessId/jobs/$jobId/trials"
                  params={{ businessId: business.id, jobId: job.id }}
                  className="text-brand-700 underline"
                >
                  Trials
                </Link>
                <Link
                  to="/app/businesses/$businessId/jobs/$jobId/interviews"
                  params={{ businessId: business.id, jobId: job.id }}
                  className="text-brand-700 underline"
                >
                  Interviews
                </Link>
              </>
            )}
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {business.name} · last saved {formatDateTime(job.updatedAt, viewerTimeZone)}
            {job.publishedAt && ` · published ${formatDateTime(job.publishedAt, viewerTimeZone)}`}
          </p>
        </div>
        {canWrite && (
          <JobActions
            job={job}
            onPublish={() => setDialog('publish')}
            onSettings={() => setDialog('settings')}
            onDeleted={() => {
              release();
              void navigate({
                to: '/app/businesses/$businessId/jobs',
                params: { businessId: business.id },
              });
            }}
          />
        )}
      </header>
      {!canWrite && (
        <div className="mb-6">
          <Alert tone="info">
            You can read this job; only owners and managers of {business.name} can change it.
          </Alert>
        </div>
      )}
      <div className="xl:grid xl:grid-cols-[minmax(0,1fr)_17rem] xl:items-start xl:gap-6">
        <div className="mb-6 xl:sticky xl:top-6 xl:col-start-2 xl:row-start-1 xl:mb-0 xl:max-h-[calc(100vh-3rem)] xl:overflow-y-auto">
          <CheckerPanel onPick={(f: Finding) => goTo(f.field, f.start, f.end)} />
        </div>
        <div className="min-w-0 space-y-6 xl:col-start-1 xl:row-start-1">
          <EditorTabs
            current={tab}
            onChange={setTab}
            dirty={{ brief: dirtyFields.brief !== undefined, spec: specChanged }}
            invalid={{ brief: errors.brief !== undefined, spec: errors.spec !== undefined }}
          />
          <TabPanel tab={tab}>
            <form
              id="job-form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void saveNow();
              }}
            >
              {tab === 'brief' ? (
                <BriefForm
                  categories={categories}
                  businessCurrency={business.currency}
                  readOnly={!canWrite}
                />
              ) : (
                <SpecForm descriptionMode={mdMode} onDescriptionMode={setMdMode} />
              )}
            </form>
            <AttachmentsCard job={job} layer={tab} readOnly={!canWrite} timeZone={viewerTimeZone} />
          </TabPanel>
          <InvitationsCard job={job} readOnly={!canWrite} timeZone={viewerTimeZone} />
          {canWrite && (
            <div className="sticky bottom-0 z-10 rounded-t-lg border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgb(15_23_42/0.06)] backdrop-blur">
              {failure && (
                <div className="mb-2">
                  <Alert>{failure}</Alert>
                </div>
              )}
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div className="min-w-0 text-sm" role="status">
                  {isDirty ? (
                    <span className="font-medium text-amber-800">Unsaved changes</span>
                  ) : (
                    <span className="text-slate-600">All changes saved</span>
                  )}
                  {published && specChanged && (
                    <span className="block text-xs text-slate-600">
                      Saving will create version {version + 1} of the specification.
                    </span>
                  )}
                </div>
                <div className="flex items-center gap-3">
                  <kbd className="hidden rounded bg-slate-100 px-1.5 py-0.5 font-sans text-xs text-slate-600 sm:inline">
                    {/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl'}+S
                  </kbd>
                  <Button type="submit" form="job-form" busy={saving} disabled={!isDirty}>
                    Save
                  </Button>
                </div>
              </div>
            </div>
          )}
        </div>
      </div>
      {canWrite && (
        <PublishDialog
          open={dialog !== null}
          mode={dialog ?? 'publish'}
          job={job}
          unsaved={isDirty}
          saveFirst={saveNow}
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmDialog
        open={blocker.status === 'blocked'}
        title="Leave without saving?"
        confirmLabel="Leave without saving"
        onCancel={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      >
        Your changes to this job have not been saved. Stay to save them, or leave and lose them.
      </ConfirmDialog>
    </FormProvider>
  );
}
