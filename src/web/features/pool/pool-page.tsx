import { Link, useParams } from '@tanstack/react-router';
import { ExternalLink, Mail, UserRound } from 'lucide-react';
import { useState } from 'react';
import { CreateContactSchema, type TalentContact } from '../../../core/contracts/pool.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useApiForm } from '../../use-api-form.ts';
import {
  useAddContact,
  usePool,
  useRemoveContact,
  useResendInvitation,
  useRevokeInvitation,
  useUpdateContact,
} from './pool-queries.ts';
import { TagsLineSchema, tagsLine } from './tags.ts';

const AddContactFormSchema = CreateContactSchema.extend({ tags: TagsLineSchema });

const STATE: Record<TalentContact['invitation'], { label: string; tone: BadgeTone }> = {
  invited: { label: 'Invited', tone: 'warning' },
  joined: { label: 'Joined', tone: 'success' },
  revoked: { label: 'Invitation withdrawn', tone: 'muted' },
  none: { label: 'On Handoff', tone: 'outline' },
};

function AddContactForm({ businessId }: { businessId: string }) {
  const add = useAddContact(businessId);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useApiForm(AddContactFormSchema, {
    defaultValues: { name: '', email: '', externalUrl: '', notes: '', tags: '' },
  });
  const { errors } = form.formState;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.submitWith(async ({ externalUrl, ...values }) => {
        setSentTo(null);
        const added = await add.mutateAsync({ ...values, externalUrl: externalUrl || null });
        setSentTo(added.email);
        form.reset();
      })}
    >
      {sentTo && (
        <Alert tone="success">
          Invitation sent to {sentTo}. They join your pool when they follow the link.
        </Alert>
      )}
      {form.formError && <Alert>{form.formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" error={errors.name?.message} {...form.register('name')} />
        <TextField
          label="E-mail address"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Their profile elsewhere (optional)"
          type="url"
          placeholder="https://"
          error={errors.externalUrl?.message}
          {...form.register('externalUrl', { setValueAs: (v: string) => v || undefined })}
        />
        <TextField
          label="Tags (optional)"
          hint="Separated by commas, e.g. bookkeeping, met at the fair"
          error={errors.tags?.message}
          {...form.register('tags')}
        />
      </div>
      <TextAreaField
        label="Private notes (optional)"
        hint="Only your business’s members see these; never the person."
        rows={3}
        error={errors.notes?.message}
        {...form.register('notes')}
      />
      <Button type="submit" busy={add.isPending}>
        Add and send invitation
      </Button>
    </form>
  );
}

function EditContact({
  businessId,
  contact,
  onDone,
}: {
  businessId: string;
  contact: TalentContact;
  onDone: () => void;
}) {
  const update = useUpdateContact(businessId);
  const [notes, setNotes] = useState(contact.notes);
  const [tags, setTags] = useState(tagsLine(contact.tags));
  const parsedTags = TagsLineSchema.safeParse(tags);
  return (
    <form
      className="mt-3 space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!parsedTags.success) return;
        update.mutate(
          { contactId: contact.id, notes, tags: parsedTags.data },
          { onSuccess: onDone },
        );
      }}
    >
      <TextAreaField
        label={`Private notes on ${contact.name}`}
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <TextField
        label="Tags"
        hint="Separated by commas"
        value={tags}
        error={parsedTags.success ? undefined : parsedTags.error.issues[0]?.message}
        onChange={(e) => setTags(e.target.value)}
      />
      {update.isError && <Alert>{errorMessage(update.error)}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" busy={update.isPending}>
          Save
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function ContactItem({
  businessId,
  contact,
  canManage,
  timeZone,
  onRemove,
}: {
  businessId: string;
  contact: TalentContact;
  canManage: boolean;
  timeZone: string;
  onRemove: (c: TalentContact) => void;
}) {
  const [editing, setEditing] = useState(false);
  const resend = useResendInvitation(businessId);
  const revoke = useRevokeInvitation(businessId);
  const state = STATE[contact.invitation];
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-start gap-3">
        {contact.professional ? (
          <UserRound size={18} aria-hidden className="mt-0.5 shrink-0 text-slate-500" />
        ) : (
          <Mail size={18} aria-hidden className="mt-0.5 shrink-0 text-slate-500" />
        )}
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {contact.professional?.name ?? contact.name}
            <Badge tone={state.tone} srLabel="Invitation">
              {state.label}
            </Badge>
            {contact.inPool && <Badge tone="neutral">In your pool</Badge>}
          </p>
          {contact.professional?.headline && (
            <p className="text-sm text-slate-700">{contact.professional.headline}</p>
          )}
          <p className="truncate text-sm text-slate-600">
            {contact.email ?? 'Noted from their Handoff profile'}
            {contact.invitedAt && contact.invitation === 'invited'
              ? ` · invited ${formatDate(contact.invitedAt, timeZone)}`
              : ''}
            {contact.joinedAt ? ` · joined ${formatDate(contact.joinedAt, timeZone)}` : ''}
          </p>
          {contact.externalUrl && (
            <a
              href={contact.externalUrl}
              rel="noopener noreferrer nofollow"
              target="_blank"
              className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
            >
              Profile elsewhere <ExternalLink size={12} aria-hidden />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          )}
          {contact.tags.length > 0 && (
            <ul className="mt-1 flex flex-wrap gap-1" aria-label="Tags">
              {contact.tags.map((t) => (
                <li key={t}>
                  <Badge tone="outline">{t}</Badge>
                </li>
              ))}
            </ul>
          )}
          {contact.notes && !editing && (
            <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{contact.notes}</p>
          )}
          {editing && (
            <EditContact
              businessId={businessId}
              contact={contact}
              onDone={() => setEditing(false)}
            />
          )}
          {(resend.isError || revoke.isError) && (
            <Alert>{errorMessage(resend.error ?? revoke.error)}</Alert>
          )}
          {resend.isSuccess && <Alert tone="success">A new invitation is on its way.</Alert>}
        </div>
        {canManage && !editing && (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit notes<span className="sr-only"> on {contact.name}</span>
            </Button>
            {contact.email && contact.invitation !== 'joined' && (
              <Button
                variant="secondary"
                busy={resend.isPending}
                onClick={() => resend.mutate(contact.id)}
              >
                Send again<span className="sr-only"> to {contact.name}</span>
              </Button>
            )}
            {contact.invitation === 'invited' && (
              <Button
                variant="ghost"
                busy={revoke.isPending}
                onClick={() => revoke.mutate(contact.id)}
              >
                Withdraw invitation<span className="sr-only"> to {contact.name}</span>
              </Button>
            )}
            <Button variant="danger" onClick={() => onRemove(contact)}>
              Remove<span className="sr-only"> {contact.name}</span>
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}

/** The business's private pool: people met elsewhere (with their invitation), notes and tags. */
export function PoolPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/pool' });
  const me = useMe();
  const business = useBusiness(businessId);
  const [tag, setTag] = useState('');
  const pool = usePool(businessId, tag || undefined);
  const all = usePool(businessId);
  const remove = useRemoveContact(businessId);
  const [removing, setRemoving] = useState<TalentContact | null>(null);

  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (business.isPending || !me.data) return <Loading what="Loading your pool" />;
  const canManage = roleCan(business.data.myRole, 'talent.manage');
  const tags = [...new Set((all.data?.items ?? []).flatMap((c) => c.tags))].sort();
  const items = pool.data?.items ?? [];
  const timeZone = me.data.user.timeZone;

  return (
    <>
      <PageHeader
        title="Your pool"
        description={`${business.data.name}'s own professionals: people you met elsewhere and professionals you keep notes on. Only your team sees this page.`}
        actions={
          <Link
            to="/app/businesses/$businessId/lists"
            params={{ businessId }}
            className="rounded-md px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Saved lists
          </Link>
        }
      />
      <div className="space-y-6">
        {canManage && (
          <Card
            title="Add someone you met elsewhere"
            description="They get an e-mail with a link to join your pool, whether or not they already use Handoff."
          >
            <AddContactForm businessId={businessId} />
          </Card>
        )}
        <Card title="People">
          {tags.length > 0 && (
            <div className="mb-4 max-w-xs">
              <SelectField
                label="Show only the tag"
                value={tag}
                onChange={(e) => setTag(e.target.value)}
                options={[
                  { value: '', label: 'All tags' },
                  ...tags.map((t) => ({ value: t, label: t })),
                ]}
              />
            </div>
          )}
          <ListState
            query={pool}
            count={items.length}
            loading="Loading your pool"
            empty={{
              title: tag ? `Nobody is tagged “${tag}”` : 'Your pool is empty',
              body: tag
                ? 'Pick another tag, or all tags.'
                : canManage
                  ? 'Add someone you worked with elsewhere above, or write a note on a professional’s profile.'
                  : 'An owner or manager can add people to the pool.',
            }}
          >
            <ul className="divide-y divide-slate-100">
              {items.map((c) => (
                <ContactItem
                  key={c.id}
                  businessId={businessId}
                  contact={c}
                  canManage={canManage}
                  timeZone={timeZone}
                  onRemove={setRemoving}
                />
              ))}
            </ul>
          </ListState>
          {remove.isError && <Alert>{errorMessage(remove.error)}</Alert>}
        </Card>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title="Remove from your pool?"
        confirmLabel="Remove"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing && remove.mutate(removing.id, { onSettled: () => setRemoving(null) })
        }
      >
        {removing?.name}’s record, notes and tags are deleted
        {removing?.invitation === 'invited' ? ', and the invitation link stops working' : ''}.
      </ConfirmDialog>
    </>
  );
}
