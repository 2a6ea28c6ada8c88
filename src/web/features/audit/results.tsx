import { Check, Send } from 'lucide-react';
import type { AuditSummary, CandidateView } from '../../../core/contracts/audit.ts';
import { NATURE_LABELS, scalingCaution } from '../../../core/audit.ts';
import { formatMoney, type Money } from '../../../core/money.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { formatEstimate, formatHours } from './audit-format.ts';
import { PartsLegend, ScoreParts } from './score-parts.tsx';
import { useHandOff, useJobDrafts } from './audit-queries.ts';

function Saving({ saving }: { saving: Money | null }) {
  if (!saving) return <span className="text-slate-600">—</span>;
  if (saving.amount < 0)
    return (
      <span className="text-slate-700">
        {formatEstimate({ ...saving, amount: -saving.amount })}
        <span className="block text-xs text-slate-600">more than you</span>
      </span>
    );
  return <span className="font-semibold text-emerald-800">{formatEstimate(saving)}</span>;
}

function MarketCost({ c, onSetCategory }: { c: CandidateView; onSetCategory?: () => void }) {
  if (!c.marketCost)
    return (
      <span className="text-slate-600">
        —
        {onSetCategory ? (
          <button
            type="button"
            onClick={onSetCategory}
            className="block text-left text-xs text-brand-700 underline"
          >
            set a category
          </button>
        ) : (
          <span className="block text-xs">no category</span>
        )}
      </span>
    );
  return (
    <span>
      {formatEstimate(c.marketCost)}
      {c.marketRate && (
        <span className="block text-xs text-slate-600">at {formatMoney(c.marketRate)}/h</span>
      )}
    </span>
  );
}

const describe = (c: CandidateView) =>
  [c.categoryName ?? 'No category', c.nature ? NATURE_LABELS[c.nature] : 'nature not set'].join(
    ' · ',
  );

/** Sums amounts of one currency; null if there is nothing to sum or currencies differ. */
function sum(amounts: Money[]): Money | null {
  const first = amounts[0];
  if (!first || amounts.some((m) => m.currency !== first.currency)) return null;
  return { amount: amounts.reduce((s, m) => s + m.amount, 0), currency: first.currency };
}

/**
 * The ranked outsourcing candidates: score with its parts, monthly hours, what the owner's
 * own time costs against the market, the saving — and "Hand this off" to draft a job.
 */
export function CandidatesCard({
  businessId,
  summary,
  onSetCategory,
}: {
  businessId: string;
  summary: AuditSummary;
  onSetCategory?: () => void;
}) {
  const auditId = summary.audit.id;
  const drafts = useJobDrafts(businessId);
  const handOff = useHandOff(businessId, auditId);
  const drafted = new Set(
    (drafts.data?.items ?? []).filter((d) => d.auditId === auditId).map((d) => d.taskId),
  );
  const { candidates, coreTasks } = summary;
  const caution = scalingCaution(summary.progress.daysCovered);
  const worth = candidates.filter((c) => c.saving && c.saving.amount > 0);
  const worthHours = worth.reduce((s, c) => s + c.monthlyHours, 0);
  const worthSaving = sum(worth.map((c) => c.saving!));

  const action = (c: CandidateView) =>
    drafted.has(c.taskId) ? (
      <span className="inline-flex items-center gap-1 text-sm font-medium text-emerald-800">
        <Check size={15} aria-hidden /> Drafted
      </span>
    ) : (
      <Button
        variant="secondary"
        className="!px-3 !py-1.5 whitespace-nowrap"
        busy={handOff.isPending && handOff.variables === c.taskId}
        aria-label={`Hand this off: ${c.name}`}
        onClick={() => handOff.mutate(c.taskId)}
      >
        <Send size={14} aria-hidden /> Hand this off
      </Button>
    );

  return (
    <Card
      title="What to hand off"
      description="Every task you logged that is not core, best candidate first. Monthly figures are scaled from the days you covered."
    >
      {caution && candidates.length > 0 && <Alert tone="warning">{caution}</Alert>}
      {handOff.isError && <Alert>{errorMessage(handOff.error)}</Alert>}
      {handOff.isSuccess && (
        <Alert tone="success">
          Job draft “{handOff.data.title}” created — find it under Job drafts below.
        </Alert>
      )}
      {candidates.length === 0 ? (
        <EmptyState title="No candidates yet">
          Log some work and classify its tasks; everything that is not core gets a score here.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {worth.length > 0 && worthSaving && (
            <p className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
              Handing off {worth.length === 1 ? 'the one task' : `the ${worth.length} tasks`} that
              cost more to do yourself than to buy would free about{' '}
              <strong>{formatHours(worthHours)} a month</strong> and save about{' '}
              <strong>{formatEstimate(worthSaving)} a month</strong>.
            </p>
          )}
          <PartsLegend />
          <ol className="space-y-3 md:hidden">
            {candidates.map((c, i) => (
              <li key={c.taskId} className="rounded-md p-3 ring-1 ring-slate-200">
                <p className="font-medium text-slate-900">
                  {i + 1}. {c.name}
                </p>
                <p className="text-xs text-slate-600">{describe(c)}</p>
                <div className="mt-2">
                  <ScoreParts candidate={c} />
                </div>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                  <dt className="text-slate-600">Hours a month</dt>
                  <dd className="tabular-nums">{formatHours(c.monthlyHours)}</dd>
                  <dt className="text-slate-600">Your cost</dt>
                  <dd className="tabular-nums">{formatEstimate(c.ownerCost)}</dd>
                  <dt className="text-slate-600">Market cost</dt>
                  <dd className="tabular-nums">
                    <MarketCost c={c} onSetCategory={onSetCategory} />
                  </dd>
                  <dt className="text-slate-600">Saving</dt>
                  <dd className="tabular-nums">
                    <Saving saving={c.saving} />
                  </dd>
                </dl>
                <div className="mt-3">{action(c)}</div>
              </li>
            ))}
          </ol>
          <div
            className="hidden overflow-x-auto md:block"
            role="region"
            aria-label="Outsourcing candidates"
            tabIndex={0}
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Outsourcing candidates, best first</caption>
              <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Task
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Score
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    Hours / month
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    Your cost
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    Market cost
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    Saving
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {candidates.map((c, i) => (
                  <tr key={c.taskId}>
                    <th scope="row" className="py-3 pr-3 text-left font-normal">
                      <span className="font-medium break-words text-slate-900">
                        {i + 1}. {c.name}
                      </span>
                      <span className="block text-xs text-slate-600">{describe(c)}</span>
                    </th>
                    <td className="py-3 pr-3">
                      <ScoreParts candidate={c} />
                    </td>
                    <td className="py-3 pr-3 text-right tabular-nums">
                      {formatHours(c.monthlyHours)}
                    </td>
                    <td className="py-3 pr-3 text-right tabular-nums">
                      {formatEstimate(c.ownerCost)}
                    </td>
                    <td className="py-3 pr-3 text-right tabular-nums">
                      <MarketCost c={c} onSetCategory={onSetCategory} />
                    </td>
                    <td className="py-3 pr-3 text-right tabular-nums">
                      <Saving saving={c.saving} />
                    </td>
                    <td className="py-3 pr-1.5 text-right">{action(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {coreTasks.length > 0 && (
        <p className="mt-4 text-sm text-slate-600">
          Kept for you (core, never suggested):{' '}
          {coreTasks.map((t) => `${t.name} (${formatHours(t.monthlyHours)}/month)`).join(', ')}.
        </p>
      )}
    </Card>
  );
}
