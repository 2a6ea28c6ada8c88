import { Link } from '@tanstack/react-router';
import { useShortlist } from './shortlist-queries.ts';

/** "Bids (N)" for a job's editor: the way from the job to its scored bid list. */
export function BidsLink({ businessId, jobId }: { businessId: string; jobId: string }) {
  const list = useShortlist(businessId, jobId);
  const n = list.data?.bids.length;
  return (
    <Link
      to="/app/businesses/$businessId/jobs/$jobId/bids"
      params={{ businessId, jobId }}
      className="text-brand-700 underline"
    >
      Bids{n === undefined ? '' : ` (${n})`}
    </Link>
  );
}
