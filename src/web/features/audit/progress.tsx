import type { AuditSummary } from '../../../core/contracts/audit.ts';
import { Card } from '../../ui/layout.tsx';
import { formatHours, plural } from './audit-format.ts';
import { formatDay } from '../../format.ts';
import { daysBetween } from '../../../core/audit.ts';

/** A bar with a real progressbar role, so assistive technology reads the value. */
export function ProgressBar({
  value,
  max,
  label,
  valueText,
}: {
  value: number;
  max: number;
  label: string;
  valueText?: string;
}) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.round(value)}
      aria-valuetext={valueText}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className="h-full rounded-full bg-brand-700 transition-[width] duration-300"
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}

const NUDGE_DAYS = 5;

/**
 * How far the audit has come — days covered, hours logged, days left — and a nudge naming the
 * latest days with nothing logged; pressing one sets the quick-add date to it.
 */
export function ProgressCard({
  summary,
  today,
  onPickDay,
}: {
  summary: AuditSummary;
  today: string;
  onPickDay?: (date: string) => void;
}) {
  const { audit, progress } = summary;
  const daysLeft = Math.max(0, daysBetween(today, audit.periodEnd) + 1);
  const ended = today > audit.periodEnd;
  const notStarted = today < audit.periodStart;
  // Today is still under way; only finished days count as missed.
  const missing = progress.missingDays.filter((d) => d !== today);
  const shown = missing.slice(0, NUDGE_DAYS);

  return (
    <Card>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end sm:gap-8">
        <div className="col-span-2 sm:col-span-1">
          <p className="text-sm font-medium text-slate-800">
            {progress.daysCovered} of {progress.periodDays} days covered
          </p>
          <div className="mt-2">
            <ProgressBar
              label="Days covered"
              value={progress.daysCovered}
              max={progress.periodDays}
              valueText={`${progress.daysCovered} of ${progress.periodDays} days`}
            />
          </div>
          <p className="mt-1.5 text-xs text-slate-600">
            {formatDay(audit.periodStart)} – {formatDay(audit.periodEnd)}
          </p>
        </div>
        <Stat label="Hours logged" value={formatHours(progress.hoursLogged)} />
        {audit.status === 'closed' ? (
          <Stat label="Status" value="Closed" />
        ) : (
          <Stat
            label={ended ? 'Period' : notStarted ? 'Starts' : 'Days left'}
            value={ended ? 'Ended' : notStarted ? formatDay(audit.periodStart, 'short') : daysLeft}
          />
        )}
      </div>
      {onPickDay && !ended && missing.length > 0 && (
        <div className="mt-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p>
            {missing.length === 1
              ? 'One day so far has nothing logged.'
              : `${plural(missing.length, 'day')} so far have nothing logged.`}{' '}
            A day you skip makes the monthly estimate less sure — add what you remember:
          </p>
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Days with nothing logged">
            {shown.map((d) => (
              <li key={d}>
                <button
                  type="button"
                  onClick={() => onPickDay(d)}
                  className="rounded-full bg-white px-2.5 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100"
                >
                  <span className="sr-only">Log time for </span>
                  {formatDay(d, 'weekday')}
                </button>
              </li>
            ))}
            {missing.length > shown.length && (
              <li className="py-1 text-xs">and {missing.length - shown.length} more</li>
            )}
          </ul>
        </div>
      )}
      {onPickDay && ended && (
        <p className="mt-4 rounded-md bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-200">
          The period ended on {formatDay(audit.periodEnd)}. Review the results, hand off what scores
          high, then close the audit.
        </p>
      )}
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</p>
      <p className="mt-0.5 text-2xl font-semibold text-slate-900 tabular-nums">{value}</p>
    </div>
  );
}
