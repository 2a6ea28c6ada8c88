import { Link, useParams } from '@tanstack/react-router';
import { Download, FileSignature } from 'lucide-react';
import { useEffect, useState } from 'react';
import { SignNdaSchema } from '../../../core/contracts/ndas.ts';
import { ApiError } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { useApiForm } from '../../use-api-form.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { MarkdownPreview } from '../jobs/markdown-preview.tsx';
import { RetryAlert } from '../jobs/job-access.tsx';
import { ndaPdfUrl, sha256Hex, useMyNda, useSignNda } from './nda-queries.ts';

/** /app/jobs/:jobId/nda — a shortlisted professional reads their NDA and signs it. */
export function SignNdaPage() {
  const { jobId } = useParams({ from: '/shell/app/jobs/$jobId/nda' });
  const me = useMe();
  const nda = useMyNda(jobId);
  if (nda.isPending || me.isPending) return <Loading what="Loading the NDA" />;
  if (nda.isError) {
    if (nda.error instanceof ApiError && nda.error.problem.status === 404)
      return (
        <>
          <PageHeader title="NDA" />
          <Alert tone="info">
            There is no NDA for you on this job. A business sends one when it shortlists you for a
            job that requires it; your bids are under{' '}
            <a href="/app/bids" className="underline">
              My bids
            </a>
            .
          </Alert>
        </>
      );
    return <RetryAlert error={nda.error} retry={nda.refetch} />;
  }
  const data = nda.data;
  const timeZone = me.data?.user.timeZone;
  return (
    <>
      <PageHeader
        title={`NDA — ${data.job.title}`}
        description={`${data.business.name} sent it on ${formatDateTime(data.sentAt, timeZone)}.`}
      />
      <div className="space-y-6">
        <Card title="The agreement">
          <MarkdownPreview source={data.text} empty="The agreement is empty." />
        </Card>
        {data.signedAt ? (
          <Card title="Signed">
            <div className="space-y-3 text-sm text-slate-700">
              <p>
                You signed as <strong>{data.signedName}</strong> on{' '}
                {formatDateTime(data.signedAt, timeZone)}.
              </p>
              <div className="flex flex-wrap gap-3">
                <a
                  href={ndaPdfUrl(jobId)}
                  download
                  className="inline-flex items-center gap-1 rounded-md px-3 py-2 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
                >
                  <Download size={16} aria-hidden /> Download the signed NDA (PDF)
                </a>
                <Link
                  to="/app/jobs/$jobId/spec"
                  params={{ jobId }}
                  className="inline-flex items-center rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
                >
                  Read the full specification
                </Link>
              </div>
            </div>
          </Card>
        ) : (
          <SignForm
            jobId={jobId}
            text={data.text}
            serverHash={data.textSha256}
            accountName={me.data?.user.name ?? ''}
          />
        )}
      </div>
    </>
  );
}

function SignForm({
  jobId,
  text,
  serverHash,
  accountName,
}: {
  jobId: string;
  text: string;
  serverHash: string;
  accountName: string;
}) {
  const sign = useSignNda(jobId);
  // The hash of the text as shown here; the server refuses it if the text changed since.
  const [shownHash, setShownHash] = useState<string | null>(null);
  useEffect(() => {
    void sha256Hex(text).then(setShownHash);
  }, [text]);
  const hash = shownHash ?? serverHash;
  const form = useApiForm(SignNdaSchema, {
    defaultValues: { name: '', agree: false as unknown as true, textSha256: hash },
  });
  useEffect(() => form.setValue('textSha256', hash), [form, hash]);
  const errors = form.formState.errors;
  return (
    <Card
      title="Sign"
      description="Type your full name as it is on your account, then tick “I agree”. Case, accents and punctuation do not matter."
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.submitWith((values) => sign.mutateAsync(values))}
      >
        <TextField
          label="Your full name"
          autoComplete="name"
          placeholder={accountName}
          {...form.register('name')}
          {...form.limits('name')}
          error={errors.name?.message}
        />
        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="mt-1"
              aria-invalid={errors.agree ? true : undefined}
              aria-describedby={errors.agree ? 'agree-error' : undefined}
              {...form.register('agree')}
            />
            <span>I agree to the terms of this NDA.</span>
          </label>
          {errors.agree && (
            <p id="agree-error" className="mt-1 text-xs text-red-700">
              {errors.agree.message}
            </p>
          )}
        </div>
        <p className="text-xs break-all text-slate-600">
          SHA-256 of the text above: <code>{hash}</code>
        </p>
        {form.formError && <Alert>{form.formError}</Alert>}
        <Button type="submit" busy={sign.isPending}>
          <FileSignature size={16} aria-hidden /> Sign the NDA
        </Button>
      </form>
    </Card>
  );
}
