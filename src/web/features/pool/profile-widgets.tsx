/**
 * What a business's members see on a professional's profile, for the profile page to mount
 * (`<PrivateNotes businessId userId />` and the others): the business's private notes and tags,
 * saving to a list, and inviting to one of its open jobs. Each hides its controls from a member
 * whose role may only read.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import {
  useInviteProfessionalToJob,
  useListMembership,
  useLists,
  useOpenJobs,
  usePrivateNote,
  useSavePrivateNote,
} from './pool-queries.ts';
import { TagsLineSchema, tagsLine } from './tags.ts';

interface Props {
  businessId: string;
  /** The professional's user id. */
  userId: string;
}

function useCanManage(businessId: string) {
  const business = useBusiness(businessId);
  return business.data ? roleCan(business.data.myRole, 'talent.manage') : false;
}

/** The business's private notes and tags on the professional; never shown to them. */
export function PrivateNotes({ businessId, userId }: Props) {
  const note = usePrivateNote(businessId, userId);
  const save = useSavePrivateNote(businessId, userId);
  const canManage = useCanManage(businessId);
  const me = useMe();
  const [draft, setDraft] = useState<{ notes: string; tags: string } | null>(null);

  if (note.isPending) return <Loading what="Loading your notes" />;
  if (note.isError) return <Alert>{errorMessage(note.error)}</Alert>;
  const current = note.data;
  const tags = draft ? TagsLineSchema.safeParse(draft.tags) : null;

  return (
    <Card
      title="Your team’s private notes"
      description="Only your business’s members see these, never the professional."
    >
      {draft ? (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!tags?.success) return;
            save.mutate(
              { notes: draft.notes, tags: tags.data },
              { onSuccess: () => setDraft(null) },
            );
          }}
        >
          <TextAreaField
            label="Notes"
            rows={4}
            value={draft.notes}
            onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
          />
          <TextField
            label="Tags"
            hint="Separated by commas"
            value={draft.tags}
            error={tags && !tags.success ? tags.error.issues[0]?.message : undefined}
            onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
          />
          {save.isError && <Alert>{errorMessage(save.error)}</Alert>}
          <div className="flex gap-2">
            <Button type="submit" busy={save.isPending}>
              Save notes
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="space-y-2">
          {current.notes ? (
            <p className="text-sm whitespace-pre-wrap text-slate-800">{current.notes}</p>
          ) : (
            <p className="text-sm text-slate-600">
              No notes yet.{canManage ? ' Write what your team should remember about them.' : ''}
            </p>
          )}
          {current.tags.length > 0 && (
            <p className="text-sm text-slate-700">Tags: {current.tags.join(', ')}</p>
          )}
          {current.updatedAt && me.data && (
            <p className="text-xs text-slate-600">
              Last changed {formatDateTime(current.updatedAt, me.data.user.timeZone)}
            </p>
          )}
          {canManage && (
            <Button
              variant="secondary"
              onClick={() => setDraft({ notes: current.notes, tags: tagsLine(current.tags) })}
            >
              Edit notes
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

/** Ticks the business's lists that hold the professional; ticking adds, unticking takes off. */
export function SaveToList({ businessId, userId }: Props) {
  const lists = useLists(businessId, userId);
  const membership = useListMembership(businessId);
  const canManage = useCanManage(businessId);

  if (lists.isPending) return <Loading what="Loading your lists" />;
  if (lists.isError) return <Alert>{errorMessage(lists.error)}</Alert>;
  return (
    <Card title="Saved lists">
      {lists.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">
          No lists yet.{' '}
          <Link
            to="/app/businesses/$businessId/lists"
            params={{ businessId }}
            className="text-brand-700 underline"
          >
            Make one
          </Link>{' '}
          to keep professionals for later.
        </p>
      ) : (
        <fieldset disabled={!canManage || membership.isPending} className="space-y-2">
          <legend className="sr-only">Lists this professional is on</legend>
          {lists.data.items.map((l) => (
            <label key={l.id} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={l.contains ?? false}
                onChange={(e) => membership.mutate({ listId: l.id, userId, on: e.target.checked })}
                className="h-4 w-4 rounded border-slate-300"
              />
              {l.name} <span className="text-slate-600">({l.count})</span>
            </label>
          ))}
        </fieldset>
      )}
      {membership.isError && <Alert>{errorMessage(membership.error)}</Alert>}
    </Card>
  );
}

/** Picks one of the business's open jobs and invites the professional to it. */
export function InviteToJob({ businessId, userId }: Props) {
  const jobs = useOpenJobs(businessId);
  const invite = useInviteProfessionalToJob(businessId, userId);
  const canManage = useCanManage(businessId);
  const [jobId, setJobId] = useState('');

  if (!canManage) return null;
  if (jobs.isPending) return <Loading what="Loading your open jobs" />;
  if (jobs.isError) return <Alert>{errorMessage(jobs.error)}</Alert>;
  const open = jobs.data.items;
  return (
    <Card title="Invite to a job">
      {open.length === 0 ? (
        <p className="text-sm text-slate-600">
          You have no open job.{' '}
          <Link
            to="/app/businesses/$businessId/jobs"
            params={{ businessId }}
            className="text-brand-700 underline"
          >
            Publish one
          </Link>{' '}
          to invite professionals to it.
        </p>
      ) : (
        <form
          noValidate
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (jobId) invite.mutate(jobId);
          }}
        >
          <div className="min-w-0 flex-1">
            <SelectField
              label="Job"
              value={jobId}
              onChange={(e) => setJobId(e.target.value)}
              options={[
                { value: '', label: 'Choose an open job' },
                ...open.map((j) => ({ value: j.id, label: j.title })),
              ]}
            />
          </div>
          <Button type="submit" busy={invite.isPending} disabled={!jobId}>
            Invite
          </Button>
        </form>
      )}
      {invite.isSuccess && <Alert tone="success">Invited. They have been told.</Alert>}
      {invite.isError && <Alert>{errorMessage(invite.error)}</Alert>}
    </Card>
  );
}
