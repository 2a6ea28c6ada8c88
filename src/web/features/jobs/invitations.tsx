import { Mail, UserRound, X } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { InviteToJobSchema, type BusinessJob } from '../../../core/contracts/jobs.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { useMeta } from '../../hooks.ts';
import {
  useInvitations,
  useInvite,
  useRemoveInvitation,
  useRemovePendingInvitation,
  type JobInvitation,
} from './job-queries.ts';

/**
 * People invited to the job by e-mail, with or without an account: an address with no account
 * waits (listed as such) until someone signs up with it and confirms it. With invite-only
 * visibility the invited are the only ones who can see the job.
 */
export function InvitationsCard({
  job,
  readOnly,
  timeZone,
}: {
  job: BusinessJob;
  readOnly: boolean;
  timeZone: string;
}) {
  const businessId = job.business.id;
  const invitations = useInvitations(businessId, job.id);
  const invite = useInvite(businessId, job.id);
  const remove = useRemoveInvitation(businessId, job.id);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [removing, setRemoving] = useState<JobInvitation | null>(null);
  const removePending = useRemovePendingInvitation(businessId, job.id);
  const [removingEmail, setRemovingEmail] = useState<string | null>(null);
  const inviteError = invite.error instanceof ApiError ? invite.error : null;
  const smtp = useMeta().data?.smtpConfigured ?? false;

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = InviteToJobSchema.safeParse({ email: email.trim() });
    if (!parsed.success) {
      // The last invitation's banner is not left beside this error.
      invite.reset();
      setEmailError('Enter the professional’s e-mail address, like name@example.com');
      return;
    }
    setEmailError(undefined);
    invite.mutate(parsed.data.email, { onSuccess: () => setEmail('') });
  }

  const who =
    job.visibility === 'invite-only'
      ? 'This job is invite-only: the professionals below are the only ones who can see it and bid.'
      : 'Invite professionals you already know; the job is also on the public board.';

  return (
    <Card title="Invited professionals" description={who}>
      <div className="space-y-4">
        {!readOnly && (
          <form
            onSubmit={submit}
            noValidate
            className="flex flex-col gap-2 sm:flex-row sm:items-start"
          >
            <div className="min-w-0 flex-1">
              <TextField
                label="Professional’s e-mail"
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  // What the server said about the last address no longer applies to this one.
                  setEmailError(undefined);
                  if (invite.isError) invite.reset();
                }}
                maxLength={254}
                hint={
                  smtp
                    ? 'They are told in Handoff, and by e-mail if they chose to be.'
                    : 'They are told in Handoff. No e-mail goes out: this Handoff has no mail server.'
                }
                error={
                  emailError ??
                  inviteError?.fieldError('email') ??
                  (inviteError ? errorMessage(inviteError) : undefined)
                }
              />
            </div>
            <Button type="submit" busy={invite.isPending} className="sm:mt-6">
              Invite
            </Button>
          </form>
        )}
        {invite.isSuccess && !invite.isPending && (
          <Alert tone="success">
            {`Invited ${invite.data.email}. It waits under their invitations in Handoff (if they have no account yet, until they sign up with that address)${smtp ? ', and they are told by e-mail.' : '. No e-mail went out: this Handoff has no mail server.'}`}
          </Alert>
        )}
        {invite.isError && !inviteError && <Alert>{errorMessage(invite.error)}</Alert>}
        {invitations.isPending ? (
          <Loading what="Loading invitations" />
        ) : invitations.isError ? (
          <Alert>
            {errorMessage(invitations.error)}{' '}
            <button type="button" className="underline" onClick={() => void invitations.refetch()}>
              Try again
            </button>
          </Alert>
        ) : invitations.data.items.length === 0 && invitations.data.pending.length === 0 ? (
          <EmptyState title="Nobody invited yet">
            {readOnly
              ? 'An owner or manager can invite professionals by e-mail.'
              : 'Invite a professional by e-mail, whether or not they use Handoff yet.'}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {invitations.data.items.map((inv) => (
              <li key={inv.professional.id} className="flex items-center gap-3 py-2">
                <UserRound size={18} aria-hidden className="shrink-0 text-slate-500" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-slate-900">
                    {inv.professional.name}
                  </p>
                  <p className="truncate text-xs text-slate-600">
                    {inv.professional.email} · invited {formatDateTime(inv.invitedAt, timeZone)}
                  </p>
                  {inv.awaitingVerification && (
                    <p className="text-xs text-amber-800">
                      Can read the brief once they confirm their e-mail address.
                    </p>
                  )}
                </div>
                {!readOnly && (
                  <button
                    type="button"
                    onClick={() => setRemoving(inv)}
                    className="shrink-0 rounded-md p-2 text-slate-600 hover:bg-red-50 hover:text-red-700"
                  >
                    <X size={16} aria-hidden />
                    <span className="sr-only">Remove {inv.professional.name}</span>
                  </button>
                )}
              </li>
            ))}
            {invitations.data.pending.map((p) => (
              <li key={p.email} className="flex items-center gap-3 py-2">
                <Mail size={18} aria-hidden className="shrink-0 text-slate-500" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-slate-900">{p.email}</p>
                  <p className="truncate text-xs text-slate-600">
                    invited {formatDateTime(p.invitedAt, timeZone)} · waiting for them to sign up
                    and confirm this address
                  </p>
                </div>
                {!readOnly && (
                  <button
                    type="button"
                    onClick={() => setRemovingEmail(p.email)}
                    className="shrink-0 rounded-md p-2 text-slate-600 hover:bg-red-50 hover:text-red-700"
                  >
                    <X size={16} aria-hidden />
                    <span className="sr-only">Remove the invitation to {p.email}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {remove.isError && <Alert>{errorMessage(remove.error)}</Alert>}
        {removePending.isError && <Alert>{errorMessage(removePending.error)}</Alert>}
      </div>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this invitation?"
        confirmLabel="Remove"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.professional.id, { onSettled: () => setRemoving(null) })
        }
      >
        {removing?.professional.name} will no longer be invited
        {job.visibility === 'invite-only' ? ' and can no longer see this job' : ''}.
      </ConfirmDialog>
      <ConfirmDialog
        open={removingEmail !== null}
        title="Withdraw this invitation?"
        confirmLabel="Withdraw"
        busy={removePending.isPending}
        onCancel={() => setRemovingEmail(null)}
        onConfirm={() =>
          removingEmail &&
          removePending.mutate(removingEmail, { onSettled: () => setRemovingEmail(null) })
        }
      >
        Whoever signs up with {removingEmail} will not find this job waiting.
      </ConfirmDialog>
    </Card>
  );
}
