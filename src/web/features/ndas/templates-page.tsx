import { useParams } from '@tanstack/react-router';
import { Pencil, Plus, Star, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { CreateNdaTemplateSchema, type NdaTemplate } from '../../../core/contracts/ndas.ts';
import { NDA_FIELDS } from '../../../core/nda.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useApiForm } from '../../use-api-form.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { JobAccess, RetryAlert, type JobContext } from '../jobs/job-access.tsx';
import { MarkdownField, MarkdownPreview, type MarkdownMode } from '../jobs/markdown-preview.tsx';
import {
  useArchiveNdaTemplate,
  useCreateNdaTemplate,
  useNdaTemplates,
  useUpdateNdaTemplate,
} from './nda-queries.ts';

const FIELDS_HINT = `Markdown. ${NDA_FIELDS.map((f) => `{{${f}}}`).join(', ')} are filled in when the NDA is sent (the date in the business’s time zone).`;

/** /app/businesses/:businessId/ndas — the business's NDA templates. */
export function NdaTemplatesPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/ndas' });
  return (
    <JobAccess businessId={businessId} title="NDA templates">
      {(context) => <Templates context={context} />}
    </JobAccess>
  );
}

function Templates({ context }: { context: JobContext }) {
  const { business, viewerTimeZone } = context;
  const canManage = roleCan(business.myRole, 'ndas.manage');
  const templates = useNdaTemplates(business.id);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  if (templates.isPending) return <Loading what="Loading the templates" />;
  if (templates.isError) return <RetryAlert error={templates.error} retry={templates.refetch} />;
  const { items, starter } = templates.data;
  return (
    <>
      <PageHeader
        title="NDA templates"
        description={`What ${business.name} asks shortlisted professionals to sign on jobs that require an NDA.`}
        actions={
          canManage && !creating ? (
            <Button onClick={() => setCreating(true)}>
              <Plus size={16} aria-hidden /> New template
            </Button>
          ) : undefined
        }
      />
      <div className="space-y-6">
        {!canManage && (
          <Alert tone="info">Only owners and managers can change the NDA templates.</Alert>
        )}
        {creating && (
          <TemplateForm
            businessId={business.id}
            initial={{ name: starter.name, body: starter.body, isDefault: items.length === 0 }}
            onDone={() => setCreating(false)}
          />
        )}
        {items.length === 0 && !creating ? (
          <EmptyState
            title="No template yet"
            action={
              canManage && (
                <Button onClick={() => setCreating(true)}>Start from the mutual NDA</Button>
              )
            }
          >
            Until you add one, jobs that require an NDA send Handoff’s plain mutual NDA, shown
            below. Start from it to make it your own.
          </EmptyState>
        ) : null}
        {items.length === 0 && (
          <Card title={starter.name} description="Handoff’s starter text (not legal advice).">
            <MarkdownPreview source={starter.body} empty="" />
          </Card>
        )}
        {items.map((t) =>
          editing === t.id ? (
            <TemplateForm
              key={t.id}
              businessId={business.id}
              template={t}
              initial={t}
              onDone={() => setEditing(null)}
            />
          ) : (
            <TemplateCard
              key={t.id}
              businessId={business.id}
              template={t}
              timeZone={viewerTimeZone}
              canManage={canManage}
              onEdit={() => setEditing(t.id)}
            />
          ),
        )}
      </div>
    </>
  );
}

function TemplateCard({
  businessId,
  template: t,
  timeZone,
  canManage,
  onEdit,
}: {
  businessId: string;
  template: NdaTemplate;
  timeZone: string;
  canManage: boolean;
  onEdit: () => void;
}) {
  const archive = useArchiveNdaTemplate(businessId);
  const makeDefault = useUpdateNdaTemplate(businessId, t.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Card
      title={t.name}
      description={
        <span className="flex flex-wrap items-center gap-2">
          {t.isDefault && <Badge tone="success">Default</Badge>}
          <span>Changed {formatDateTime(t.updatedAt, timeZone)}</span>
        </span>
      }
      footer={
        canManage && (
          <>
            {!t.isDefault && (
              <Button
                variant="secondary"
                busy={makeDefault.isPending}
                onClick={() => makeDefault.mutate({ isDefault: true })}
              >
                <Star size={16} aria-hidden /> Make default
              </Button>
            )}
            <Button variant="secondary" onClick={onEdit}>
              <Pencil size={16} aria-hidden /> Edit<span className="sr-only"> {t.name}</span>
            </Button>
            <Button variant="danger" onClick={() => setConfirming(true)}>
              <Trash2 size={16} aria-hidden /> Archive<span className="sr-only"> {t.name}</span>
            </Button>
          </>
        )
      }
    >
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">Show the text</summary>
        <div className="mt-3">
          <MarkdownPreview source={t.body} empty="" />
        </div>
      </details>
      {(archive.isError || makeDefault.isError) && (
        <Alert>{errorMessage(archive.error ?? makeDefault.error)}</Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Archive “${t.name}”?`}
        confirmLabel="Archive"
        busy={archive.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          archive.mutate(t.id, {
            onSuccess: () => setConfirming(false),
          })
        }
      >
        NDAs already sent keep their text. Jobs that used this template send the default from now
        on.
      </ConfirmDialog>
    </Card>
  );
}

function TemplateForm({
  businessId,
  template,
  initial,
  onDone,
}: {
  businessId: string;
  template?: NdaTemplate;
  initial: { name: string; body: string; isDefault: boolean };
  onDone: () => void;
}) {
  const create = useCreateNdaTemplate(businessId);
  const update = useUpdateNdaTemplate(businessId, template?.id ?? '');
  const [mode, setMode] = useState<MarkdownMode>('write');
  const form = useApiForm(CreateNdaTemplateSchema, { defaultValues: initial });
  const errors = form.formState.errors;
  const body = form.watch('body');
  const busy = create.isPending || update.isPending;
  return (
    <Card title={template ? `Edit “${template.name}”` : 'New NDA template'}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.submitWith(async (values) => {
          if (template) await update.mutateAsync(values);
          else await create.mutateAsync(values);
          onDone();
        })}
      >
        <TextField
          label="Name"
          {...form.register('name')}
          {...form.limits('name')}
          error={errors.name?.message}
        />
        <MarkdownField
          id="nda-template-body"
          label="Text"
          hint={FIELDS_HINT}
          mode={mode}
          onModeChange={setMode}
          source={body}
          readOnly={false}
          error={errors.body?.message}
          {...form.register('body')}
        />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" {...form.register('isDefault')} />
          The default for jobs that do not pick a template
        </label>
        {form.formError && <Alert>{form.formError}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={busy}>
            Save template
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
