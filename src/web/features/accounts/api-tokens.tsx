import { useState, type FormEvent } from 'react';
import {
  API_TOKEN_LIFETIMES,
  DEFAULT_API_TOKEN_DAYS,
  type ApiToken,
  type ApiTokenLifetime,
  type ApiTokenScope,
} from '../../../core/contracts/accounts.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './account-queries.ts';

/** Personal API tokens: create (the secret is shown once), list, revoke with confirmation. */
export function ApiTokens({ timeZone }: { timeZone: string }) {
  const tokens = useApiTokens();
  const [name, setName] = useState('');
  const [expiresInDays, setExpiresInDays] = useState<ApiTokenLifetime>(DEFAULT_API_TOKEN_DAYS);
  const [scope, setScope] = useState<ApiTokenScope>('read');
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
        <form
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            create.mutate(
              { name, expiresInDays, scope },
              {
                onSuccess: (t) => {
                  setCreated(t.token);
                  setCopied(false);
                  setName('');
                },
              },
            );
          }}
        >
          <div className="flex-1">
            <TextField
              label="Token name"
              placeholder="e.g. Bookkeeping sync"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={
                create.error instanceof ApiError
                  ? (create.error.fieldError('name') ?? errorMessage(create.error))
                  : undefined
              }
            />
          </div>
          <SelectField
            label="Expires after"
            value={String(expiresInDays)}
            onChange={(e) =>
              setExpiresInDays(
                API_TOKEN_LIFETIMES.find((d) => String(d) === e.target.value) ??
                  DEFAULT_API_TOKEN_DAYS,
              )
            }
            options={API_TOKEN_LIFETIMES.map((days) => ({
              value: String(days),
              label: days === 365 ? '1 year' : `${days} days`,
            }))}
          />
          <SelectField
            label="Access"
            value={scope}
            onChange={(e) => setScope(e.target.value as ApiTokenScope)}
            options={[
              { value: 'read', label: 'Read only' },
              { value: 'read-write', label: 'Read and write' },
            ]}
          />
          <Button type="submit" busy={create.isPending}>
            Create token
          </Button>
        </form>
        {tokens.isPending ? (
          <Loading what="Loading tokens" />
        ) : tokens.isError ? (
          <Alert>{errorMessage(tokens.error)}</Alert>
        ) : tokens.data.items.length === 0 ? (
          <EmptyState title="No API tokens">
            Create one to use the Handoff API from a script.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tokens.data.items.map((t) => (
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
        )}
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
