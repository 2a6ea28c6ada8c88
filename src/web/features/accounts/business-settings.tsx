import { useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import type { WorkingHours } from '../../../core/contracts/accounts.ts';
import { roleCan } from '../../../core/roles.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { useBusiness } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useUpdateBusiness } from './account-queries.ts';
import { CurrencySelect, TimeZoneSelect } from './zone-currency.tsx';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function BusinessSettings() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/settings' });
  const business = useBusiness(businessId);
  const [form, setForm] = useState<{
    name: string;
    timeZone: string;
    currency: string;
    workingHours: WorkingHours;
  } | null>(null);
  useEffect(() => {
    if (business.data) {
      const { name, timeZone, currency, workingHours } = business.data;
      setForm({ name, timeZone, currency, workingHours });
    }
  }, [business.data]);
  const save = useUpdateBusiness(businessId);

  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (business.isPending || !form) return <Loading />;
  const canEdit = roleCan(business.data.myRole, 'business.update');
  const err = save.error instanceof ApiError ? save.error : null;
  const hours = form.workingHours;
  const toggleDay = (day: number) =>
    setForm({
      ...form,
      workingHours: {
        ...hours,
        days: hours.days.includes(day)
          ? hours.days.filter((d) => d !== day)
          : [...hours.days, day].sort(),
      },
    });

  return (
    <>
      <PageHeader title="Business settings" description={business.data.name} />
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
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
            {save.isError && !err?.problem.errors && <Alert>{errorMessage(save.error)}</Alert>}
            <TextField
              label="Business name"
              value={form.name}
              error={err?.fieldError('name')}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TimeZoneSelect
                value={form.timeZone}
                disabled={!canEdit}
                onChange={(timeZone) => setForm({ ...form, timeZone })}
              />
              <CurrencySelect
                value={form.currency}
                disabled={!canEdit}
                onChange={(currency) => setForm({ ...form, currency })}
              />
            </div>
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
                      checked={hours.days.includes(i + 1)}
                      onChange={() => toggleDay(i + 1)}
                    />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid grid-cols-2 gap-4 sm:max-w-sm">
              <TextField
                label="From"
                type="time"
                value={hours.start}
                onChange={(e) =>
                  setForm({ ...form, workingHours: { ...hours, start: e.target.value } })
                }
              />
              <TextField
                label="To"
                type="time"
                value={hours.end}
                error={err?.fieldError('workingHours')}
                onChange={(e) =>
                  setForm({ ...form, workingHours: { ...hours, end: e.target.value } })
                }
              />
            </div>
          </fieldset>
        </Card>
      </form>
    </>
  );
}
