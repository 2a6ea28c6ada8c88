import { useParams } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { UpdateBusinessSchema, type Business } from '../../../core/contracts/accounts.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { useBusiness } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useApiForm } from '../../use-api-form.ts';
import { useUpdateBusiness } from './account-queries.ts';
import { CurrencySelect, TimeZoneSelect } from './zone-currency.tsx';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function BusinessSettings() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/settings' });
  const business = useBusiness(businessId);
  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (business.isPending) return <Loading />;
  // Keyed by the business: another business's settings start from its own values.
  return <SettingsForm key={business.data.id} business={business.data} />;
}

function SettingsForm({ business }: { business: Business }) {
  const save = useUpdateBusiness(business.id);
  const { name, timeZone, currency, workingHours } = business;
  const form = useApiForm(UpdateBusinessSchema, {
    defaultValues: { name, timeZone, currency, workingHours },
  });
  const { errors } = form.formState;
  const canEdit = roleCan(business.myRole, 'business.update');

  return (
    <>
      <PageHeader title="Business settings" description={business.name} />
      <form noValidate onSubmit={form.submitWith((values) => save.mutateAsync(values))}>
        <Card
          title="Details"
          description="Your time zone and working hours are used to find professionals whose hours overlap yours; the currency is the default for jobs and contracts."
          footer={
            canEdit ? (
              <Button type="submit" busy={save.isPending}>
                Save changes
              </Button>
            ) : undefined
          }
        >
          <fieldset disabled={!canEdit} className="space-y-4">
            {!canEdit && (
              <Alert tone="info">
                You can view these settings; an owner or manager can change them.
              </Alert>
            )}
            {save.isSuccess && <Alert tone="success">Saved.</Alert>}
            {form.formError && <Alert>{form.formError}</Alert>}
            <TextField
              label="Business name"
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
                    value={field.value ?? timeZone}
                    disabled={!canEdit}
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
                    value={field.value ?? currency}
                    disabled={!canEdit}
                    error={errors.currency?.message}
                    onChange={field.onChange}
                  />
                )}
              />
            </div>
            <Controller
              control={form.control}
              name="workingHours.days"
              render={({ field }) => {
                const days = field.value ?? [];
                const toggle = (day: number) =>
                  field.onChange(
                    days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort(),
                  );
                return (
                  <fieldset>
                    <legend className="text-sm font-medium text-slate-800">Working days</legend>
                    <div className="mt-2 flex flex-wrap gap-2">
                      {DAYS.map((label, i) => (
                        <label
                          key={label}
                          className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm ring-1 ring-slate-300"
                        >
                          <input
                            type="checkbox"
                            className="h-4 w-4 accent-brand-700"
                            checked={days.includes(i + 1)}
                            onChange={() => toggle(i + 1)}
                          />
                          {label}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                );
              }}
            />
            <div className="grid grid-cols-2 gap-4 sm:max-w-sm">
              <TextField
                label="From"
                type="time"
                error={errors.workingHours?.start?.message}
                {...form.register('workingHours.start')}
              />
              <TextField
                label="To"
                type="time"
                error={errors.workingHours?.end?.message ?? errors.workingHours?.message}
                {...form.register('workingHours.end')}
              />
            </div>
          </fieldset>
        </Card>
      </form>
    </>
  );
}
