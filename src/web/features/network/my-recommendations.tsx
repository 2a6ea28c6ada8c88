import { useState } from 'react';
import { CreateRecommendationRequestSchema } from '../../../core/contracts/network.ts';
import { formatDate } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useApiForm } from '../../use-api-form.ts';
import { useMyRecommendationRequests, useRequestRecommendation } from './network-queries.ts';

const STATE = {
  waiting: { tone: 'warning', label: 'Waiting' },
  answered: { tone: 'success', label: 'Answered' },
  expired: { tone: 'muted', label: 'Expired' },
} as const;

function AskForm() {
  const ask = useRequestRecommendation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useApiForm(CreateRecommendationRequestSchema, {
    defaultValues: { email: '', message: '' },
  });
  const { errors } = form.formState;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.submitWith(async (values) => {
        setSentTo(null);
        setSentTo((await ask.mutateAsync(values)).email);
        form.reset();
      })}
    >
      {sentTo && <Alert tone="success">Request sent to {sentTo}.</Alert>}
      {form.formError && <Alert>{form.formError}</Alert>}
      <TextField
        label="Your client’s e-mail address"
        type="email"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <TextAreaField
        label="Message (optional)"
        rows={3}
        hint="Remind them of the work you did together."
        error={errors.message?.message}
        {...form.register('message')}
      />
      <Button type="submit" busy={ask.isPending}>
        Send request
      </Button>
    </form>
  );
}

/** `/app/recommendations`: a professional asks clients to recommend them and follows the answers. */
export function MyRecommendationsPage() {
  const me = useMe();
  const requests = useMyRecommendationRequests();
  const items = requests.data?.items ?? [];
  const tz = me.data?.user.timeZone;
  return (
    <>
      <PageHeader
        title="Recommendations"
        description="Ask clients you worked with to recommend you. Their businesses’ colleagues see what they write."
      />
      <div className="space-y-6">
        {me.data && !me.data.professionalProfile && (
          <Alert tone="info">Start your professional profile first, then ask your clients.</Alert>
        )}
        <Card
          title="Ask a client"
          description="They get an e-mail with a link that works once, for 30 days."
        >
          <AskForm />
        </Card>
        <Card title="Your requests">
          <ListState
            query={requests}
            count={items.length}
            loading="Loading your requests"
            empty={{
              title: 'No requests yet',
              body: 'Ask a client above; their answer shows here.',
            }}
          >
            <ul className="divide-y divide-slate-100">
              {items.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">{r.email}</p>
                    <p className="text-sm text-slate-600">
                      Sent {formatDate(r.createdAt, tz)}
                      {r.answeredBy
                        ? ` · recommended by ${r.answeredBy.name}`
                        : r.state === 'waiting'
                          ? ` · link works until ${formatDate(r.expiresAt, tz)}`
                          : ''}
                    </p>
                  </div>
                  <Badge tone={STATE[r.state].tone} srLabel="State">
                    {STATE[r.state].label}
                  </Badge>
                </li>
              ))}
            </ul>
          </ListState>
        </Card>
      </div>
    </>
  );
}
