import { Link, useParams } from '@tanstack/react-router';
import { ArrowLeft, Download, Send } from 'lucide-react';
import type { JobNdaPerson } from '../../../core/contracts/ndas.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { JobAccess, RetryAlert, type JobContext } from '../jobs/job-access.tsx';
import {
  businessNdaPdfUrl,
  useJobNdas,
  useNdaTemplates,
  useSendNda,
  useSetJobNdaTemplate,
} from './nda-queries.ts';

/**
 * /app/businesses/:businessId/jobs/:jobId/ndas — the job's NDA template, who was sent the NDA,
 * who signed (with the PDF), and which specification version each shortlisted professional
 * acknowledged.
 */
export function JobNdasPage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/ndas',
  });
  return (
    <JobAccess businessId={businessId} title="NDAs">
      {(context) => <JobNdas context={context} jobId={jobId} />}
    </JobAccess>
  );
}

function JobNdas({ context, jobId }: { context: JobContext; jobId: string }) {
  const { business, viewerTimeZone } = context;
  const canManage = roleCan(business.myRole, 'ndas.manage');
  const overview = useJobNdas(business.id, jobId);
  const send = useSendNda(business.id, jobId);
  const back = (
    <Link
      to="/app/businesses/$businessId/jobs/$jobId"
      params={{ businessId: business.id, jobId }}
      className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
    >
      <ArrowLeft size={14} aria-hidden /> Back to the job
    </Link>
  );
  if (overview.isPending) return <Loading what="Loading the NDAs" />;
  if (overview.isError) return <RetryAlert error={overview.error} retry={overview.refetch} />;
  const { job, people } = overview.data;
  return (
    <>
      <div className="mb-3">{back}</div>
      <PageHeader title="NDAs and specification reads" description={job.title} />
      <div className="space-y-6">
        {!job.ndaRequired && (
          <Alert tone="info">
            This job does not require an NDA: shortlisted professionals read the specification
            straight away. Turn “NDA required” on in the job’s publish settings to ask for one.
          </Alert>
        )}
        <TemplatePicker context={context} jobId={jobId} canManage={canManage} />
        <Card
          title="Shortlisted professionals"
          description={
            job.specVersion
              ? `The specification is at version ${job.specVersion}.`
              : 'The job is not published yet.'
          }
        >
          {send.isError && <Alert>{errorMessage(send.error)}</Alert>}
          {people.length === 0 ? (
            <EmptyState title="Nobody is shortlisted yet">
              Shortlist bids from the{' '}
              <a
                href={`/app/businesses/${business.id}/jobs/${jobId}/bids`}
                className="text-brand-700 underline"
              >
                bid list
              </a>
              ; each shortlisted professional shows here with their NDA and what they have read.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {people.map((p) => (
                <PersonRow
                  key={p.professional.id}
                  person={p}
                  businessId={business.id}
                  jobId={jobId}
                  specVersion={job.specVersion}
                  timeZone={viewerTimeZone}
                  canSend={canManage && job.ndaRequired && p.bidStatus === 'shortlisted'}
                  sending={send.isPending && send.variables === p.professional.id}
                  onSend={() => send.mutate(p.professional.id)}
                />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

function PersonRow({
  person: p,
  businessId,
  jobId,
  specVersion,
  timeZone,
  canSend,
  sending,
  onSend,
}: {
  person: JobNdaPerson;
  businessId: string;
  jobId: string;
  specVersion: number | null;
  timeZone: string;
  canSend: boolean;
  sending: boolean;
  onSend: () => void;
}) {
  const acknowledged = p.acknowledgedVersion;
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="font-medium text-slate-900">{p.professional.name}</p>
        <p className="text-xs text-slate-600">
          {p.nda === null
            ? 'NDA not sent'
            : p.nda.signedAt
              ? `NDA signed on ${formatDateTime(p.nda.signedAt, timeZone)} as “${p.nda.signedName}”`
              : `NDA sent on ${formatDateTime(p.nda.sentAt, timeZone)}, not signed yet`}
        </p>
        <p className="flex flex-wrap gap-2 text-xs text-slate-600">
          {acknowledged !== null && acknowledged === specVersion ? (
            <Badge tone="success">Acknowledged version {acknowledged}</Badge>
          ) : acknowledged !== null ? (
            <Badge tone="warning">
              Acknowledged version {acknowledged} of {specVersion}
            </Badge>
          ) : p.readVersion !== null ? (
            <Badge tone="neutral">Read version {p.readVersion}</Badge>
          ) : (
            <Badge tone="muted">Has not read the specification</Badge>
          )}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {p.nda?.signedAt && (
          <a
            href={businessNdaPdfUrl(businessId, jobId, p.professional.id)}
            download
            className="inline-flex items-center gap-1 rounded-md px-3 py-2 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            <Download size={16} aria-hidden /> Signed NDA (PDF)
            <span className="sr-only"> of {p.professional.name}</span>
          </a>
        )}
        {canSend && !p.nda?.signedAt && (
          <Button variant="secondary" busy={sending} onClick={onSend}>
            <Send size={16} aria-hidden /> {p.nda ? 'Remind' : 'Send NDA'}
            <span className="sr-only"> to {p.professional.name}</span>
          </Button>
        )}
      </div>
    </li>
  );
}

function TemplatePicker({
  context,
  jobId,
  canManage,
}: {
  context: JobContext;
  jobId: string;
  canManage: boolean;
}) {
  const { business } = context;
  const templates = useNdaTemplates(business.id);
  const overview = useJobNdas(business.id, jobId);
  const setTemplate = useSetJobNdaTemplate(business.id, jobId);
  const current = overview.data?.template;
  const value = current?.chosen ? current.id : '';
  const options = [
    {
      value: '',
      label: 'The business’s default template',
    },
    ...(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  return (
    <Card
      title="Template"
      description={
        <>
          NDAs already sent keep their text. Edit templates under{' '}
          <Link
            to="/app/businesses/$businessId/ndas"
            params={{ businessId: business.id }}
            className="text-brand-700 underline"
          >
            NDA templates
          </Link>
          .
        </>
      }
    >
      {templates.isError ? (
        <RetryAlert error={templates.error} retry={templates.refetch} />
      ) : (
        <div className="space-y-2">
          <SelectField
            label="NDA this job sends"
            value={value}
            options={options}
            disabled={!canManage || setTemplate.isPending || templates.isPending}
            onChange={(e) => setTemplate.mutate(e.target.value === '' ? null : e.target.value)}
            hint={
              current
                ? `Sending: ${current.name}`
                : 'Sending the neutral mutual NDA Handoff offers (no template of your own yet).'
            }
          />
          {setTemplate.isError && <Alert>{errorMessage(setTemplate.error)}</Alert>}
        </div>
      )}
    </Card>
  );
}
