import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { ShortlistBid } from '../../../core/contracts/shortlist.ts';
import { formatMoney } from '../../../core/money.ts';
import { roleCan } from '../../../core/roles.ts';
import {
  DEFAULT_WEIGHTS,
  scoreBids,
  type ShortlistWeights,
} from '../../../core/shortlist-score.ts';
import { errorMessage } from '../../api.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { BidCard } from './bid-card.tsx';
import { DeclineDialog } from './decline-dialog.tsx';
import { signalsOf } from './score-view.ts';
import {
  useDeclineBid,
  useHideBid,
  useSaveSettings,
  useShortlist,
  useShortlistBid,
} from './shortlist-queries.ts';
import { WeightsPanel } from './weights-panel.tsx';

const FILTERS = [
  { value: 'all', label: 'All', test: (b: ShortlistBid) => !b.hidden },
  {
    value: 'shortlisted',
    label: 'Shortlisted',
    test: (b: ShortlistBid) => b.status === 'shortlisted',
  },
  { value: 'declined', label: 'Declined', test: (b: ShortlistBid) => b.status === 'declined' },
  { value: 'hidden', label: 'Hidden', test: (b: ShortlistBid) => b.hidden },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

const MAX_COMPARE = 5;

/**
 * A job's bids for its business, best first by the owner's weights. Moving a slider re-ranks
 * the list in the browser with the same score the server uses; Save keeps the weights.
 */
export function BidsPage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/bids',
  });
  const me = useMe();
  const business = useBusiness(businessId);
  const list = useShortlist(businessId, jobId);
  const save = useSaveSettings(businessId, jobId);
  const shortlist = useShortlistBid(businessId, jobId);
  const decline = useDeclineBid(businessId, jobId);
  const hide = useHideBid(businessId, jobId);
  const navigate = useNavigate();

  // The sliders' weights and cap while being moved; null means "as saved".
  const [draft, setDraft] = useState<{ weights: ShortlistWeights; cap: number } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const [declining, setDeclining] = useState<ShortlistBid | null>(null);
  // Phones only: the weights panel is shut until asked for, so the bids come first.
  const [weightsOpen, setWeightsOpen] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  const data = list.data;
  const weights = draft?.weights ?? data?.settings.weights;
  const cap = draft?.cap ?? data?.settings.cap ?? 3;
  const ranked = useMemo(() => {
    if (!data || !weights) return null;
    return scoreBids(data.bids.map(signalsOf), weights, { budgetUsd: data.job.budgetUsd });
  }, [data, weights]);

  if (business.isError || list.isError)
    return (
      <Alert>
        {errorMessage(business.error ?? list.error)}{' '}
        <Link to="/app/businesses/$businessId/jobs" params={{ businessId }} className="underline">
          Back to the jobs
        </Link>
      </Alert>
    );
  if (business.isPending || list.isPending || !me.data || !data || !ranked || !weights)
    return <Loading what="Loading the bids" />;

  const canManage = roleCan(business.data.myRole, 'bids.manage');
  const timeZone = me.data.user.timeZone;
  const byId = new Map(data.bids.map((b) => [b.id, b]));
  const test = FILTERS.find((f) => f.value === filter)!.test;
  const rows = ranked.ranked
    .map((scored, i) => ({ scored, bid: byId.get(scored.bidId)!, rank: i + 1 }))
    .filter((r) => test(r.bid));
  const shortlisted = data.bids.filter((b) => b.status === 'shortlisted').length;
  const count = (f: (typeof FILTERS)[number]) => data.bids.filter(f.test).length;
  const dirty =
    draft !== null &&
    (draft.cap !== data.settings.cap ||
      Object.entries(draft.weights).some(
        ([k, v]) => data.settings.weights[k as keyof ShortlistWeights] !== v,
      ));

  const act = (p: Promise<unknown>) => {
    setActionError(null);
    p.catch((e: unknown) => setActionError(e));
  };

  return (
    <>
      <PageHeader
        title={`Bids on “${data.job.title}”`}
        description={
          <>
            {data.bids.length} {data.bids.length === 1 ? 'bid' : 'bids'} · {shortlisted} of {cap}{' '}
            shortlisted
            {data.medianUsd !== null &&
              ` · median bid ${formatMoney({ amount: Math.round(data.medianUsd), currency: 'USD' })}`}
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <Button
              disabled={selected.length < 2}
              onClick={() =>
                void navigate({
                  to: '/app/businesses/$businessId/jobs/$jobId/compare',
                  params: { businessId, jobId },
                  search: { bids: selected.join(',') },
                })
              }
            >
              Compare {selected.length > 0 ? `${selected.length} ` : ''}selected
            </Button>
            <Link
              to="/app/businesses/$businessId/decline-templates"
              params={{ businessId }}
              className="rounded-md px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Decline templates
            </Link>
          </div>
        }
      />
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start lg:gap-6">
        {/* On a phone the bids come first; the weights open from here, above the list. */}
        <button
          type="button"
          className="mb-4 inline-flex items-center gap-1 rounded-md px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 lg:hidden"
          aria-expanded={weightsOpen}
          aria-controls="shortlist-weights"
          onClick={() => setWeightsOpen((open) => !open)}
        >
          {weightsOpen ? 'Hide the weights' : 'Adjust what matters (weights)'}
        </button>
        <aside
          id="shortlist-weights"
          className={`mb-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:sticky lg:top-6 lg:col-start-2 lg:row-start-1 lg:mb-0 lg:block ${weightsOpen ? '' : 'hidden'}`}
        >
          <WeightsPanel
            weights={weights}
            cap={cap}
            notInPlay={ranked.notInPlay}
            canSave={canManage}
            dirty={dirty}
            saving={save.isPending}
            error={save.error}
            onChange={(w) => setDraft({ weights: w, cap })}
            onCap={(c) => setDraft({ weights, cap: c })}
            onSave={() => save.mutate({ weights, cap }, { onSuccess: () => setDraft(null) })}
            onReset={() =>
              setDraft({
                weights: { ...DEFAULT_WEIGHTS },
                cap,
              })
            }
          />
        </aside>
        <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-start-1">
          <fieldset>
            <legend className="sr-only">Show</legend>
            <div className="flex flex-wrap gap-2">
              {FILTERS.map((f) => (
                <label
                  key={f.value}
                  className="cursor-pointer rounded-full px-3 py-1 text-sm ring-1 ring-slate-300 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700"
                >
                  <input
                    type="radio"
                    name="bid-filter"
                    value={f.value}
                    checked={filter === f.value}
                    onChange={() => setFilter(f.value)}
                    className="sr-only"
                  />
                  {f.label} ({count(f)})
                </label>
              ))}
            </div>
          </fieldset>
          {selected.length > 0 && (
            <p className="text-sm text-slate-600" aria-live="polite">
              {selected.length} selected to compare (2 to {MAX_COMPARE}).
            </p>
          )}
          {actionError !== null && <Alert>{errorMessage(actionError)}</Alert>}
          {rows.length === 0 ? (
            <EmptyState title={data.bids.length === 0 ? 'No bids yet' : 'No bids here'}>
              {data.bids.length === 0
                ? 'Bids appear here as professionals send them. Invite professionals to the job from its editor to get bids sooner.'
                : 'Choose “All” to see the other bids.'}
            </EmptyState>
          ) : (
            <ol className="space-y-3" aria-label="Bids, best score first">
              {rows.map(({ bid, scored, rank }) => (
                <BidCard
                  key={bid.id}
                  rank={rank}
                  bid={bid}
                  scored={scored}
                  businessId={businessId}
                  jobId={jobId}
                  timeZone={timeZone}
                  canManage={canManage}
                  selected={selected.includes(bid.id)}
                  selectable={selected.length < MAX_COMPARE}
                  busy={shortlist.isPending && shortlist.variables?.bidId === bid.id}
                  onSelect={(on) =>
                    setSelected((s) => (on ? [...s, bid.id] : s.filter((id) => id !== bid.id)))
                  }
                  onShortlist={(on) => act(shortlist.mutateAsync({ bidId: bid.id, on }))}
                  onDecline={() => {
                    decline.reset();
                    setDeclining(bid);
                  }}
                  onHide={(hidden) => act(hide.mutateAsync({ bidId: bid.id, hidden }))}
                />
              ))}
            </ol>
          )}
        </div>
      </div>
      <DeclineDialog
        businessId={businessId}
        professionalName={declining?.professional.name ?? ''}
        open={declining !== null}
        busy={decline.isPending}
        error={decline.error}
        onCancel={() => setDeclining(null)}
        onConfirm={(message) =>
          declining &&
          decline.mutate({ bidId: declining.id, message }, { onSuccess: () => setDeclining(null) })
        }
      />
    </>
  );
}
