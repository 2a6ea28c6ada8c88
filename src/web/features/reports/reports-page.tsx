import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import type { ContractAction } from '../../../core/contract-access.ts';
import {
  ReportCommentInputSchema,
  ReportSettingsInputSchema,
  SubmitReportSchema,
  type Report,
  type ReportsPage,
  type ReportSettingsInput,
  type SubmitReportInput,
  type SubmitReport,
} from '../../../core/contracts/reports.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime, formatDay } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { useApiForm } from '../../use-api-form.ts';
import { ContractFrame } from '../contracts/contract-frame.tsx';
import {
  useCommentReport,
  useReportSettings,
  useReports,
  useSubmitReport,
} from './report-queries.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function cadenceText(s: ReportsPage['settings']): string {
  if (s.cadence === 'off') return 'Progress reports are off for this contract.';
  const every = s.cadence === 'weekly' ? 'every' : 'every other';
  return `A progress report is due ${every} ${WEEKDAYS[s.weekday]} (${s.timeZone}).`;
}

/** The business's cadence: how often, and on which day. */
function SettingsForm({
  contractId,
  settings,
}: {
  contractId: string;
  settings: ReportSettingsInput;
}) {
  const save = useReportSettings(contractId);
  const [saved, setSaved] = useState(false);
  const form = useApiForm(
    ReportSettingsInputSchema as z.ZodType<ReportSettingsInput, ReportSettingsInput>,
    { defaultValues: settings },
  );
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      onSubmit={form.submitWith(async (values) => {
        setSaved(false);
        await save.mutateAsync(values);
        setSaved(true);
      })}
    >
      <SelectField
        label="How often"
        options={[
          { value: 'weekly', label: 'Every week' },
          { value: 'biweekly', label: 'Every other week' },
          { value: 'off', label: 'No reports' },
        ]}
        error={form.formState.errors.cadence?.message}
        {...form.register('cadence')}
      />
      <SelectField
        label="Due on"
        options={WEEKDAYS.map((label, value) => ({ value: String(value), label }))}
        error={form.formState.errors.weekday?.message}
        {...form.register('weekday', { setValueAs: (v: string) => Number(v) })}
      />
      <Button type="submit" variant="secondary" busy={save.isPending}>
        Save cadence
      </Button>
      {form.formError && <Alert>{form.formError}</Alert>}
      {saved && (
        <p role="status" className="text-sm text-emerald-800 sm:col-span-3">
          Saved. Reminders follow the new cadence.
        </p>
      )}
    </form>
  );
}

/** The professional's report for the date asked for now. */
function SubmitForm({
  contractId,
  current,
}: {
  contractId: string;
  current: NonNullable<ReportsPage['current']>;
}) {
  const submit = useSubmitReport(contractId);
  const form = useApiForm(SubmitReportSchema as z.ZodType<SubmitReport, SubmitReportInput>, {
    defaultValues: {
      done: '',
      next: '',
      blockers: '',
      hours: current.loggedHours === null ? null : Math.round(current.loggedHours * 100) / 100,
      percentComplete: 0,
    },
  });
  const errors = form.formState.errors;
  const late = current.overdueDays > 0;
  return (
    <Card
      title={`Your report for ${formatDay(current.dueOn)}`}
      description={
        late
          ? `It was due ${current.overdueDays} day${current.overdueDays === 1 ? '' : 's'} ago; it will be marked late.`
          : `It covers ${formatDay(current.periodStart, 'short')} to ${formatDay(current.dueOn, 'short')}.`
      }
    >
      <form
        noValidate
        className="space-y-3"
        onSubmit={form.submitWith(async (values) => {
          await submit.mutateAsync(values);
          form.reset();
        })}
      >
        {form.formError && <Alert>{form.formError}</Alert>}
        <TextAreaField
          label="What is done"
          rows={3}
          error={errors.done?.message}
          {...form.register('done')}
          {...form.limits('done')}
        />
        <TextAreaField
          label="What comes next"
          rows={3}
          error={errors.next?.message}
          {...form.register('next')}
          {...form.limits('next')}
        />
        <TextAreaField
          label="Blockers"
          hint="Anything you need from the business. Leave empty if nothing blocks you."
          rows={2}
          error={errors.blockers?.message}
          {...form.register('blockers')}
          {...form.limits('blockers')}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Hours in this period"
            hint={current.loggedHours === null ? undefined : 'Filled in from your logged time.'}
            type="number"
            step="0.25"
            min={0}
            inputMode="decimal"
            error={errors.hours?.message}
            {...form.register('hours', {
              setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)),
            })}
          />
          <TextField
            label="Percent complete"
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            error={errors.percentComplete?.message}
            {...form.register('percentComplete', { setValueAs: (v: string) => Number(v) })}
          />
        </div>
        <Button type="submit" busy={submit.isPending}>
          Send report
        </Button>
      </form>
    </Card>
  );
}

function CommentForm({ contractId, reportId }: { contractId: string; reportId: string }) {
  const comment = useCommentReport(contractId, reportId);
  const form = useApiForm(
    ReportCommentInputSchema as z.ZodType<{ body: string }, { body: string }>,
    { defaultValues: { body: '' } },
  );
  return (
    <form
      noValidate
      className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end"
      onSubmit={form.submitWith(async (values) => {
        await comment.mutateAsync(values);
        form.reset();
      })}
    >
      <TextAreaField
        label="Comment"
        rows={2}
        error={form.formState.errors.body?.message}
        {...form.register('body')}
        {...form.limits('body')}
      />
      <Button type="submit" variant="secondary" busy={comment.isPending}>
        Comment
      </Button>
      {form.formError && <Alert>{form.formError}</Alert>}
    </form>
  );
}

function ReportItem({
  contractId,
  report,
  canComment,
  timeZone,
}: {
  contractId: string;
  report: Report;
  canComment: boolean;
  timeZone: string | undefined;
}) {
  const blocks = (label: string, text: string) =>
    text.trim() ? (
      <div>
        <h4 className="text-sm font-semibold text-slate-800">{label}</h4>
        <p className="whitespace-pre-line text-sm text-slate-700">{text}</p>
      </div>
    ) : null;
  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-slate-900">Report for {formatDay(report.dueOn)}</h3>
        {report.late ? <Badge tone="warning">Late</Badge> : <Badge tone="success">On time</Badge>}
        <span className="text-sm text-slate-600">
          {report.percentComplete}% complete
          {report.hours !== null && ` · ${report.hours} h`} · sent{' '}
          {formatDateTime(report.submittedAt, timeZone)}
          {report.submittedBy && ` by ${report.submittedBy.name}`}
        </span>
      </div>
      {blocks('Done', report.done)}
      {blocks('Next', report.next)}
      {report.blockers.trim() ? (
        <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <strong>Blockers:</strong> <span className="whitespace-pre-line">{report.blockers}</span>
        </div>
      ) : null}
      {report.comments.length > 0 && (
        <ul className="space-y-2 border-l-2 border-slate-200 pl-3" aria-label="Comments">
          {report.comments.map((c) => (
            <li key={c.id} className="text-sm">
              <span className="font-medium text-slate-900">{c.author?.name ?? 'Someone'}</span>{' '}
              <span className="text-slate-600">{formatDateTime(c.createdAt, timeZone)}</span>
              <p className="whitespace-pre-line text-slate-700">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && <CommentForm contractId={contractId} reportId={report.id} />}
    </li>
  );
}

function ReportsContent({
  contractId,
  abilities,
}: {
  contractId: string;
  abilities: readonly ContractAction[];
}) {
  const reports = useReports(contractId);
  const me = useMe();
  if (reports.isPending) return <Loading what="Loading the reports" />;
  if (reports.isError) return <Alert>{errorMessage(reports.error)}</Alert>;
  const { settings, current, items } = reports.data;
  const can = (a: ContractAction) => abilities.includes(a);
  return (
    <div className="space-y-4">
      <Card title="Cadence" description={cadenceText(settings)}>
        {can('contract.manage') ? (
          <SettingsForm
            contractId={contractId}
            settings={{ cadence: settings.cadence, weekday: settings.weekday }}
          />
        ) : current ? (
          <p className="text-sm text-slate-700">
            The next report is for {formatDay(current.dueOn)}
            {current.overdueDays > 0 && ` — ${current.overdueDays} day(s) overdue`}.
          </p>
        ) : null}
      </Card>
      {can('reports.submit') && current && (
        <SubmitForm key={current.dueOn} contractId={contractId} current={current} />
      )}
      <Card title="History">
        {items.length === 0 ? (
          <EmptyState title="No reports yet">
            {can('reports.submit')
              ? 'Send your first report above: what is done, what comes next, and any blockers.'
              : 'Reports appear here as the professional sends them; you are reminded if one is late.'}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((r) => (
              <ReportItem
                key={r.id}
                contractId={contractId}
                report={r}
                canComment={can('reports.comment')}
                timeZone={me.data?.user.timeZone}
              />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** `/app/contracts/$contractId/reports`: the cadence, the report asked for now, and the history. */
export function ReportsPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/reports' });
  return (
    <ContractFrame contractId={contractId} tab="reports">
      {(contract) => (
        <ReportsContent contractId={contractId} abilities={contract.viewer.abilities} />
      )}
    </ContractFrame>
  );
}
