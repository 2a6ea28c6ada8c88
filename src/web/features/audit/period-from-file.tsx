import type { RowsCheck } from '../../../core/time-log-import.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { useUpdateAudit } from './audit-queries.ts';
import { plural } from './audit-format.ts';
import { formatDay } from '../../format.ts';

/**
 * When previewed rows fall outside the audit's period, says so and offers to move the period to
 * the file's dates (the usual case: an audit started today, a log of last month). The server
 * refuses, naming the day, if entries already logged would fall outside.
 */
export function PeriodFromFile({
  businessId,
  auditId,
  period,
  check,
  complete,
}: {
  businessId: string;
  auditId: string;
  period: { start: string; end: string };
  check: RowsCheck;
  complete: boolean;
}) {
  const move = useUpdateAudit(businessId, auditId);
  if (check.outsidePeriod === 0 || !check.fileDates) return null;
  const suggested = check.suggestedPeriod;
  const seen = complete
    ? 'The file’s dates'
    : `The dates of the first ${plural(check.rows.length, 'row')}`;
  const failure =
    move.error instanceof ApiError
      ? (move.error.problem.errors?.map((e) => e.message).join('. ') ?? errorMessage(move.error))
      : move.error
        ? errorMessage(move.error)
        : null;
  return (
    <Alert tone="warning">
      <p>
        {plural(check.outsidePeriod, 'row')} of the preview{' '}
        {check.outsidePeriod === 1 ? 'falls' : 'fall'} outside the audit period (
        {formatDay(period.start)} – {formatDay(period.end)}). {seen} run from{' '}
        {formatDay(check.fileDates.first)} to {formatDay(check.fileDates.last)}.
      </p>
      {suggested ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            busy={move.isPending}
            onClick={() => move.mutate({ periodStart: suggested.start, periodEnd: suggested.end })}
          >
            Set the period to {formatDay(suggested.start)} – {formatDay(suggested.end)}
          </Button>
          {!complete && (
            <span className="text-xs">
              Only the start of the file is previewed; later rows outside it are reported after the
              import.
            </span>
          )}
        </div>
      ) : (
        <p className="mt-1">
          They span more than 90 days, the longest an audit covers: import a file of up to 90 days,
          or change the period by hand at the top of the page.
        </p>
      )}
      {failure && <p className="mt-2 font-medium">{failure}</p>}
    </Alert>
  );
}
