import { Link, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { CompareBid } from '../../../core/contracts/shortlist.ts';
import { formatMoney } from '../../../core/money.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime, formatDay } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { NDA_WORDS, overlapText, ratingText, termsText } from './score-view.ts';
import { useComparison } from './shortlist-queries.ts';

/** A row of the comparison: its heading sticks to the left as the table scrolls on a phone. */
function Row({
  label,
  bids,
  cell,
}: {
  label: string;
  bids: CompareBid[];
  cell: (b: CompareBid) => ReactNode;
}) {
  return (
    <tr className="align-top">
      <th
        scope="row"
        className="sticky left-0 z-10 w-36 border-b border-slate-100 bg-white py-2 pr-3 text-left text-xs font-semibold text-slate-600 uppercase"
      >
        {label}
      </th>
      {bids.map((b) => (
        <td
          key={b.id}
          className="min-w-52 border-b border-slate-100 py-2 pr-4 text-sm text-slate-800"
        >
          {cell(b)}
        </td>
      ))}
    </tr>
  );
}

const dash = <span className="text-slate-600">—</span>;

/** 2–5 bids side by side: terms, signals, answers, milestones, trials and interviews. */
export function ComparePage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/compare',
  });
  const { bids: ids = '' } = useSearch({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/compare',
  });
  const me = useMe();
  const comparison = useComparison(businessId, jobId, ids);
  const back = (
    <Link
      to="/app/businesses/$businessId/jobs/$jobId/bids"
      params={{ businessId, jobId }}
      className="text-brand-700 underline"
    >
      Back to the bids
    </Link>
  );
  if (comparison.isError)
    return (
      <Alert>
        {errorMessage(comparison.error)} {back}
      </Alert>
    );
  if (comparison.isPending || !me.data) return <Loading what="Loading the comparison" />;
  const { job, bids } = comparison.data;
  const tz = me.data.user.timeZone;
  const questions = [...new Set(bids.flatMap((b) => b.answers.map((a) => a.question)))];

  return (
    <>
      <div className="mb-3 text-sm">{back}</div>
      <PageHeader
        title={`Comparing ${bids.length} bids`}
        description={`On “${job.title}”. Scores use your saved weights.`}
      />
      <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-left">
          <caption className="sr-only">The chosen bids side by side</caption>
          <thead>
            <tr>
              <td className="sticky left-0 z-10 bg-white" />
              {bids.map((b) => (
                <th
                  key={b.id}
                  scope="col"
                  className="border-b border-slate-200 py-2 pr-4 text-base font-semibold text-slate-900"
                >
                  {b.professional.name}
                  <span className="block text-sm font-normal text-slate-600">
                    Score {b.score.toFixed(1)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label="Terms" bids={bids} cell={(b) => termsText(b)} />
            <Row
              label="Duration"
              bids={bids}
              cell={(b) => (b.terms.durationDays === null ? dash : `${b.terms.durationDays} days`)}
            />
            <Row
              label="Against budget"
              bids={bids}
              cell={(b) =>
                b.signals.price.vsBudgetPercent === null
                  ? dash
                  : `${b.signals.price.vsBudgetPercent} %`
              }
            />
            <Row
              label="Against median"
              bids={bids}
              cell={(b) =>
                b.signals.price.vsMedianPercent === null
                  ? dash
                  : `${b.signals.price.vsMedianPercent} %`
              }
            />
            <Row label="Feedback" bids={bids} cell={(b) => ratingText(b)} />
            <Row
              label="Skill match"
              bids={bids}
              cell={(b) =>
                `${b.signals.skillMatch.matched} of ${b.signals.skillMatch.of}${
                  b.signals.skillMatch.skills.length
                    ? `: ${b.signals.skillMatch.skills.join(', ')}`
                    : ''
                }`
              }
            />
            <Row
              label="Experience"
              bids={bids}
              cell={(b) =>
                b.signals.yearsExperience === null ? dash : `${b.signals.yearsExperience} years`
              }
            />
            <Row
              label="Time zone"
              bids={bids}
              cell={(b) => overlapText(b.signals.overlapMinutes)}
            />
            <Row label="NDA" bids={bids} cell={(b) => NDA_WORDS[b.signals.nda]} />
            <Row
              label="Milestones"
              bids={bids}
              cell={(b) =>
                b.milestones.length === 0 ? (
                  dash
                ) : (
                  <ol className="list-decimal space-y-1 pl-4">
                    {b.milestones.map((m, i) => (
                      <li key={i}>
                        {m.title}: {formatMoney({ amount: m.amount, currency: b.terms.currency })}
                        {m.dueDate && `, due ${formatDay(m.dueDate)}`}
                      </li>
                    ))}
                  </ol>
                )
              }
            />
            {questions.map((q) => (
              <Row
                key={q}
                label={q}
                bids={bids}
                cell={(b) => b.answers.find((a) => a.question === q)?.answer ?? dash}
              />
            ))}
            <Row
              label="Trials"
              bids={bids}
              cell={(b) =>
                b.trials.length === 0
                  ? dash
                  : b.trials.map((t, i) => (
                      <p key={i}>
                        {t.title}: {t.score === null ? t.status : `${t.score.toFixed(0)} of 100`}
                        {t.late && ' (late)'}
                      </p>
                    ))
              }
            />
            <Row
              label="Interviews"
              bids={bids}
              cell={(b) =>
                b.interviews.length === 0
                  ? dash
                  : b.interviews.map((iv, i) => (
                      <p key={i}>
                        {iv.startsAt ? formatDateTime(iv.startsAt, tz) : iv.status}
                        {iv.score !== null && ` · scored ${iv.score} of 5`}
                      </p>
                    ))
              }
            />
            <Row
              label="Why the score"
              bids={bids}
              cell={(b) => (
                <ul className="space-y-1 text-xs">
                  {b.parts.map((p) => (
                    <li key={p.part}>{p.explanation}</li>
                  ))}
                </ul>
              )}
            />
            <Row
              label="Cover letter"
              bids={bids}
              cell={(b) => <p className="text-sm whitespace-pre-line">{b.coverLetter || '—'}</p>}
            />
          </tbody>
        </table>
      </div>
    </>
  );
}
