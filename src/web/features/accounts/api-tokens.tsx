import { useState } from 'react';
import {
  API_TOKEN_LIFETIMES,
  CreateApiTokenSchema,
  DEFAULT_API_TOKEN_DAYS,
  type ApiToken,
} from '../../../core/contracts/accounts.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useApiForm } from '../../use-api-form.ts';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './account-queries.ts';

/** Personal API tokens: create (the secret is shown once), list, revoke with confirmation. */
export function ApiTokens({ timeZone }: { timeZone: string }) {
  const tokens = useApiTokens();
  const form = useApiForm(CreateApiTokenSchema, {
    // Read only unless asked: the least a new script needs.
    defaultValues: { name: '', expiresInDays: DEFAULT_API_TOKEN_DAYS, scope: 'read' },
  });
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();

  return (
    <Card
      title="API tokens"
      description={
        <>
          Scripts and integrations act as you with{' '}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>. See the{' '}
          <a className="underline" href="/api/docs">
            API reference
          </a>
          .
        </>
      }
    >
      <div className="space-y-4">
        {created && (
          <Alert tone="success">
            <p className="font-medium">Copy your new token now — it won’t be shown again.</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code
                className="rounded bg-white px-2 py-1 text-xs break-all ring-1 ring-emerald-200"
                data-testid="new-token"
              >
                {created}
              </code>
              <Button
                variant="secondary"
                onClick={() => {
                  void navigator.clipboard?.writeText(created).then(() => setCopied(true));
                }}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
          </Alert>
        )}
        {form.formError && <Alert>{form.formError}</Alert>}
        <form
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          noValidate
          onSubmit={form.submitWith(async (values) => {
            const t = await create.mutateAsync(values);
            setCreated(t.token);
            setCopied(false);
            form.resetField('name');
          })}
        >
          <div className="flex-1">
            <TextField
              label="Token name"
              placeholder="e.g. Bookkeeping sync"
              error={form.formState.errors.name?.message}
              {...form.limits('name')}
              {...form.register('name')}
            />
          </div>
          <SelectField
            label="Expires after"
            options={API_TOKEN_LIFETIMES.map((days) => ({
              value: String(days),
              label: days === 365 ? '1 year' : `${days} days`,
            }))}
            // A select gives a string; the contract wants one of the lifetimes, in days.
            {...form.register('expiresInDays', { setValueAs: (v: string) => Number(v) })}
          />
          <SelectField
            label="Access"
            options={[
              { value: 'read', label: 'Read only' },
              { value: 'read-write', label: 'Read and write' },
            ]}
            {...form.register('scope')}
          />
          <Button type="submit" busy={create.isPending}>
            Create token
          </Button>
        </form>
        <ListState
          query={tokens}
          count={tokens.data?.items.length ?? 0}
          loading="Loading tokens"
          empty={{
            title: 'No API tokens',
            body: 'Create one to use the Handoff API from a script.',
          }}
        >
          <ul className="divide-y divide-slate-100">
            {tokens.data?.items.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium text-slate-900">{t.name}</p>
                  <p className="text-xs text-slate-600">
                    <code>{t.prefix}…</code> · {t.scope === 'read' ? 'read only' : 'read and write'}{' '}
                    · created {formatDateTime(t.createdAt, timeZone)} ·{' '}
                    {t.expiresAt ? `expires ${formatDateTime(t.expiresAt, timeZone)}` : 'no expiry'}{' '}
                    ·{' '}
                    {t.lastUsedAt
                      ? `last used ${formatDateTime(t.lastUsedAt, timeZone)}`
                      : 'never used'}
                  </p>
                </div>
                <Button variant="danger" onClick={() => setRevoking(t)}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </ListState>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })
        }
      >
        Scripts using this token stop working at once. This cannot be undone; you can create a new
        token.
      </ConfirmDialog>
    </Card>
  );
}
