import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  SaveDeclineTemplateSchema,
  type DeclineTemplate,
} from '../../../core/contracts/shortlist.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { useBusiness } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useApiForm } from '../../use-api-form.ts';
import {
  useCreateDeclineTemplate,
  useDeclineTemplates,
  useDeleteDeclineTemplate,
  useUpdateDeclineTemplate,
} from './shortlist-queries.ts';

function TemplateForm({
  businessId,
  template,
  onDone,
}: {
  businessId: string;
  template?: DeclineTemplate;
  onDone?: () => void;
}) {
  const create = useCreateDeclineTemplate(businessId);
  const update = useUpdateDeclineTemplate(businessId);
  const form = useApiForm(SaveDeclineTemplateSchema, {
    defaultValues: { name: template?.name ?? '', body: template?.body ?? '' },
  });
  const busy = create.isPending || update.isPending;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.submitWith(async (values) => {
        if (template) await update.mutateAsync({ templateId: template.id, ...values });
        else await create.mutateAsync(values);
        form.reset({ name: '', body: '' });
        onDone?.();
      })}
    >
      <TextField
        label="Name"
        placeholder="e.g. Over our budget"
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      <TextAreaField
        label="Message"
        rows={4}
        hint="What the professional reads. You can edit it each time you decline."
        error={form.formState.errors.body?.message}
        {...form.register('body')}
      />
      {form.formError && <Alert>{form.formError}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          {template ? 'Save the template' : 'Add the template'}
        </Button>
        {onDone && (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/** The business's decline templates, with the built-in one every business has. */
export function DeclineTemplatesPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/decline-templates' });
  const business = useBusiness(businessId);
  const templates = useDeclineTemplates(businessId);
  const remove = useDeleteDeclineTemplate(businessId);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<DeclineTemplate | null>(null);

  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (business.isPending) return <Loading what="Loading the templates" />;
  const canManage = roleCan(business.data.myRole, 'bids.manage');
  const items = templates.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Decline templates"
        description="Messages to choose from when you decline a bid. The professional reads the message you send."
        actions={
          <Link
            to="/app/businesses/$businessId/jobs"
            params={{ businessId }}
            className="rounded-md px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Your jobs
          </Link>
        }
      />
      <div className="space-y-6">
        {templates.data && (
          <Card title={templates.data.builtIn.name} description="Built in: always offered first.">
            <p className="text-sm whitespace-pre-line text-slate-700">
              {templates.data.builtIn.body}
            </p>
          </Card>
        )}
        <Card title="Your templates">
          <ListState
            query={templates}
            count={items.length}
            loading="Loading your templates"
            empty={{
              title: 'No templates of your own yet',
              body: canManage
                ? 'Add one below for the reasons you decline most often.'
                : 'An owner or manager can add templates.',
            }}
          >
            <ul className="divide-y divide-slate-100">
              {items.map((t) => (
                <li key={t.id} className="py-3">
                  {editing === t.id ? (
                    <TemplateForm
                      businessId={businessId}
                      template={t}
                      onDone={() => setEditing(null)}
                    />
                  ) : (
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900">{t.name}</p>
                        <p className="text-sm whitespace-pre-line text-slate-700">{t.body}</p>
                      </div>
                      {canManage && (
                        <div className="flex gap-2">
                          <Button variant="secondary" onClick={() => setEditing(t.id)}>
                            Edit<span className="sr-only"> {t.name}</span>
                          </Button>
                          <Button variant="danger" onClick={() => setRemoving(t)}>
                            Delete<span className="sr-only"> {t.name}</span>
                          </Button>
                        </div>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </ListState>
          {remove.isError && <Alert>{errorMessage(remove.error)}</Alert>}
        </Card>
        {canManage && (
          <Card title="Add a template">
            <TemplateForm businessId={businessId} />
          </Card>
        )}
      </div>
      <ConfirmDialog
        open={removing !== null}
        title="Delete this template?"
        confirmLabel="Delete"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing && remove.mutate(removing.id, { onSettled: () => setRemoving(null) })
        }
      >
        “{removing?.name}” goes; messages already sent with it are kept.
      </ConfirmDialog>
    </>
  );
}
