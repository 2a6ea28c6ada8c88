import { useMemo } from 'react';
import { COMMON_CURRENCIES, currencyName, timeZones } from '../../format.ts';
import { SelectField } from '../../ui/fields.tsx';

interface ChoiceProps {
  value: string;
  onChange: (v: string) => void;
  label?: string;
  error?: string;
  disabled?: boolean;
}

/** A select over a list of codes that always includes the current value, even an unusual one. */
function CodeSelect({
  codes,
  describe,
  label,
  ...props
}: ChoiceProps & { codes: string[]; describe: (c: string) => string; label: string }) {
  const { value } = props;
  const options = useMemo(
    () =>
      (codes.includes(value) ? codes : [value, ...codes]).map((c) => ({
        value: c,
        label: describe(c),
      })),
    [codes, describe, value],
  );
  return (
    <SelectField
      label={label}
      value={value}
      error={props.error}
      disabled={props.disabled}
      options={options}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

const zoneLabel = (z: string) => z.replaceAll('_', ' ');
const currencyLabel = (c: string) => `${c} — ${currencyName(c)}`;

export function TimeZoneSelect({ label = 'Time zone', ...props }: ChoiceProps) {
  const zones = useMemo(() => timeZones(), []);
  return <CodeSelect codes={zones} describe={zoneLabel} label={label} {...props} />;
}

export function CurrencySelect({ label = 'Currency', ...props }: ChoiceProps) {
  return <CodeSelect codes={COMMON_CURRENCIES} describe={currencyLabel} label={label} {...props} />;
}
