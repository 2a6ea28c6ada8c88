/**
 * The owner's dashboard (and the professional's mirror): each running contract's health with
 * its reasons, hours this week against the cap, budget spent against the total, the last report,
 * and two small charts — hours per week and budget burn over eight weeks. The charts are plain
 * SVG with a text summary as their accessible name and the numbers in a table under "Numbers".
 */
import { Link } from '@tanstack/react-router';
import { reasonText, type ReasonFormat } from '../../../core/contract-health.ts';
import type { Dashboard, DashboardContract } from '../../../core/contracts/reports.ts';
import { formatMoney } from '../../../core/money.ts';
import { formatDate, formatDay } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';
import { Card } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';

const HEALTH: Record<DashboardContract['health'], { label: string; tone: BadgeTone }> = {
  on_track: { label: 'On track', tone: 'success' },
  at_risk: { label: 'At risk', tone: 'warning' },
  late: { label: 'Late', tone: 'danger' },
};

/** Reasons read with the viewer's dates and money ("Dec 3, 2026"), like the rest of the card. */
const VIEWER_FORMAT: ReasonFormat = {
  day: (date) => formatDay(date),
  money: (m) => formatMoney(m),
};

const W = 240;
const H = 72;
const hours = (n: number) => `${Math.round(n * 10) / 10} h`;

function HoursChart({ c }: { c: DashboardContract }) {
  const top = Math.max(c.weeklyCapHours ?? 0, ...c.weeks.map((w) => w.hours), 1);
  const bar = W / c.weeks.length;
  const y = (v: number) => H - (v / top) * (H - 4);
  const total = c.weeks.reduce((s, w) => s + w.hours, 0);
  const summary = `Hours per week, last ${c.weeks.length} weeks: ${hours(total)} in all, ${hours(c.weeks.at(-1)?.hours ?? 0)} this week${c.weeklyCapHours ? ` of a ${hours(c.weeklyCapHours)} cap` : ''}.`;
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs font-medium text-slate-700">Hours per week</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="h-18 w-full"
        role="img"
        aria-label={summary}
      >
        {c.weeks.map((w, i) => (
          <rect
            key={w.weekStart}
            x={i * bar + 2}
            y={y(w.hours)}
            width={bar - 4}
            height={H - y(w.hours)}
            className={
              c.weeklyCapHours && w.hours > c.weeklyCapHours ? 'fill-red-600' : 'fill-brand-600'
            }
          />
        ))}
        {c.weeklyCapHours ? (
          <line
            x1={0}
            x2={W}
            y1={y(c.weeklyCapHours)}
            y2={y(c.weeklyCapHours)}
            strokeDasharray="4 3"
            vectorEffect="non-scaling-stroke"
            className="stroke-slate-500"
          />
        ) : null}
      </svg>
      <ChartFooter
        c={c}
        line={c.weeklyCapHours ? `the weekly cap, ${hours(c.weeklyCapHours)}` : null}
      />
    </figure>
  );
}

/** The span of weeks under a chart, and what its dashed line is. */
function ChartFooter({ c, line }: { c: DashboardContract; line: string | null }) {
  const first = c.weeks[0];
  return (
    <div className="mt-1 text-xs text-slate-600">
      {first && (
        // The summary and the table say the same; this only orients the eye.
        <div className="flex justify-between" aria-hidden="true">
          <span>Week of {formatDay(first.weekStart, 'short')}</span>
          <span>This week</span>
        </div>
      )}
      {line && <p>Dashed line: {line}</p>}
    </div>
  );
}

function BurnChart({ c }: { c: DashboardContract }) {
  const top = Math.max(c.budget ?? 0, ...c.weeks.map((w) => w.spentToDate), 1);
  const x = (i: number) => (i / Math.max(1, c.weeks.length - 1)) * (W - 4) + 2;
  const y = (v: number) => H - 2 - (v / top) * (H - 6);
  const money = (amount: number) => formatMoney({ amount, currency: c.currency });
  const summary = `Budget burn: ${money(c.spent)} spent${c.budget ? ` of ${money(c.budget)}` : ''} so far.`;
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs font-medium text-slate-700">Budget burn</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="h-18 w-full"
        role="img"
        aria-label={summary}
      >
        {c.budget ? (
          <line
            x1={0}
            x2={W}
            y1={y(c.budget)}
            y2={y(c.budget)}
            strokeDasharray="4 3"
            vectorEffect="non-scaling-stroke"
            className="stroke-slate-500"
          />
        ) : null}
        <polyline
          fill="none"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          className="stroke-brand-700"
          points={c.weeks.map((w, i) => `${x(i)},${y(w.spentToDate)}`).join(' ')}
        />
      </svg>
      <ChartFooter c={c} line={c.budget ? `the budget, ${money(c.budget)}` : null} />
    </figure>
  );
}

function Numbers({ c }: { c: DashboardContract }) {
  return (
    <details className="min-w-0 flex-1 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Numbers by week</summary>
      <table className="mt-2 w-full text-left text-xs tabular-nums sm:max-w-md [&_td]:py-0.5 [&_th]:py-0.5 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100">
        <caption className="sr-only">Hours and spending per week of {c.title}</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Hours</th>
            <th scope="col">Spent to date</th>
          </tr>
        </thead>
        <tbody>
          {c.weeks.map((w) => (
            <tr key={w.weekStart}>
              <td>{formatDay(w.weekStart, 'short')}</td>
              <td>{hours(w.hours)}</td>
              <td>{formatMoney({ amount: w.spentToDate, currency: c.currency })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function ContractCard({ c, other }: { c: DashboardContract; other: string }) {
  const me = useMe();
  const health = HEALTH[c.health];
  const money = (amount: number) => formatMoney({ amount, currency: c.currency });
  return (
    <li className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold">
            <Link
              to="/app/contracts/$contractId"
              params={{ contractId: c.id }}
              className="text-brand-700 underline"
            >
              {c.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-600">
            {other}
            {c.status === 'paused' && ' · paused'}
          </p>
        </div>
        <Badge tone={health.tone} srLabel="Health">
          {health.label}
        </Badge>
      </div>
      {c.reasons.length > 0 && (
        <ul
          className={`list-disc space-y-1 rounded-md py-2 pr-3 pl-8 text-sm text-slate-900 ring-1 ${c.health === 'late' ? 'bg-red-50 ring-red-200' : 'bg-amber-50 ring-amber-200'}`}
          aria-label="Why"
        >
          {c.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{reasonText(r, VIEWER_FORMAT)}</li>
          ))}
        </ul>
      )}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {c.termsType === 'hourly' && (
          <div>
            <dt className="text-slate-600">This week</dt>
            <dd className="font-medium">
              {hours(c.hoursThisWeek ?? 0)}
              {c.weeklyCapHours !== null && ` of ${hours(c.weeklyCapHours)}`}
            </dd>
          </div>
        )}
        <div>
          <dt className="text-slate-600">Spent</dt>
          <dd className="font-medium">
            {money(c.spent)}
            {c.budget !== null && ` of ${money(c.budget)}`}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Last report</dt>
          <dd className="font-medium">
            {c.lastReportAt ? formatDate(c.lastReportAt, me.data?.user.timeZone) : 'None yet'}
            {c.percentComplete !== null && ` · ${c.percentComplete}%`}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Next report due</dt>
          <dd className="font-medium">{c.nextReportDue ? formatDay(c.nextReportDue) : '—'}</dd>
        </div>
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        {c.termsType === 'hourly' && <HoursChart c={c} />}
        <BurnChart c={c} />
      </div>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <Numbers c={c} />
        <Link
          to="/app/contracts/$contractId/reports"
          params={{ contractId: c.id }}
          className="text-sm text-brand-700 underline"
        >
          Reports
        </Link>
      </div>
    </li>
  );
}

/** The running contracts of a dashboard, each as a card. */
export function ContractDashboard({
  query,
  side,
  empty,
}: {
  query: {
    data: Dashboard | undefined;
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  /** Whose dashboard: each card names the other party. */
  side: 'business' | 'professional';
  empty: { title: string; body: string };
}) {
  const items = query.data?.items ?? [];
  return (
    <Card title="Running contracts" description="Health, hours and budget at a glance.">
      <ListState query={query} count={items.length} loading="Loading the dashboard" empty={empty}>
        <ul className="space-y-4">
          {items.map((c) => (
            <ContractCard
              key={c.id}
              c={c}
              other={side === 'business' ? c.professional.name : c.business.name}
            />
          ))}
        </ul>
      </ListState>
    </Card>
  );
}
