import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { z } from 'zod';
import { RequestConnectionSchema, type Connection } from '../../../core/contracts/network.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useApiForm } from '../../use-api-form.ts';
import {
  useAnswerConnection,
  useBusinessRecommendations,
  useConnections,
  useRequestConnection,
} from './network-queries.ts';

function AskForm({ businessId }: { businessId: string }) {
  const ask = useRequestConnection(businessId);
  const [sent, setSent] = useState<string | null>(null);
  const form = useApiForm(
    RequestConnectionSchema as z.ZodType<{ email: string }, { email: string }>,
    {
      defaultValues: { email: '' },
    },
  );
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.submitWith(async ({ email }) => {
        setSent(null);
        setSent((await ask.mutateAsync(email)).message);
        form.reset();
      })}
    >
      {sent && <Alert tone="success">{sent}</Alert>}
      {form.formError && <Alert>{form.formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <TextField
          label="E-mail address of one of its owners"
          type="email"
          error={form.formState.errors.email?.message}
          {...form.register('email')}
        />
        <Button type="submit" busy={ask.isPending}>
          Ask to connect
        </Button>
      </div>
    </form>
  );
}

/** `/app/businesses/$businessId/colleagues`: trusted colleagues and what they recommend. */
export function ColleaguesPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/colleagues' });
  const me = useMe();
  const business = useBusiness(businessId);
  const connections = useConnections(businessId);
  const recommendations = useBusinessRecommendations(businessId);
  const answer = useAnswerConnection(businessId);
  const [removing, setRemoving] = useState<Connection | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const canManage = business.data ? roleCan(business.data.myRole, 'connections.manage') : false;
  const tz = me.data?.user.timeZone;
  const act = (connectionId: string, action: 'accept' | 'decline' | 'remove') => {
    setProblem(null);
    answer.mutate(
      { connectionId, action },
      { onError: (e) => setProblem(errorMessage(e)), onSettled: () => setRemoving(null) },
    );
  };
  const incoming = connections.data?.incoming ?? [];
  const colleagues = connections.data?.connections ?? [];
  return (
    <>
      <PageHeader
        title="Colleagues"
        description="Businesses you trust. Colleagues see each other’s recommendations of professionals."
      />
      <div className="space-y-6">
        {problem && <Alert>{problem}</Alert>}
        {canManage && (
          <Card
            title="Ask a business to connect"
            description="They see your request once you send it; you see them here once they accept."
          >
            <AskForm businessId={businessId} />
          </Card>
        )}
        {incoming.length > 0 && (
          <Card title="Requests waiting for your answer">
            <ul className="divide-y divide-slate-100">
              {incoming.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium text-slate-900">{c.business.name}</p>
                    <p className="text-sm text-slate-600">Asked {formatDate(c.createdAt, tz)}</p>
                  </div>
                  {canManage && (
                    <div className="flex gap-2">
                      <Button variant="secondary" onClick={() => act(c.id, 'decline')}>
                        Decline {c.business.name}
                      </Button>
                      <Button onClick={() => act(c.id, 'accept')}>Accept {c.business.name}</Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title="Trusted colleagues">
          <ListState
            query={connections}
            count={colleagues.length}
            loading="Loading colleagues"
            empty={{
              title: 'No colleagues yet',
              body: 'Ask a business you trust to connect, by the e-mail address of one of its owners.',
            }}
          >
            <ul className="divide-y divide-slate-100">
              {colleagues.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium text-slate-900">{c.business.name}</p>
                    <p className="text-sm text-slate-600">
                      Connected {c.respondedAt ? formatDate(c.respondedAt, tz) : ''}
                    </p>
                  </div>
                  {canManage && (
                    <Button variant="danger" onClick={() => setRemoving(c)}>
                      Remove {c.business.name}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </ListState>
        </Card>
        <Card
          title="Your recommendations"
          description="Professionals your business recommends; your colleagues read these notes."
        >
          <ListState
            query={recommendations}
            count={recommendations.data?.items.length ?? 0}
            loading="Loading recommendations"
            empty={{
              title: 'No recommendations yet',
              body: 'Recommend a professional from their page in the directory.',
            }}
          >
            <ul className="divide-y divide-slate-100">
              {recommendations.data?.items.map((r) => (
                <li key={r.id} className="py-3">
                  <Link
                    to="/app/businesses/$businessId/recommendations/$userId"
                    params={{ businessId, userId: r.professional.id }}
                    className="font-medium text-brand-700 underline"
                  >
                    {r.professional.name}
                  </Link>
                  <p className="text-sm whitespace-pre-line text-slate-800">{r.note}</p>
                </li>
              ))}
            </ul>
          </ListState>
        </Card>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.business.name ?? ''}?`}
        confirmLabel="Remove"
        busy={answer.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && act(removing.id, 'remove')}
      >
        You will no longer see each other’s recommendations. Either of you can ask to connect again.
      </ConfirmDialog>
    </>
  );
}
