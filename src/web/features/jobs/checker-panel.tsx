import { AlertCircle, AlertTriangle, CheckCircle2, ChevronDown } from 'lucide-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { get, useWatch } from 'react-hook-form';
import type { CheckResult, Finding } from '../../../core/contracts/jobs.ts';
import { PASSING_SCORE } from '../../../core/jobs.ts';
import { checkRequirements, isReady } from '../../../core/requirements-checker.ts';
import { fromForm, type EditorValues } from './job-form.ts';

export type LiveCheck =
  | { result: CheckResult; checked: ReturnType<typeof fromForm>; failed?: undefined }
  | { result?: undefined; checked?: undefined; failed: true };

/**
 * The checker over the form as it is now. It runs on a deferred copy of the values, so typing
 * stays responsive and the check catches up when React has time.
 */
export function useLiveCheck(): LiveCheck {
  // Every field has a default, so the watched values are the whole form.
  const values = useWatch() as EditorValues;
  const deferred = useDeferredValue(values);
  return useMemo(() => {
    const checked = fromForm(deferred);
    try {
      return { result: checkRequirements(checked), checked };
    } catch {
      return { failed: true };
    }
  }, [deferred]);
}

/**
 * The score as a ring; the number beside it carries the meaning for screen readers. Green only
 * when the job is ready (`isReady`: a passing score and nothing left to fix).
 */
export function ScoreRing({ result, size = 56 }: { result: CheckResult; size?: number }) {
  const { score } = result;
  const r = size / 2 - 5;
  const length = 2 * Math.PI * r;
  const colour = isReady(result)
    ? 'text-emerald-600'
    : score >= 50
      ? 'text-amber-500'
      : 'text-red-600';
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden
      className="shrink-0"
    >
      <circle
        cx={size / 2}
        cy={size / 2}
        r={r}
        fill="none"
        strokeWidth={6}
        className="stroke-slate-200"
      />
      <circle
        cx={size / 2}
        cy={size / 2}
        r={r}
        fill="none"
        strokeWidth={6}
        strokeLinecap="round"
        stroke="currentColor"
        strokeDasharray={`${(score / 100) * length} ${length}`}
        transform={`rotate(-90 ${size / 2} ${size / 2})`}
        className={colour}
      />
      <text
        x="50%"
        y="50%"
        dominantBaseline="central"
        textAnchor="middle"
        className="fill-slate-900 text-sm font-semibold"
      >
        {score}
      </text>
    </svg>
  );
}

const NAMES: Record<string, string> = {
  'brief.title': 'Title',
  'brief.summary': 'Summary',
  'brief.category': 'Category',
  'brief.skills': 'Skills',
  'brief.budget': 'Budget',
  'brief.deadline': 'Deadline',
  'brief.durationDays': 'Deadline',
  'brief.screeningQuestions': 'Screening questions',
  'spec.description': 'Description',
  'spec.deliverables': 'Deliverables',
  'spec.acceptanceCriteria': 'Acceptance criteria',
  'spec.requirements': 'Requirements',
  'spec.successDefinition': 'Definition of success',
  'spec.constraints': 'Constraints',
};
const ITEM: Record<string, string> = {
  screeningQuestions: 'Question',
  deliverables: 'Deliverable',
  acceptanceCriteria: 'Criterion',
  requirements: 'Requirement',
};

/** "Criterion 3" for `spec.acceptanceCriteria.2.text`; "Summary" for `brief.summary`. */
export function fieldName(path: string): string {
  const [layer, key, index] = path.split('.');
  const base = `${layer}.${key}`;
  if (index !== undefined && /^\d+$/.test(index) && key && ITEM[key])
    return `${ITEM[key]} ${Number(index) + 1}`;
  return NAMES[base] ?? NAMES[path] ?? path;
}

/** The offending text in a little of its surroundings, the text itself marked. */
function Excerpt({ finding, value }: { finding: Finding; value: unknown }) {
  const { start, end, text } = finding;
  if (typeof value === 'string' && start !== null && end !== null && end <= value.length) {
    const before = value.slice(Math.max(0, start - 30), start);
    const after = value.slice(end, end + 30);
    return (
      <span className="block rounded bg-slate-50 px-2 py-1 text-xs text-slate-700">
        {start > 30 && '…'}
        {before}
        <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
          {value.slice(start, end)}
        </mark>
        {after}
        {end + 30 < value.length && '…'}
      </span>
    );
  }
  if (!text) return null;
  return (
    <span className="block rounded bg-slate-50 px-2 py-1 text-xs text-slate-700">
      <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{text}</mark>
    </span>
  );
}

function FindingGroup({
  title,
  tone,
  findings,
  checked,
  onPick,
}: {
  title: string;
  tone: 'error' | 'warning';
  findings: Finding[];
  checked: ReturnType<typeof fromForm>;
  onPick: (finding: Finding) => void;
}) {
  if (findings.length === 0) return null;
  const Icon = tone === 'error' ? AlertCircle : AlertTriangle;
  return (
    <section>
      <h3 className="flex items-center gap-1.5 text-sm font-semibold text-slate-900">
        <Icon
          size={16}
          aria-hidden
          className={tone === 'error' ? 'text-red-600' : 'text-amber-600'}
        />
        {title} <span className="font-normal text-slate-600">({findings.length})</span>
      </h3>
      <ul className="mt-2 space-y-2">
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.field}-${f.start ?? i}`}>
            <button
              type="button"
              onClick={() => onPick(f)}
              className="block w-full space-y-1 rounded-md px-2 py-2 text-left ring-1 ring-slate-200 hover:bg-slate-50"
            >
              <span className="block text-xs font-medium text-slate-600">{fieldName(f.field)}</span>
              <span className="block text-sm text-slate-900">{f.message}</span>
              <Excerpt finding={f} value={get(checked, f.field)} />
              <span className="block text-xs text-slate-600">
                <span className="font-medium">Fix: </span>
                {f.fix}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The live requirements check beside the editor: the score, "Ready" (`isReady`), and
 * every finding; choosing one goes to the field and selects the text it is about.
 */
export function CheckerPanel({ onPick }: { onPick: (finding: Finding) => void }) {
  const check = useLiveCheck();
  const [open, setOpen] = useState(false);
  const score = check.result?.score;
  const findings = check.result?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');

  const ready = check.result ? isReady(check.result) : false;
  const summary =
    score === undefined || !check.result ? (
      <span className="text-sm text-slate-600">Check unavailable</span>
    ) : (
      <span className="flex items-center gap-3">
        <ScoreRing result={check.result} />
        <span className="text-left">
          <span className="block text-sm font-semibold text-slate-900">
            Score {score} <span className="font-normal text-slate-600">of 100</span>
          </span>
          <span
            className={`flex items-center gap-1 text-sm ${ready ? 'text-emerald-700' : 'text-slate-700'}`}
          >
            {ready ? (
              <>
                <CheckCircle2 size={14} aria-hidden /> Ready
              </>
            ) : errors.length > 0 ? (
              `Not ready: ${errors.length} to fix`
            ) : (
              `${findings.length} ${findings.length === 1 ? 'thing' : 'things'} to look at`
            )}
          </span>
        </span>
      </span>
    );

  return (
    <section
      aria-labelledby="checker-heading"
      className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 id="checker-heading" className="text-sm font-semibold text-slate-900">
          Requirements check
        </h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="checker-findings"
          onClick={() => setOpen((o) => !o)}
          className="mt-2 flex w-full items-center justify-between gap-2 rounded-md xl:hidden"
        >
          {summary}
          <span className="flex items-center gap-1 text-sm text-brand-700">
            {open ? 'Hide' : 'Show'}
            <span className="sr-only"> findings</span>
            <ChevronDown size={16} aria-hidden className={open ? 'rotate-180' : ''} />
          </span>
        </button>
        <div className="mt-2 hidden xl:block">{summary}</div>
      </div>
      <div id="checker-findings" className={`space-y-4 px-4 py-3 ${open ? '' : 'max-xl:hidden'}`}>
        {check.failed ? (
          <p className="text-sm text-slate-700">
            The checker could not read this job just now. Your text is safe; keep writing and save
            as usual.
          </p>
        ) : findings.length === 0 ? (
          <p className="text-sm text-slate-700">
            Nothing to point out: a professional could start from this without guessing.
          </p>
        ) : (
          <>
            <FindingGroup
              title="Fix these"
              tone="error"
              findings={errors}
              checked={check.checked}
              onPick={onPick}
            />
            <FindingGroup
              title="Worth a look"
              tone="warning"
              findings={warnings}
              checked={check.checked}
              onPick={onPick}
            />
          </>
        )}
        <p className="border-t border-slate-100 pt-3 text-xs text-slate-600">
          The check warns; you decide. “Ready” means a score of {PASSING_SCORE} or more with nothing
          left to fix, and you can publish at any score.
        </p>
      </div>
    </section>
  );
}
