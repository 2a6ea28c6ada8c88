import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { RecommendationNoteSchema } from '../../../core/contracts/network.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { AuthLayout } from '../accounts/auth-layout.tsx';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField } from '../../ui/fields.tsx';
import { useAnswerRecommendationRequest, useRecommendationRequest } from './network-queries.ts';

/**
 * `/recommend/$token`: the link a professional's client follows. Signed in, they choose which
 * of their businesses speaks and write the note; otherwise they sign in or sign up and come back.
 */
export function AnswerRequestPage() {
  const { token } = useParams({ from: '/recommend/$token' });
  const me = useMe();
  const request = useRecommendationRequest(token);
  const answer = useAnswerRecommendationRequest(token);
  const [note, setNote] = useState('');
  const [businessId, setBusinessId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (request.isError)
    return (
      <AuthLayout title="Link not found">
        <Alert>{errorMessage(request.error)}</Alert>
      </AuthLayout>
    );
  if (request.isPending || me.isPending) return <Loading what="Opening the request" />;
  const r = request.data;
  const next = `/recommend/${token}`;
  const speakers = (me.data?.memberships ?? []).filter((m) =>
    roleCan(m.role, 'recommendations.manage'),
  );
  const chosen = businessId || speakers[0]?.businessId || '';

  return (
    <AuthLayout title={`Recommend ${r.professional.name}`}>
      <div className="space-y-4 text-sm text-slate-800">
        {r.message && (
          <blockquote className="border-l-4 border-slate-200 pl-3 whitespace-pre-line">
            {r.message}
          </blockquote>
        )}
        {done ? (
          <Alert tone="success">
            Thank you. {done}’s colleagues on Handoff now see your recommendation.
          </Alert>
        ) : r.state === 'answered' ? (
          <Alert tone="info">This request was already answered. Thank you!</Alert>
        ) : r.state === 'expired' ? (
          <Alert tone="info">
            This link expired on {formatDate(r.expiresAt)}. Ask {r.professional.name} to send a new
            request.
          </Alert>
        ) : !me.data ? (
          <div className="space-y-3">
            <p>Sign in to write your recommendation, or create an account first.</p>
            <div className="flex flex-wrap gap-3">
              <Link
                to="/sign-in"
                search={{ next }}
                className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white"
              >
                Sign in
              </Link>
              <Link
                to="/sign-up"
                search={{ next, as: 'business' }}
                className="rounded-md px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300"
              >
                Create an account
              </Link>
            </div>
          </div>
        ) : speakers.length === 0 ? (
          <Alert tone="info">
            A recommendation is written by a business. Create your business (or ask an owner of
            yours to make you a manager), then open this link again.{' '}
            <Link to="/app" className="underline">
              Go to your overview
            </Link>
          </Alert>
        ) : (
          <form
            noValidate
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const checked = RecommendationNoteSchema.safeParse(note);
              if (!checked.success) {
                setError(checked.error.issues[0]?.message ?? 'Write a few words');
                return;
              }
              answer.mutate(
                { businessId: chosen, note: checked.data },
                {
                  onSuccess: (rec) => setDone(rec.business.name),
                  onError: (err) => setError(errorMessage(err)),
                },
              );
            }}
          >
            {speakers.length > 1 && (
              <SelectField
                label="Recommend as"
                value={chosen}
                onChange={(e) => setBusinessId(e.target.value)}
                options={speakers.map((m) => ({ value: m.businessId, label: m.businessName }))}
              />
            )}
            <TextAreaField
              label={`Your recommendation${speakers.length === 1 ? ` (as ${speakers[0]?.businessName})` : ''}`}
              hint="What they did for you, and how it went."
              rows={5}
              value={note}
              error={error ?? undefined}
              onChange={(e) => {
                setNote(e.target.value);
                setError(null);
              }}
            />
            <Button type="submit" busy={answer.isPending}>
              Recommend {r.professional.name}
            </Button>
          </form>
        )}
      </div>
    </AuthLayout>
  );
}
