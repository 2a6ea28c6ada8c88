import { useState } from 'react';
import type { OwnListing } from '../../../core/contracts/network.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useCategories, useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { ListingView } from './listing-view.tsx';
import { useListingQueue, useReviewListing } from './network-queries.ts';

function RejectDialog({ listing, onClose }: { listing: OwnListing | null; onClose: () => void }) {
  const review = useReviewListing();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!listing) return;
    if (reason.trim() === '') {
      setError('Say why, so the professional can fix it');
      return;
    }
    review.mutate(
      { listingId: listing.id, updatedAt: listing.updatedAt, approve: false, reason },
      {
        onSuccess: () => {
          setReason('');
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <Dialog
      open={listing !== null}
      title={`Reject “${listing?.name ?? ''}”`}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" busy={review.isPending} onClick={submit}>
            Reject listing
          </Button>
        </>
      }
    >
      <TextAreaField
        label="Reason (the professional reads it)"
        rows={4}
        value={reason}
        error={error ?? undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
      />
    </Dialog>
  );
}

/** `/admin/listings`: agencies' listings waiting for review, oldest first. */
export function ListingQueuePage() {
  const me = useMe();
  const queue = useListingQueue('pending');
  const review = useReviewListing();
  const categories = useCategories();
  const [rejecting, setRejecting] = useState<OwnListing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const categoryName = (slug: string) =>
    categories.data?.items.find((c) => c.slug === slug)?.name ?? slug;
  const tz = me.data?.user.timeZone;
  return (
    <>
      <PageHeader
        title="Business listings"
        description="Listings wait here, oldest first, until you approve or reject them. Only approved listings show in the directory."
      />
      <div className="space-y-4">
        {problem && <Alert>{problem}</Alert>}
        <ListState
          query={queue}
          count={items.length}
          loading="Loading the review queue"
          empty={{
            title: 'Nothing to review',
            body: 'New and edited listings appear here when professionals submit them.',
          }}
        >
          <ul className="space-y-4">
            {items.map((listing) => (
              <li key={listing.id}>
                <Card
                  description={`Submitted ${formatDateTime(listing.createdAt, tz)} · last changed ${formatDateTime(listing.updatedAt, tz)}`}
                  footer={
                    <>
                      <Button variant="danger" onClick={() => setRejecting(listing)}>
                        Reject…
                      </Button>
                      <Button
                        busy={review.isPending && review.variables?.listingId === listing.id}
                        onClick={() => {
                          setProblem(null);
                          review.mutate(
                            { listingId: listing.id, updatedAt: listing.updatedAt, approve: true },
                            { onError: (e) => setProblem(errorMessage(e)) },
                          );
                        }}
                      >
                        Approve {listing.name}
                      </Button>
                    </>
                  }
                >
                  <ListingView listing={listing} categoryName={categoryName} />
                </Card>
              </li>
            ))}
          </ul>
        </ListState>
      </div>
      <RejectDialog listing={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
