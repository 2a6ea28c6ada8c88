import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { CreateInvitationSchema, type Member } from '../../../core/contracts/accounts.ts';
import { BUSINESS_ROLES, roleCan, type BusinessRole } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useBusiness, useMe, useMeta } from '../../hooks.ts';
import { useApiForm } from '../../use-api-form.ts';
import {
  useChangeRole,
  useInviteMember,
  useMembers,
  useRemoveMember,
  useRevokeInvitation,
  useTeamInvitations,
} from './account-queries.ts';

const roleOptions = BUSINESS_ROLES.map((r) => ({
  value: r,
  label: r[0]!.toUpperCase() + r.slice(1),
}));
const ROLE_HELP =
  'Owners manage the team and everything else; managers run the work; viewers can look but not change.';

/** What became of an invitation just made, said truthfully: mail goes out only with SMTP. */
function sentMessage(email: string, replaced: boolean, smtp: boolean): string {
  const what = replaced
    ? `A new invitation for ${email} replaces the open one; its old link no longer works.`
    : `Invitation for ${email} created.`;
  return smtp
    ? `${what} They are told by e-mail (or in Handoff, if they have an account and chose that).`
    : `${what} No e-mail went out: this Handoff has no mail server. An admin finds the link in the dev mailbox (Admin → Mailbox).`;
}

function InviteForm({
  businessId,
  openInvitations,
}: {
  businessId: string;
  /** Addresses with an open invitation: inviting one again replaces its link. */
  openInvitations: readonly string[];
}) {
  const [sent, setSent] = useState<string | null>(null);
  const smtp = useMeta().data?.smtpConfigured ?? false;
  const invite = useInviteMember(businessId);
  const form = useApiForm(CreateInvitationSchema, {
    defaultValues: { email: '', role: 'manager' },
  });
  const { errors } = form.formState;
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={form.submitWith(async (values) => {
        setSent(null);
        const replaced = openInvitations.includes(values.email);
        const inv = await invite.mutateAsync(values);
        setSent(sentMessage(inv.email, replaced, smtp));
        form.resetField('email');
      })}
    >
      {sent && !form.formError && <Alert tone="success">{sent}</Alert>}
      {form.formError && <Alert>{form.formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <TextField
          label="E-mail address"
          type="email"
          error={errors.email?.message}
          {...form.limits('email')}
          {...form.register('email', { onChange: () => setSent(null) })}
        />
        <SelectField label="Role" options={roleOptions} {...form.register('role')} />
        <Button type="submit" busy={invite.isPending}>
          Send invitation
        </Button>
      </div>
      <p className="text-xs text-slate-600">{ROLE_HELP}</p>
    </form>
  );
}

export function Team() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/team' });
  const me = useMe();
  const business = useBusiness(businessId);
  const navigate = useNavigate();
  const myRole = business.data?.myRole;
  const canManage = myRole ? roleCan(myRole, 'members.manage') : false;
  const members = useMembers(businessId);
  const invitations = useTeamInvitations(businessId, canManage);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const changeRole = useChangeRole(businessId);
  const setRole = (change: { userId: string; role: BusinessRole }) => {
    setProblem(null);
    changeRole.mutate(change, { onError: (e) => setProblem(errorMessage(e)) });
  };
  const remove = useRemoveMember(businessId);
  const removeMember = (userId: string) => {
    setProblem(null);
    remove.mutate(userId, {
      onSettled: () => setRemoving(null),
      onError: (e) => setProblem(errorMessage(e)),
      // Leaving the business yourself: its pages are no longer yours to see.
      onSuccess: () => {
        if (userId === me.data?.user.id) void navigate({ to: '/app' });
      },
    });
  };
  const revoke = useRevokeInvitation(businessId);

  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (members.isError)
    return (
      <Alert>
        {errorMessage(members.error)}{' '}
        <button type="button" className="underline" onClick={() => void members.refetch()}>
          Try again
        </button>
      </Alert>
    );
  if (business.isPending || members.isPending || !me.data)
    return <Loading what="Loading the team" />;
  const tz = me.data.user.timeZone;
  const selfId = me.data.user.id;
  const leaving = removing?.userId === selfId;

  return (
    <>
      <PageHeader
        title="Team"
        description={`${business.data.name} · ${members.data.items.length} ${members.data.items.length === 1 ? 'member' : 'members'}`}
      />
      <div className="space-y-6">
        {problem && <Alert>{problem}</Alert>}
        <Card title="Members">
          <ul className="divide-y divide-slate-100">
            {members.data.items.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {m.name}{' '}
                    {m.userId === selfId && (
                      <span className="text-sm font-normal text-slate-600">(you)</span>
                    )}
                  </p>
                  <p className="truncate text-sm text-slate-600">
                    {m.email} · joined {formatDate(m.joinedAt, tz)}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  {canManage ? (
                    <select
                      aria-label={`Role of ${m.name}`}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) =>
                        setRole({
                          userId: m.userId,
                          role: e.target.value as BusinessRole,
                        })
                      }
                      className="rounded-md bg-white px-2 py-1.5 text-sm ring-1 ring-slate-300"
                    >
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="capitalize">
                      <Badge srLabel="Role">{m.role}</Badge>
                    </span>
                  )}
                  {(canManage || m.userId === selfId) && (
                    <Button variant="danger" onClick={() => setRemoving(m)}>
                      {m.userId === selfId ? 'Leave' : 'Remove'}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        {canManage && (
          <Card title="Invite someone" description="They get a link that works for 7 days.">
            <InviteForm
              businessId={businessId}
              openInvitations={invitations.data?.items.map((i) => i.email) ?? []}
            />
          </Card>
        )}
        {canManage && (
          <Card title="Open invitations">
            <ListState
              query={invitations}
              count={invitations.data?.items.length ?? 0}
              loading="Loading invitations"
              empty={{
                title: 'No open invitations',
                body: 'Invitations you send appear here until they are accepted.',
              }}
            >
              <ul className="divide-y divide-slate-100">
                {invitations.data?.items.map((inv) => (
                  <li
                    key={inv.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-3"
                  >
                    <div>
                      <p className="font-medium text-slate-900">{inv.email}</p>
                      <p className="text-sm text-slate-600">
                        {inv.role} · invited by {inv.invitedByName} · expires{' '}
                        {formatDate(inv.expiresAt, tz)}
                      </p>
                    </div>
                    <Button
                      variant="secondary"
                      busy={revoke.isPending && revoke.variables === inv.id}
                      onClick={() => revoke.mutate(inv.id)}
                    >
                      Withdraw
                    </Button>
                  </li>
                ))}
              </ul>
            </ListState>
          </Card>
        )}
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={leaving ? `Leave ${business.data.name}?` : `Remove ${removing?.name ?? ''}?`}
        confirmLabel={leaving ? 'Leave business' : 'Remove member'}
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && removeMember(removing.userId)}
      >
        {leaving
          ? 'You will lose access to this business until someone invites you again.'
          : 'They lose access to this business at once. You can invite them again later.'}
      </ConfirmDialog>
    </>
  );
}
