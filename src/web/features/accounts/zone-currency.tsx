import { useMemo } from 'react';
import { COMMON_CURRENCIES, currencyName, timeZones } from '../../format.ts';
import { SelectField } from '../../ui/fields.tsx';

export function TimeZoneSelect({
  value,
  onChange,
  label = 'Time zone',
  error,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  label?: string;
  error?: string;
  disabled?: boolean;
}) {
  const options = useMemo(() => {
    const zones = timeZones();
    const all = zones.includes(value) ? zones : [value, ...zones];
    return all.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
  }, [value]);
  return (
    <SelectField
      label={label}
      value={value}
      error={error}
      disabled={disabled}
      options={options}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function CurrencySelect({
  value,
  onChange,
  label = 'Currency',
  error,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  label?: string;
  error?: string;
  disabled?: boolean;
}) {
  const options = useMemo(() => {
    const codes = COMMON_CURRENCIES.includes(value)
      ? COMMON_CURRENCIES
      : [value, ...COMMON_CURRENCIES];
    return codes.map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` }));
  }, [value]);
  return (
    <SelectField
      label={label}
      value={value}
      error={error}
      disabled={disabled}
      options={options}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
