import { useState } from 'react';
import { RecommendationNoteSchema, type Recommendation } from '../../../core/contracts/network.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import {
  useSaveRecommendation,
  useVisibleRecommendations,
  useWithdrawRecommendation,
} from './network-queries.ts';

function RecommendationItem({ r, timeZone }: { r: Recommendation; timeZone?: string }) {
  return (
    <li className="space-y-1 py-3">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
        {r.business.name}
        {r.verified ? (
          <Badge tone="success">Verified client</Badge>
        ) : (
          <Badge tone="outline">Endorsement</Badge>
        )}
        {r.requested && <Badge tone="muted">Asked for by the professional</Badge>}
      </p>
      <p className="text-sm whitespace-pre-line text-slate-800">{r.note}</p>
      <p className="text-xs text-slate-600">{formatDate(r.updatedAt, timeZone)}</p>
    </li>
  );
}

function OwnRecommendation({
  businessId,
  userId,
  own,
}: {
  businessId: string;
  userId: string;
  own: Recommendation | null;
}) {
  const save = useSaveRecommendation(businessId, userId);
  const withdraw = useWithdrawRecommendation(businessId, userId);
  const [editing, setEditing] = useState(own === null);
  const [note, setNote] = useState(own?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const submit = () => {
    const checked = RecommendationNoteSchema.safeParse(note);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Write a few words');
      return;
    }
    save.mutate(checked.data, {
      onSuccess: () => setEditing(false),
      onError: (e) => setError(errorMessage(e)),
    });
  };
  if (own && !editing)
    return (
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            setNote(own.note);
            setEditing(true);
          }}
        >
          Edit your recommendation
        </Button>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Withdraw
        </Button>
        <ConfirmDialog
          open={confirming}
          title="Withdraw your recommendation?"
          confirmLabel="Withdraw"
          busy={withdraw.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            withdraw.mutate(undefined, {
              onSettled: () => setConfirming(false),
              onSuccess: () => {
                setNote('');
                setEditing(true);
              },
            })
          }
        >
          Your colleagues will no longer see your note. You can recommend them again later.
        </ConfirmDialog>
      </div>
    );
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextAreaField
        label={own ? 'Your recommendation' : 'Recommend them to your colleagues'}
        hint="Your trusted colleagues read this note; nobody else does."
        rows={3}
        value={note}
        error={error ?? undefined}
        onChange={(e) => {
          setNote(e.target.value);
          setError(null);
        }}
      />
      <div className="flex gap-2">
        <Button type="submit" busy={save.isPending}>
          {own ? 'Save' : 'Recommend'}
        </Button>
        {own && (
          <Button variant="secondary" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/**
 * What a business may see of a professional's recommendations: "Recommended by N businesses
 * you trust" with their notes, and its own recommendation (written, edited or withdrawn here
 * when the member's role may). Mount it wherever a business looks at a professional.
 */
export function TrustedRecommendations({
  businessId,
  userId,
}: {
  businessId: string;
  userId: string;
}) {
  const me = useMe();
  const business = useBusiness(businessId);
  const visible = useVisibleRecommendations(businessId, userId);
  if (visible.isError)
    return (
      <Alert>
        {errorMessage(visible.error)}{' '}
        <button type="button" className="underline" onClick={() => void visible.refetch()}>
          Try again
        </button>
      </Alert>
    );
  if (visible.isPending) return <Loading what="Loading recommendations" />;
  const { own, trusted, trustedCount } = visible.data;
  const tz = me.data?.user.timeZone;
  const canRecommend =
    business.data?.myRole !== undefined &&
    roleCan(business.data.myRole, 'recommendations.manage') &&
    me.data?.user.id !== userId;
  return (
    <section aria-labelledby="trusted-recommendations" className="space-y-3">
      <h2 id="trusted-recommendations" className="text-base font-semibold text-slate-900">
        {trustedCount === 0
          ? 'No recommendations from businesses you trust yet'
          : `Recommended by ${trustedCount} ${trustedCount === 1 ? 'business' : 'businesses'} you trust`}
      </h2>
      {trustedCount === 0 && (
        <p className="text-sm text-slate-600">
          Connect with businesses you trust under Colleagues: their recommendations show here.
        </p>
      )}
      {trusted.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {trusted.map((r) => (
            <RecommendationItem key={r.id} r={r} timeZone={tz} />
          ))}
        </ul>
      )}
      {own && (
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Your business’s recommendation</h3>
          <ul>
            <RecommendationItem r={own} timeZone={tz} />
          </ul>
        </div>
      )}
      {canRecommend && (
        <OwnRecommendation
          key={own?.id ?? 'none'}
          businessId={businessId}
          userId={userId}
          own={own}
        />
      )}
    </section>
  );
}
