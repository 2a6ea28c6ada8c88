import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { SaveListSchema, type SavedList } from '../../../core/contracts/pool.ts';
import { formatMoney } from '../../../core/money.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useApiForm } from '../../use-api-form.ts';
import {
  useCreateList,
  useDeleteList,
  useList,
  useListMembership,
  useLists,
  useRenameList,
} from './pool-queries.ts';

function NewListForm({ businessId }: { businessId: string }) {
  const create = useCreateList(businessId);
  const form = useApiForm(SaveListSchema, { defaultValues: { name: '' } });
  return (
    <form
      noValidate
      className="flex flex-col gap-2 sm:flex-row sm:items-start"
      onSubmit={form.submitWith(async (values) => {
        await create.mutateAsync(values);
        form.reset();
      })}
    >
      <div className="min-w-0 flex-1">
        <TextField
          label="New list"
          placeholder="e.g. Bookkeepers for the spring"
          error={form.formState.errors.name?.message ?? form.formError ?? undefined}
          {...form.register('name')}
        />
      </div>
      <Button type="submit" busy={create.isPending} className="sm:mt-6">
        Make the list
      </Button>
    </form>
  );
}

/** The business's saved lists ("shortlists for later"). */
export function ListsPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/lists' });
  const me = useMe();
  const business = useBusiness(businessId);
  const lists = useLists(businessId);
  const remove = useDeleteList(businessId);
  const [removing, setRemoving] = useState<SavedList | null>(null);

  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (business.isPending || !me.data) return <Loading what="Loading your lists" />;
  const canManage = roleCan(business.data.myRole, 'talent.manage');
  const items = lists.data?.items ?? [];
  const tz = me.data.user.timeZone;

  return (
    <>
      <PageHeader
        title="Saved lists"
        description="Shortlists of professionals to come back to. Only your team sees them."
        actions={
          <Link
            to="/app/businesses/$businessId/pool"
            params={{ businessId }}
            className="rounded-md px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Your pool
          </Link>
        }
      />
      <Card>
        <div className="space-y-4">
          {canManage && <NewListForm businessId={businessId} />}
          <ListState
            query={lists}
            count={items.length}
            loading="Loading your lists"
            empty={{
              title: 'No lists yet',
              body: canManage
                ? 'Name a list above, then save professionals to it from their profiles.'
                : 'An owner or manager can make lists.',
            }}
          >
            <ul className="divide-y divide-slate-100">
              {items.map((l) => (
                <li key={l.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <Link
                      to="/app/businesses/$businessId/lists/$listId"
                      params={{ businessId, listId: l.id }}
                      className="font-medium text-brand-700 underline"
                    >
                      {l.name}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {l.count} {l.count === 1 ? 'professional' : 'professionals'} · changed{' '}
                      {formatDate(l.updatedAt, tz)}
                    </p>
                  </div>
                  {canManage && (
                    <Button variant="danger" onClick={() => setRemoving(l)}>
                      Delete<span className="sr-only"> the list {l.name}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </ListState>
          {remove.isError && <Alert>{errorMessage(remove.error)}</Alert>}
        </div>
      </Card>
      <ConfirmDialog
        open={removing !== null}
        title="Delete this list?"
        confirmLabel="Delete"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing && remove.mutate(removing.id, { onSettled: () => setRemoving(null) })
        }
      >
        “{removing?.name}” goes; the professionals on it are not touched.
      </ConfirmDialog>
    </>
  );
}

function RenameForm({
  businessId,
  listId,
  name,
}: {
  businessId: string;
  listId: string;
  name: string;
}) {
  const rename = useRenameList(businessId, listId);
  const form = useApiForm(SaveListSchema, { defaultValues: { name } });
  return (
    <form
      noValidate
      className="flex flex-col gap-2 sm:flex-row sm:items-start"
      onSubmit={form.submitWith((values) => rename.mutateAsync(values))}
    >
      <div className="min-w-0 flex-1">
        <TextField
          label="List name"
          error={form.formState.errors.name?.message ?? form.formError ?? undefined}
          {...form.register('name')}
        />
      </div>
      <Button type="submit" variant="secondary" busy={rename.isPending} className="sm:mt-6">
        Rename
      </Button>
    </form>
  );
}

/** One saved list: each professional with their headline and rate. */
export function ListPage() {
  const { businessId, listId } = useParams({
    from: '/shell/app/businesses/$businessId/lists/$listId',
  });
  const business = useBusiness(businessId);
  const list = useList(businessId, listId);
  const membership = useListMembership(businessId);
  const navigate = useNavigate();

  if (business.isError || list.isError)
    return (
      <Alert>
        {errorMessage(business.error ?? list.error)}{' '}
        <Link to="/app/businesses/$businessId/lists" params={{ businessId }} className="underline">
          Back to the lists
        </Link>
      </Alert>
    );
  if (business.isPending || list.isPending) return <Loading what="Loading the list" />;
  const canManage = roleCan(business.data.myRole, 'talent.manage');
  const data = list.data;

  return (
    <>
      <PageHeader
        title={data.name}
        description={`${data.count} ${data.count === 1 ? 'professional' : 'professionals'}`}
        actions={
          <Button
            variant="secondary"
            onClick={() =>
              void navigate({ to: '/app/businesses/$businessId/lists', params: { businessId } })
            }
          >
            All lists
          </Button>
        }
      />
      <div className="space-y-6">
        {canManage && (
          <Card>
            <RenameForm key={data.name} businessId={businessId} listId={listId} name={data.name} />
          </Card>
        )}
        <Card title="Professionals">
          {data.items.length === 0 ? (
            <p className="text-sm text-slate-600">
              Nobody on this list yet: save professionals to it from their profiles in the
              directory.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {data.items.map((i) => (
                <li
                  key={i.professional.id}
                  className="flex flex-wrap items-center justify-between gap-3 py-3"
                >
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {i.professional.slug ? (
                        <a
                          href={`/pros/${i.professional.slug}`}
                          className="text-brand-700 underline"
                        >
                          {i.professional.name}
                        </a>
                      ) : (
                        i.professional.name
                      )}
                    </p>
                    <p className="text-sm text-slate-700">
                      {i.professional.headline || 'No headline yet'}
                    </p>
                    <p className="text-sm text-slate-600">
                      {i.rate
                        ? `${formatMoney({ amount: i.rate.amount, currency: i.rate.currency })} an hour`
                        : 'No rate given'}
                    </p>
                  </div>
                  {canManage && (
                    <Button
                      variant="ghost"
                      busy={membership.isPending}
                      onClick={() =>
                        membership.mutate({ listId, userId: i.professional.id, on: false })
                      }
                    >
                      Take off the list<span className="sr-only"> {i.professional.name}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {membership.isError && <Alert>{errorMessage(membership.error)}</Alert>}
        </Card>
      </div>
    </>
  );
}
