import { Link, useParams } from '@tanstack/react-router';
import { CheckCircle2, Paperclip } from 'lucide-react';
import type { Spec } from '../../../core/contracts/jobs.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { RetryAlert } from '../jobs/job-access.tsx';
import { MarkdownPreview } from '../jobs/markdown-preview.tsx';
import { DiffView } from '../jobs/versions.tsx';
import { specFileUrl, useAcknowledgeSpec, useMySpec } from './nda-queries.ts';

/**
 * /app/jobs/:jobId/spec — the full specification, for a shortlisted professional (with the NDA
 * signed when the job requires one). A newer version than the one they acknowledged shows what
 * changed first, with "I have read the changes".
 */
export function ProfessionalSpecPage() {
  const { jobId } = useParams({ from: '/shell/app/jobs/$jobId/spec' });
  const me = useMe();
  const spec = useMySpec(jobId);
  const acknowledge = useAcknowledgeSpec(jobId);
  if (spec.isPending || me.isPending) return <Loading what="Loading the specification" />;
  if (spec.isError) {
    const status = spec.error instanceof ApiError ? spec.error.problem.status : null;
    if (status === 403)
      return (
        <>
          <PageHeader title="Specification" />
          <Alert tone="info">
            This job requires an NDA before you read its specification.{' '}
            <Link to="/app/jobs/$jobId/nda" params={{ jobId }} className="font-medium underline">
              Read and sign the NDA
            </Link>
          </Alert>
        </>
      );
    if (status === 404)
      return (
        <>
          <PageHeader title="Specification" />
          <Alert tone="info">
            The full specification opens once the business shortlists your bid. Your bids are under{' '}
            <a href="/app/bids" className="underline">
              My bids
            </a>
            .
          </Alert>
        </>
      );
    return <RetryAlert error={spec.error} retry={spec.refetch} />;
  }
  const data = spec.data;
  const timeZone = me.data?.user.timeZone;
  return (
    <>
      <PageHeader
        title={data.job.title}
        description={`${data.business.name} · specification version ${data.version}, published ${formatDateTime(data.publishedAt, timeZone)}`}
      />
      <div className="space-y-6">
        {data.changes ? (
          <Card
            title={`What changed since version ${data.changes.from}`}
            description="Read the changes, then tell the business you have read them."
          >
            <div className="space-y-4">
              <DiffView diff={data.changes} />
              {acknowledge.isError && <Alert>{errorMessage(acknowledge.error)}</Alert>}
              <Button busy={acknowledge.isPending} onClick={() => acknowledge.mutate(data.version)}>
                <CheckCircle2 size={16} aria-hidden /> I have read the changes
              </Button>
            </div>
          </Card>
        ) : data.acknowledgedVersion === data.version ? (
          <Alert tone="success">You acknowledged version {data.version}.</Alert>
        ) : null}
        <SpecView spec={data.spec} />
        <Card title="Files">
          {data.attachments.length === 0 ? (
            <p className="text-sm text-slate-600">The specification has no files.</p>
          ) : (
            <ul className="space-y-2">
              {data.attachments.map((a) => (
                <li key={a.id}>
                  <a
                    href={specFileUrl(jobId, a.id)}
                    download
                    className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
                  >
                    <Paperclip size={14} aria-hidden /> {a.name}
                  </a>{' '}
                  <span className="text-xs text-slate-600">({formatBytes(a.size)})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

function SpecView({ spec }: { spec: Spec }) {
  const deliverable = (id: string | null) => spec.deliverables.find((d) => d.id === id)?.text;
  return (
    <Card title="Specification">
      <div className="space-y-5 text-sm text-slate-800">
        <section aria-labelledby="spec-description">
          <h2 id="spec-description" className="mb-1 font-semibold text-slate-900">
            Description
          </h2>
          <MarkdownPreview source={spec.description} empty="No description." />
        </section>
        <List
          id="spec-deliverables"
          title="Deliverables"
          items={spec.deliverables.map((d) => d.text)}
        />
        <List
          id="spec-acceptance"
          title="Acceptance criteria"
          items={spec.acceptanceCriteria.map(
            (c) =>
              `${c.text}${deliverable(c.deliverableId) ? ` (${deliverable(c.deliverableId)})` : ''}`,
          )}
        />
        <List
          id="spec-requirements"
          title="Requirements"
          items={spec.requirements.map((r) => `${r.priority.toUpperCase()}: ${r.text}`)}
        />
        {spec.successDefinition && (
          <section aria-labelledby="spec-success">
            <h2 id="spec-success" className="mb-1 font-semibold text-slate-900">
              What success looks like
            </h2>
            <p className="whitespace-pre-wrap">{spec.successDefinition}</p>
          </section>
        )}
        {spec.constraints && (
          <section aria-labelledby="spec-constraints">
            <h2 id="spec-constraints" className="mb-1 font-semibold text-slate-900">
              Constraints
            </h2>
            <p className="whitespace-pre-wrap">{spec.constraints}</p>
          </section>
        )}
      </div>
    </Card>
  );
}

function List({ id, title, items }: { id: string; title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-1 font-semibold text-slate-900">
        {title}
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
