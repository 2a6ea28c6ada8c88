import { Controller } from 'react-hook-form';
import { UpdateMeSchema, type Me } from '../../../core/contracts/accounts.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useApiForm } from '../../use-api-form.ts';
import { NotificationPreferencesCard } from '../notifications/preferences-card.tsx';
import { useUpdateMe } from './account-queries.ts';
import { ApiTokens } from './api-tokens.tsx';
import { useMe } from '../../hooks.ts';
import { CurrencySelect, TimeZoneSelect } from './zone-currency.tsx';

/** Name, time zone and currency: the server's field errors land under their fields. */
function ProfileForm({ user }: { user: Me['user'] }) {
  const save = useUpdateMe();
  const form = useApiForm(UpdateMeSchema, {
    defaultValues: { name: user.name, timeZone: user.timeZone, currency: user.currency },
  });
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.submitWith((values) => save.mutateAsync(values))}>
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
          {form.formError && <Alert>{form.formError}</Alert>}
          <TextField
            label="Name"
            autoComplete="name"
            error={errors.name?.message}
            {...form.limits('name')}
            {...form.register('name')}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Controller
              control={form.control}
              name="timeZone"
              render={({ field }) => (
                <TimeZoneSelect
                  value={field.value ?? 'UTC'}
                  error={errors.timeZone?.message}
                  onChange={field.onChange}
                />
              )}
            />
            <Controller
              control={form.control}
              name="currency"
              render={({ field }) => (
                <CurrencySelect
                  label="Preferred currency"
                  value={field.value ?? 'USD'}
                  error={errors.currency?.message}
                  onChange={field.onChange}
                />
              )}
            />
          </div>
        </div>
      </Card>
    </form>
  );
}

export function AccountSettings() {
  const me = useMe();
  const user = me.data?.user;
  if (!user) return null;

  return (
    <>
      <PageHeader title="Account settings" description={`Signed in as ${user.email}`} />
      <div className="space-y-6">
        <ProfileForm user={user} />
        <NotificationPreferencesCard />
        <ApiTokens timeZone={user.timeZone} />
      </div>
    </>
  );
}
