import { useEffect, useState } from 'react';
import type { OwnListing } from '../../../core/contracts/network.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useCategories, useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useApiForm } from '../../use-api-form.ts';
import { ListingFormSchema, listFieldMessage, listingFormValues } from './listing-form.ts';
import { useMyListing, useSaveListing, useWithdrawListing } from './network-queries.ts';

const STATUS = {
  pending: { tone: 'warning', label: 'Waiting for review' },
  approved: { tone: 'success', label: 'Approved: in the directory' },
  rejected: { tone: 'danger', label: 'Not approved' },
} as const;

function ListingForm({ listing }: { listing: OwnListing | null }) {
  const save = useSaveListing();
  const categories = useCategories();
  const [saved, setSaved] = useState(false);
  const form = useApiForm(ListingFormSchema, { defaultValues: listingFormValues(listing) });
  const { errors } = form.formState;
  useEffect(() => setSaved(false), [listing?.id]);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.submitWith(async (values) => {
        setSaved(false);
        await save.mutateAsync(values);
        setSaved(true);
      })}
    >
      {saved && (
        <Alert tone="success">
          Saved. An admin will review your listing; you will be told either way.
        </Alert>
      )}
      {form.formError && <Alert>{form.formError}</Alert>}
      <TextField label="Name of the firm" error={errors.name?.message} {...form.register('name')} />
      <TextAreaField
        label="Description"
        rows={5}
        hint="What the firm does and for whom."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <TextAreaField
        label="Services"
        rows={3}
        hint="One per line, e.g. Shopify themes."
        error={listFieldMessage(errors.services)}
        {...form.register('services')}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Categories</legend>
        {categories.isError && <Alert>{errorMessage(categories.error)}</Alert>}
        <div className="grid gap-2 sm:grid-cols-2">
          {categories.data?.items.map((c) => (
            <label key={c.slug} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" value={c.slug} {...form.register('categorySlugs')} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Team size"
          inputMode="numeric"
          hint="People, including you."
          error={errors.teamSize?.message}
          {...form.register('teamSize')}
        />
        <TextField
          label="Website"
          type="url"
          placeholder="https://"
          error={errors.website?.message}
          {...form.register('website')}
        />
        <TextField
          label="Countries served"
          hint="Two-letter codes separated by commas, e.g. PT, ES."
          error={listFieldMessage(errors.countries)}
          {...form.register('countries')}
        />
        <TextField
          label="Time zones served"
          hint="e.g. Europe/Lisbon, America/New_York."
          error={listFieldMessage(errors.timeZones)}
          {...form.register('timeZones')}
        />
      </div>
      {listing?.status === 'approved' && (
        <Alert tone="warning">
          Your listing is approved. Saving a change sends it back for review, and it leaves the
          directory until an admin approves it again.
        </Alert>
      )}
      <Button type="submit" busy={save.isPending}>
        {listing ? 'Save and send for review' : 'Submit for review'}
      </Button>
    </form>
  );
}

/** `/app/listing`: a professional who represents a firm lists it in the directory. */
export function MyListingPage() {
  const me = useMe();
  const listing = useMyListing();
  const withdraw = useWithdrawListing();
  const [confirming, setConfirming] = useState(false);
  if (listing.isError)
    return (
      <Alert>
        {errorMessage(listing.error)}{' '}
        <button type="button" className="underline" onClick={() => void listing.refetch()}>
          Try again
        </button>
      </Alert>
    );
  if (listing.isPending || !me.data) return <Loading what="Loading your listing" />;
  const current = listing.data.listing;
  const tz = me.data.user.timeZone;
  return (
    <>
      <PageHeader
        title="Business listing"
        description="Represent a firm? List it in the directory, marked as a business. An admin reviews every listing first."
      />
      <div className="space-y-6">
        {!me.data.professionalProfile && (
          <Alert tone="info">
            Listings are for professionals. Start your professional profile from the overview first.
          </Alert>
        )}
        {current && (
          <Card title="Review">
            <div className="space-y-2 text-sm">
              <p>
                <Badge tone={STATUS[current.status].tone} srLabel="Status">
                  {STATUS[current.status].label}
                </Badge>
              </p>
              {current.status === 'rejected' && current.rejectionReason && (
                <p>
                  <span className="font-medium">Reason:</span> {current.rejectionReason}. Edit the
                  listing and save it to send it for review again.
                </p>
              )}
              <p className="text-slate-600">
                Last saved {formatDateTime(current.updatedAt, tz)}
                {current.reviewedAt ? ` · reviewed ${formatDateTime(current.reviewedAt, tz)}` : ''}
              </p>
            </div>
          </Card>
        )}
        <Card title={current ? 'Edit your listing' : 'Submit your firm'}>
          <ListingForm key={current?.updatedAt ?? 'new'} listing={current} />
        </Card>
        {current && (
          <Card title="Withdraw">
            <p className="mb-3 text-sm text-slate-700">
              Removes the listing from the directory and from the review queue.
            </p>
            {withdraw.isError && <Alert>{errorMessage(withdraw.error)}</Alert>}
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Withdraw listing
            </Button>
          </Card>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Withdraw your listing?"
        confirmLabel="Withdraw"
        busy={withdraw.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => withdraw.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        It leaves the directory at once. You can submit it again later; it will wait for review.
      </ConfirmDialog>
    </>
  );
}
