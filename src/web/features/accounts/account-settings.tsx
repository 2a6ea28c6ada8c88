import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { NotificationPreferencesCard } from '../notifications/preferences-card.tsx';
import { useUpdateMe } from './account-queries.ts';
import { ApiTokens } from './api-tokens.tsx';
import { useMe } from '../../hooks.ts';
import { CurrencySelect, TimeZoneSelect } from './zone-currency.tsx';

export function AccountSettings() {
  const me = useMe();
  const user = me.data?.user;
  const [form, setForm] = useState({ name: '', timeZone: 'UTC', currency: 'USD' });
  useEffect(() => {
    if (user) setForm({ name: user.name, timeZone: user.timeZone, currency: user.currency });
  }, [user]);
  const save = useUpdateMe();
  if (!user) return null;
  const err = save.error instanceof ApiError ? save.error : null;

  return (
    <>
      <PageHeader title="Account settings" description={`Signed in as ${user.email}`} />
      <div className="space-y-6">
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate(form);
          }}
        >
          <Card
            title="Profile"
            description="Times are shown in your time zone everywhere in Handoff; money in a contract’s currency, with an estimate in yours."
            footer={
              <Button type="submit" busy={save.isPending}>
                Save changes
              </Button>
            }
          >
            <div className="space-y-4">
              {save.isSuccess && <Alert tone="success">Saved.</Alert>}
              {save.isError && !err?.problem.errors && <Alert>{errorMessage(save.error)}</Alert>}
              <TextField
                label="Name"
                autoComplete="name"
                value={form.name}
                error={err?.fieldError('name')}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
              <div className="grid gap-4 sm:grid-cols-2">
                <TimeZoneSelect
                  value={form.timeZone}
                  error={err?.fieldError('timeZone')}
                  onChange={(timeZone) => setForm({ ...form, timeZone })}
                />
                <CurrencySelect
                  label="Preferred currency"
                  value={form.currency}
                  error={err?.fieldError('currency')}
                  onChange={(currency) => setForm({ ...form, currency })}
                />
              </div>
            </div>
          </Card>
        </form>
        <NotificationPreferencesCard />
        <ApiTokens timeZone={user.timeZone} />
      </div>
    </>
  );
}
