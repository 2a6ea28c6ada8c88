import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { scalingCaution } from '../../../core/audit.ts';
import type { AuditSummary } from '../../../core/contracts/audit.ts';
import { EmptyState } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { formatHours } from './audit-format.ts';

const TICK = { fill: '#475569', fontSize: 12 };
const compact = new Intl.NumberFormat(undefined, { notation: 'compact' });
/** Axis ticks: `12 h`, `1.5K h` — short enough not to wrap. */
const hoursTick = (v: number) => `${compact.format(v)} h`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Beyond this many candidates the Pareto chart groups the tail into one bar. */
const PARETO_BARS = 12;

/**
 * A chart with its text alternative: the drawing is hidden from assistive technology (it has
 * nothing a screen reader can use) and the same numbers are in a visually hidden table.
 */
function Figure({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  summary: string;
  table: { head: string[]; rows: (string | number)[][] };
  children: ReactNode;
}) {
  return (
    <figure className="min-w-0">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      <p className="text-xs text-slate-600">{summary}</p>
      <div aria-hidden="true" className="mt-2">
        {children}
      </div>
      {/* sr-only on the wrapper: a table ignores the 1px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function HoursByCategoryChart({ data }: { data: AuditSummary['hoursByCategory'] }) {
  const rows = [...data].sort((a, b) => b.hours - a.hours);
  const top = rows[0];
  return (
    <Figure
      title="Hours logged by category"
      summary={
        !top
          ? ''
          : top.kind === 'uncategorised'
            ? `Most of the time logged has no category yet (${formatHours(top.hours)}); give those tasks a category to price them.`
            : top.kind === 'core'
              ? `Most of your time goes to your core work (${formatHours(top.hours)}), which stays yours.`
              : `Most of your time goes to ${top.name} (${formatHours(top.hours)}).`
      }
      table={{ head: ['Category', 'Hours'], rows: rows.map((r) => [r.name, formatHours(r.hours)]) }}
    >
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 36 + 40)}>
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ left: 8, right: 16 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tick={TICK} tickFormatter={hoursTick} allowDecimals={false} />
          <YAxis
            type="category"
            dataKey="name"
            width={150}
            tick={TICK}
            tickFormatter={(v: string) => clip(v, 22)}
          />
          <Tooltip formatter={(v) => formatHours(Number(v))} cursor={{ fill: '#f1f5f9' }} />
          <Bar
            isAnimationActive={false}
            dataKey="hours"
            name="Hours"
            fill="#0f766e"
            radius={[0, 4, 4, 0]}
          >
            {/* Core work is not for handing off: shown, but not in the colour of what could be. */}
            {rows.map((r) => (
              <Cell
                key={`${r.kind}-${r.category ?? ''}`}
                fill={r.kind === 'core' ? '#94a3b8' : '#0f766e'}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** Candidates by monthly hours, largest first, with the cumulative share of all their hours. */
export function ParetoChart({ candidates }: { candidates: AuditSummary['candidates'] }) {
  const sorted = [...candidates].sort((a, b) => b.monthlyHours - a.monthlyHours);
  const head = sorted.slice(0, PARETO_BARS).map((c) => ({ name: c.name, hours: c.monthlyHours }));
  const tail = sorted.slice(PARETO_BARS);
  if (tail.length > 0)
    head.push({
      name: `${tail.length} more`,
      hours: tail.reduce((s, c) => s + c.monthlyHours, 0),
    });
  const total = head.reduce((s, d) => s + d.hours, 0) || 1;
  let running = 0;
  const data = head.map((d) => {
    running += d.hours;
    return {
      ...d,
      hours: Math.round(d.hours * 10) / 10,
      cumulative: Math.round((running / total) * 100),
    };
  });
  const eighty = data.findIndex((d) => d.cumulative >= 80) + 1;
  return (
    <Figure
      title="Pareto of candidates"
      summary={
        eighty > 0
          ? `The top ${eighty} of ${data.length} take 80 % of the hours you could hand off.`
          : ''
      }
      table={{
        head: ['Task', 'Hours a month', 'Cumulative share'],
        rows: data.map((d) => [d.name, formatHours(d.hours), `${d.cumulative} %`]),
      }}
    >
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart
          data={data}
          // The first name is rotated to the left of its bar: the left margin keeps it on screen.
          margin={{ top: 8, right: 8, bottom: 8, left: 48 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="name"
            tick={TICK}
            interval={0}
            angle={-35}
            textAnchor="end"
            height={84}
            tickFormatter={(v: string) => clip(v, 12)}
          />
          <YAxis yAxisId="h" tick={TICK} tickFormatter={hoursTick} width={52} />
          <YAxis
            yAxisId="pct"
            orientation="right"
            domain={[0, 100]}
            tick={TICK}
            unit="%"
            width={44}
          />
          <Tooltip
            formatter={(v, name) =>
              name === 'Cumulative' ? `${String(v)} %` : formatHours(Number(v))
            }
            cursor={{ fill: '#f1f5f9' }}
          />
          <Bar
            isAnimationActive={false}
            yAxisId="h"
            dataKey="hours"
            name="Hours a month"
            fill="#0f766e"
            radius={[4, 4, 0, 0]}
          />
          <Line
            isAnimationActive={false}
            yAxisId="pct"
            dataKey="cumulative"
            name="Cumulative"
            stroke="#b45309"
            strokeWidth={2}
            dot={{ r: 3, fill: '#b45309' }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </Figure>
  );
}

export function ChartsCard({ summary }: { summary: AuditSummary }) {
  const empty = summary.hoursByCategory.length === 0 && summary.candidates.length === 0;
  const caution = scalingCaution(summary.progress.daysCovered);
  return (
    <Card title="Where your time goes">
      {caution && !empty && (
        <p className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {caution}
        </p>
      )}
      {empty ? (
        <EmptyState title="No charts yet">Charts appear once you have logged some work.</EmptyState>
      ) : (
        <div className="grid gap-8 lg:grid-cols-2">
          <HoursByCategoryChart data={summary.hoursByCategory} />
          {summary.candidates.length > 0 ? (
            <ParetoChart candidates={summary.candidates} />
          ) : (
            <p className="text-sm text-slate-600">
              The Pareto chart appears once a task is a candidate (anything not core).
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
