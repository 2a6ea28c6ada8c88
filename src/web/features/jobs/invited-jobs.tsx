import { Link } from '@tanstack/react-router';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { useCategories } from '../../hooks.ts';
import { BoardCard } from './board-card.tsx';
import { useInvitedJobs } from './board-queries.ts';

/**
 * The jobs a business invited this professional to (open or closed, public or invite-only),
 * each linking to its page. Shown inside the overview's "Professional work" card.
 */
export function InvitedJobs({ timeZone }: { timeZone: string }) {
  const invited = useInvitedJobs();
  const categories = useCategories();
  const now = Date.now();
  return (
    <section aria-labelledby="invited-jobs" className="space-y-3">
      <h3 id="invited-jobs" className="text-sm font-semibold text-slate-900">
        Jobs you’re invited to
      </h3>
      {invited.isPending ? (
        <Loading what="Loading your invitations" />
      ) : invited.isError ? (
        <Alert>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>Your invitations could not be loaded ({errorMessage(invited.error)}).</span>
            <Button variant="secondary" onClick={() => void invited.refetch()}>
              Try again
            </Button>
          </div>
        </Alert>
      ) : invited.data.items.length === 0 ? (
        <EmptyState
          title="No invitations yet"
          action={
            <Link
              to="/jobs"
              className="inline-flex rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Browse the job board
            </Link>
          }
        >
          When a business invites you to a job, it shows up here and you get an e-mail. Meanwhile,
          public jobs are on the job board.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {invited.data.items.map((job) => (
            <li key={job.id}>
              <BoardCard
                job={job}
                heading="h4"
                categoryName={
                  categories.data?.items.find((c) => c.slug === job.category)?.name ?? undefined
                }
                timeZone={timeZone}
                now={now}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
