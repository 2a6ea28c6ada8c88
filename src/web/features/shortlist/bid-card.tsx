import { useState } from 'react';
import type { ShortlistBid } from '../../../core/contracts/shortlist.ts';
import type { ScoredBid } from '../../../core/shortlist-score.ts';
import { formatDate } from '../../format.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { BidDetail } from './bid-detail.tsx';
import { NDA_WORDS, overlapText, ratingText, termsText } from './score-view.ts';

const STATUS: Record<ShortlistBid['status'], { label: string; tone: BadgeTone }> = {
  submitted: { label: 'Open', tone: 'neutral' },
  shortlisted: { label: 'Shortlisted', tone: 'success' },
  declined: { label: 'Declined', tone: 'danger' },
  withdrawn: { label: 'Withdrawn', tone: 'muted' },
  awarded: { label: 'Awarded', tone: 'success' },
  not_selected: { label: 'Not selected', tone: 'muted' },
};

/** One bid in the list: rank, score with its reasons, signals, actions. */
export function BidCard({
  rank,
  bid,
  scored,
  businessId,
  jobId,
  timeZone,
  canManage,
  selected,
  selectable,
  busy,
  onSelect,
  onShortlist,
  onDecline,
  onHide,
}: {
  rank: number;
  bid: ShortlistBid;
  scored: ScoredBid;
  businessId: string;
  jobId: string;
  timeZone: string;
  canManage: boolean;
  selected: boolean;
  selectable: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onShortlist: (on: boolean) => void;
  onDecline: () => void;
  onHide: (hidden: boolean) => void;
}) {
  const s = bid.signals;
  // The whole bid is fetched the first time it is opened, and kept after.
  const [opened, setOpened] = useState(false);
  const name = bid.professional.name;
  const open = bid.status === 'submitted' || bid.status === 'shortlisted';
  const jobPath = `/app/businesses/${businessId}/jobs/${jobId}`;
  return (
    <li
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-labelledby={`bid-${bid.id}-name`}
      data-testid="bid-card"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-3">
          <input
            type="checkbox"
            className="mt-1.5 size-4 accent-brand-700"
            checked={selected}
            disabled={!selected && !selectable}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={`Compare ${name}’s bid`}
          />
          <div className="min-w-0">
            <h3 id={`bid-${bid.id}-name`} className="font-semibold break-words text-slate-900">
              <span className="text-slate-600">#{rank} </span>
              {name}
            </h3>
            {bid.professional.headline && (
              <p className="text-sm text-slate-600">{bid.professional.headline}</p>
            )}
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={STATUS[bid.status].tone} srLabel="Status">
                {STATUS[bid.status].label}
              </Badge>
              {bid.hidden && <Badge tone="muted">Hidden</Badge>}
              <span className="text-slate-700">{termsText(bid)}</span>
              {bid.terms.durationDays !== null && (
                <span className="text-slate-600">in {bid.terms.durationDays} days</span>
              )}
            </div>
          </div>
        </div>
        <p className="text-right">
          <span className="text-2xl font-semibold text-slate-900 tabular-nums" data-testid="score">
            {scored.score.toFixed(1)}
          </span>
          <span className="block text-xs text-slate-600">score of 100</span>
        </p>
      </div>

      <ul className="mt-3 grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
        <li>{ratingText(bid)}</li>
        <li>
          Skill match {s.skillMatch.matched} of {s.skillMatch.of}
          {s.skillMatch.skills.length > 0 && `: ${s.skillMatch.skills.join(', ')}`}
        </li>
        <li>
          {s.yearsExperience === null
            ? 'Experience not given'
            : `${s.yearsExperience} years’ experience`}
          {s.completedJobs > 0 && ` · ${s.completedJobs} jobs done`}
        </li>
        <li>
          {s.price.vsBudgetPercent !== null && `${s.price.vsBudgetPercent} % of the budget`}
          {s.price.vsBudgetPercent !== null && s.price.vsMedianPercent !== null && ' · '}
          {s.price.vsMedianPercent !== null && `${s.price.vsMedianPercent} % of the median bid`}
        </li>
        <li>{overlapText(s.overlapMinutes)}</li>
        <li>{NDA_WORDS[s.nda]}</li>
        {s.trialScore !== null && <li>Trial {s.trialScore.toFixed(0)} of 100</li>}
        {s.interviewScore !== null && <li>Interview {s.interviewScore.toFixed(1)} of 5</li>}
        {s.highlights.roles.length > 0 && (
          <li className="sm:col-span-2">
            {s.highlights.roles
              .map((r) => `${r.role} at ${r.company}${r.current ? ' (now)' : ''}`)
              .join(' · ')}
          </li>
        )}
        {s.highlights.certifications.length > 0 && (
          <li className="sm:col-span-2">Certified: {s.highlights.certifications.join(', ')}</li>
        )}
        <li className="text-slate-600">Bid on {formatDate(bid.createdAt, timeZone)}</li>
      </ul>

      {bid.coverLetterExcerpt && (
        <p className="mt-3 text-sm text-slate-700" data-testid="letter-excerpt">
          “{bid.coverLetterExcerpt}”
        </p>
      )}
      <details
        className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm"
        onToggle={(e) => setOpened(opened || e.currentTarget.open)}
      >
        <summary className="cursor-pointer font-medium text-slate-800">
          Read the whole bid<span className="sr-only"> from {name}</span>
        </summary>
        {opened && <BidDetail businessId={businessId} jobId={jobId} bidId={bid.id} />}
      </details>

      <details className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">
          Why {scored.score.toFixed(1)}?
        </summary>
        <ul className="mt-2 space-y-1 text-slate-700" data-testid="reasons">
          {scored.parts.map((p) => (
            <li key={p.part}>{p.explanation}</li>
          ))}
        </ul>
      </details>

      {bid.status === 'shortlisted' && (
        <nav
          aria-label={`Next steps with ${name}`}
          className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm"
        >
          <a className="text-brand-700 underline" href={`${jobPath}/bids/${bid.id}/interview`}>
            Propose interview
          </a>
          <a className="text-brand-700 underline" href={`${jobPath}/trials`}>
            Trials
          </a>
          <a className="text-brand-700 underline" href={`${jobPath}/ndas`}>
            NDA
          </a>
          <a className="text-brand-700 underline" href={`${jobPath}/bids/${bid.id}/award`}>
            Award…
          </a>
        </nav>
      )}

      {canManage && (
        <div className="mt-3 flex flex-wrap gap-2">
          {bid.status === 'submitted' && (
            <Button onClick={() => onShortlist(true)} busy={busy}>
              Shortlist<span className="sr-only"> {name}</span>
            </Button>
          )}
          {bid.status === 'shortlisted' && (
            <Button variant="secondary" onClick={() => onShortlist(false)} busy={busy}>
              Take off the shortlist<span className="sr-only"> ({name})</span>
            </Button>
          )}
          {open && (
            <Button variant="danger" onClick={onDecline}>
              Decline…<span className="sr-only"> {name}’s bid</span>
            </Button>
          )}
          {bid.status !== 'shortlisted' && (
            <Button variant="ghost" onClick={() => onHide(!bid.hidden)}>
              {bid.hidden ? 'Show again' : 'Hide'}
              <span className="sr-only"> {name}’s bid</span>
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
