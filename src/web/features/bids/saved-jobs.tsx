/** /app/saved-jobs — the jobs the professional saved for later, each with a way to unsave it. */
import { Link } from '@tanstack/react-router';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useSaveJob, useSavedJobs } from './bid-queries.ts';

export function SavedJobsPage() {
  const saved = useSavedJobs();
  const me = useMe();
  const timeZone = me.data?.user.timeZone;
  const items = saved.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Saved jobs"
        description="Jobs you keep for later. Saving tells the business nothing."
        actions={
          <Link to="/app/bids" className="text-sm text-brand-700 underline">
            Your bids
          </Link>
        }
      />
      <ListState
        query={saved}
        count={items.length}
        loading="Loading your saved jobs"
        empty={{
          title: 'No saved jobs',
          body: 'On a job’s page, choose “Save for later” to keep it here.',
          action: (
            <Link
              to="/jobs"
              className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Browse open jobs
            </Link>
          ),
        }}
      >
        <ul className="space-y-3">
          {items.map(({ job, savedAt }) => (
            <SavedRow
              key={job.id}
              jobId={job.id}
              title={job.title}
              business={job.business.name}
              savedOn={formatDate(savedAt, timeZone)}
            />
          ))}
        </ul>
      </ListState>
    </>
  );
}

function SavedRow(p: { jobId: string; title: string; business: string; savedOn: string }) {
  const unsave = useSaveJob(p.jobId);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="min-w-0">
        <Link
          to="/jobs/$jobId"
          params={{ jobId: p.jobId }}
          className="font-medium break-words text-slate-900 underline"
        >
          {p.title}
        </Link>
        <p className="text-sm text-slate-600">
          {p.business} · saved {p.savedOn}
        </p>
        {unsave.error && <Alert>{errorMessage(unsave.error)}</Alert>}
      </div>
      {/* Unsaving is undone by saving again from the job's page: no confirmation needed. */}
      <Button variant="secondary" busy={unsave.isPending} onClick={() => unsave.mutate(false)}>
        Unsave<span className="sr-only"> {p.title}</span>
      </Button>
    </li>
  );
}
