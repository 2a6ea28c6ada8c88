import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { authClient } from '../../auth-client.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { InvitedJobs } from '../jobs/invited-jobs.tsx';
import { CreateBusinessSchema } from '../../../core/contracts/accounts.ts';
import { formatDate } from '../../format.ts';
import { useMe, useMeta } from '../../hooks.ts';
import { useApiForm } from '../../use-api-form.ts';
import { useBecomeProfessional, useCreateBusiness } from './account-queries.ts';
import { FirstRunGuides } from './first-run.tsx';

function VerifyBanner({ email }: { email: string }) {
  const smtpConfigured = useMeta().data?.smtpConfigured ?? true;
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'error'>('idle');
  async function resend() {
    setState('sending');
    const result = await authClient.sendVerificationEmail({ email, callbackURL: '/app' });
    setState(result.error ? 'error' : 'sent');
  }
  return (
    <Alert tone="warning">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          {state === 'sent'
            ? `A new confirmation link was sent to ${email}.`
            : `Please confirm ${email}: we sent you a link when you signed up.`}
          {state === 'error' && ' Sending failed; try again in a minute.'}
          {!smtpConfigured &&
            ' This Handoff sends no e-mail yet: the link is in the server’s log and in the admin’s dev mailbox (Admin → Mailbox).'}{' '}
          Until then you cannot join a business, publish a public job or read briefs you are invited
          to.
        </span>
        {state !== 'sent' && (
          <Button variant="secondary" busy={state === 'sending'} onClick={resend}>
            Send the link again
          </Button>
        )}
      </div>
    </Alert>
  );
}

function CreateBusiness({ onDone }: { onDone?: () => void }) {
  const navigate = useNavigate();
  const create = useCreateBusiness();
  const form = useApiForm(CreateBusinessSchema, { defaultValues: { name: '' } });
  const { errors } = form.formState;
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      noValidate
      onSubmit={form.submitWith(async (values) => {
        const business = await create.mutateAsync(values);
        onDone?.();
        await navigate({
          to: '/app/businesses/$businessId/settings',
          params: { businessId: business.id },
        });
      })}
    >
      <div className="flex-1">
        <TextField
          label="Business name"
          error={errors.name?.message ?? form.formError ?? undefined}
          {...form.limits('name')}
          {...form.register('name')}
        />
      </div>
      <Button type="submit" busy={create.isPending}>
        Create business
      </Button>
    </form>
  );
}

export function Overview() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const becomePro = useBecomeProfessional();
  if (!me.data) return null;
  const { user, memberships, professionalProfile } = me.data;
  const firstName = user.name.split(' ')[0] ?? user.name;

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description="Your businesses, your professional work, and your account in one place."
      />
      <div className="space-y-6">
        {!user.emailVerified && <VerifyBanner email={user.email} />}
        <FirstRunGuides me={me.data} />
        <Card
          title="Your businesses"
          description="Businesses you own or belong to, and your role in each."
          footer={
            memberships.length > 0 && !adding ? (
              <Button variant="secondary" onClick={() => setAdding(true)}>
                Add another business
              </Button>
            ) : undefined
          }
        >
          {memberships.length === 0 ? (
            <EmptyState title="No business yet">
              <p>
                Create one to hand off work and invite your team. You can also be invited to someone
                else’s.
              </p>
              <div className="mx-auto mt-4 max-w-md text-left">
                <CreateBusiness />
              </div>
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {memberships.map((m) => (
                <li
                  key={m.businessId}
                  className="flex flex-wrap items-center justify-between gap-2 py-3"
                >
                  <div>
                    <p className="font-medium text-slate-900">{m.businessName}</p>
                    <p className="text-sm text-slate-600">
                      You are {m.role === 'owner' ? 'an owner' : `a ${m.role}`}
                    </p>
                  </div>
                  <div className="flex gap-2 text-sm">
                    <Link
                      to="/app/businesses/$businessId/jobs"
                      params={{ businessId: m.businessId }}
                      className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50"
                    >
                      Jobs
                    </Link>
                    <Link
                      to="/app/businesses/$businessId/team"
                      params={{ businessId: m.businessId }}
                      className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50"
                    >
                      Team
                    </Link>
                    <Link
                      to="/app/businesses/$businessId/settings"
                      params={{ businessId: m.businessId }}
                      className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50"
                    >
                      Settings
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {adding && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <CreateBusiness onDone={() => setAdding(false)} />
            </div>
          )}
        </Card>
        <Card
          title="Professional work"
          description="Take on work from businesses as a freelancer or agency."
        >
          {professionalProfile ? (
            <p className="text-sm text-slate-700">
              You have a professional profile (started{' '}
              {formatDate(professionalProfile.createdAt, user.timeZone)}
              ). Businesses can invite you to their jobs; public jobs are on the{' '}
              <Link to="/jobs" className="text-brand-700 underline">
                job board
              </Link>
              .
            </p>
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-700">You don’t have a professional profile yet.</p>
              <Button
                variant="secondary"
                busy={becomePro.isPending}
                onClick={() => becomePro.mutate()}
              >
                Become a professional
              </Button>
            </div>
          )}
          {professionalProfile && (
            <div className="mt-5 border-t border-slate-100 pt-4">
              <InvitedJobs timeZone={user.timeZone} />
            </div>
          )}
          {becomePro.isError && (
            <div className="mt-3">
              <Alert>{errorMessage(becomePro.error)}</Alert>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
