/**
 * The editable rows of the catalog page (a category, an exchange rate) and the small pieces both
 * cards share. Each row is its own form, so Enter in any of its fields saves that row alone.
 */
import { Check } from 'lucide-react';
import {
  useId,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from 'react';
import type { z } from 'zod';
import {
  UpdateCurrencyRateSchema,
  type Category,
  type CurrencyRateSchema,
} from '../../../core/contracts/audit.ts';
import { fromMajor, minorDigits, toMajor, type Money } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { useSaveCategory, useSaveRate } from './admin-queries.ts';
import { currencyName, formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { controlClass } from '../../ui/fields.tsx';
import { Alert } from '../../ui/feedback.tsx';

export type CurrencyRate = z.infer<typeof CurrencyRateSchema>;

/** An amount as the admin types it, in major units with the currency's own decimals (45.00, 4500 for JPY). */
export const majorText = (m: Money) => toMajor(m).toFixed(minorDigits(m.currency));

/** A typed decimal ('45', '45.5', or '45,50' with a decimal comma), or null when it is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d*)?$|^\.\d+$/.test(t) ? Number(t) : null;
}

/** A typed amount in minor units, or why it cannot be one (too many decimals for the currency). */
export function parseMoney(text: string, currency: string): Money | string {
  const major = parseDecimal(text);
  const digits = minorDigits(currency);
  if (major === null) return digits ? 'Enter an amount such as 45.00.' : 'Enter a whole amount.';
  const decimals = text.trim().split(/[.,]/)[1]?.length ?? 0;
  if (decimals > digits)
    return digits ? `${currency} has ${digits} decimal places.` : `${currency} has no decimals.`;
  return fromMajor(major, currency);
}

const matches = (path: string, field: string) =>
  path === `body.${field}` || path.startsWith(`body.${field}.`);

/**
 * A failed request as its problem details: the title, then each field error not already shown
 * beside its input (those in `shown`), or else the detail.
 */
export function ProblemAlert({ error, shown = [] }: { error: unknown; shown?: string[] }) {
  if (!(error instanceof ApiError)) return <Alert>{errorMessage(error)}</Alert>;
  const { title, detail, errors } = error.problem;
  const rest = errors?.filter((e) => !shown.some((f) => matches(e.path, f))) ?? [];
  return (
    <Alert>
      <p className="font-medium">{title}</p>
      {errors && rest.length === 0 ? (
        <p>Check the marked fields.</p>
      ) : rest.length > 0 ? (
        <ul className="list-disc pl-5">
          {rest.map((e) => (
            <li key={e.path}>
              {e.path.replace(/^(body|params)\./, '')}: {e.message}
            </li>
          ))}
        </ul>
      ) : (
        detail && <p>{detail}</p>
      )}
    </Alert>
  );
}

/** The message for one field from a client check or else the server's problem, for under its input. */
export function fieldError(
  field: string,
  local: Record<string, string | undefined>,
  error: unknown,
): string | undefined {
  return local[field] ?? (error instanceof ApiError ? error.fieldError(field) : undefined);
}

/** A card on a phone, a plain table row from md up. */
const rowClass = 'rounded-md p-3 ring-1 ring-slate-200 md:rounded-none md:px-0 md:py-3 md:ring-0';

/**
 * A labelled control inside a row. On a phone the label shows above it; on wider screens the
 * column header says it, so the label is for screen readers only. Either way the name carries
 * the row ("Name of Data entry"), since every row has the same fields.
 */
type InlineProps = { label: string; of: string; error?: string };

function InlineShell({
  id,
  label,
  of,
  error,
  children,
}: InlineProps & { id: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700 md:sr-only">
        {label}
        <span className="sr-only"> of {of}</span>
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function InlineInput({
  label,
  of,
  error,
  ...input
}: InlineProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <InlineShell id={id} label={label} of={of} error={error}>
      <input
        id={id}
        className={controlClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
    </InlineShell>
  );
}

/** A currency select whose options read "EUR — Euro". */
function CurrencyInlineSelect({
  label,
  of,
  options,
  ...select
}: InlineProps & SelectHTMLAttributes<HTMLSelectElement> & { options: string[] }) {
  const id = useId();
  return (
    <InlineShell id={id} label={label} of={of}>
      <select id={id} className={controlClass} {...select}>
        {options.map((c) => (
          <option key={c} value={c}>
            {c} — {currencyName(c)}
          </option>
        ))}
      </select>
    </InlineShell>
  );
}

/** The row's Save button and, once saved and unchanged since, a note that says so. */
function SaveAction({
  what,
  dirty,
  busy,
  saved,
  className = 'col-span-2 md:col-span-1',
}: {
  what: string;
  dirty: boolean;
  busy: boolean;
  saved: boolean;
  className?: string;
}) {
  return (
    <div className={`flex items-center justify-end gap-3 ${className}`}>
      <span role="status" className="inline-flex items-center gap-1 text-sm text-emerald-700">
        {saved && (
          <>
            <Check size={16} aria-hidden /> Saved<span className="sr-only"> {what}</span>
          </>
        )}
      </span>
      <Button type="submit" variant={dirty ? 'primary' : 'secondary'} busy={busy}>
        Save<span className="sr-only"> {what}</span>
      </Button>
    </div>
  );
}

/** Columns of a category row on wider screens: name, rate, currency, save. */
export const CATEGORY_GRID = 'md:grid-cols-[minmax(0,1fr)_7.5rem_13rem_8.5rem]';

export function CategoryRow({
  category,
  currencies,
}: {
  category: Category;
  currencies: string[];
}) {
  const [name, setName] = useState(category.name);
  const [amount, setAmount] = useState(majorText(category.marketRate));
  const [currency, setCurrency] = useState(category.marketRate.currency);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const save = useSaveCategory(category.slug);
  const dirty =
    name !== category.name ||
    amount !== majorText(category.marketRate) ||
    currency !== category.marketRate.currency;
  const options = currencies.includes(currency) ? currencies : [currency, ...currencies];

  function submit(e: FormEvent) {
    e.preventDefault();
    const marketRate = parseMoney(amount, currency);
    const errors = {
      name: name.trim() ? undefined : 'Enter a name.',
      'marketRate.amount': typeof marketRate === 'string' ? marketRate : undefined,
    };
    setLocal(errors);
    // A new attempt clears the last answer, so an old problem never sits beside new input.
    save.reset();
    if (typeof marketRate === 'string' || errors.name) return;
    save.mutate(
      { name: name.trim(), marketRate },
      {
        onSuccess: (saved) => {
          setName(saved.name);
          setAmount(majorText(saved.marketRate));
          setCurrency(saved.marketRate.currency);
        },
      },
    );
  }

  return (
    <li className={rowClass}>
      <form
        noValidate
        onSubmit={submit}
        className={`grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 md:items-start ${CATEGORY_GRID}`}
      >
        <div className="col-span-2 md:col-span-1">
          <InlineInput
            label="Name"
            of={category.name}
            value={name}
            maxLength={80}
            error={fieldError('name', local, save.error)}
            onChange={(e) => setName(e.target.value)}
          />
          <p className="mt-1 text-xs text-slate-600">
            <span className="sr-only">Slug: </span>
            {category.slug}
          </p>
        </div>
        <InlineInput
          label="Rate per hour"
          of={category.name}
          inputMode="decimal"
          value={amount}
          error={fieldError('marketRate.amount', local, save.error)}
          onChange={(e) => setAmount(e.target.value)}
        />
        <CurrencyInlineSelect
          label="Currency"
          of={category.name}
          options={options}
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
        />
        <SaveAction
          what={category.name}
          dirty={dirty}
          busy={save.isPending}
          saved={save.isSuccess && !dirty}
        />
        {save.isError && (
          <div className="col-span-full">
            <ProblemAlert error={save.error} shown={['name', 'marketRate.amount']} />
          </div>
        )}
      </form>
    </li>
  );
}

/** Columns of an exchange-rate row on wider screens: currency, rate, last update, save. */
export const RATE_GRID = 'md:grid-cols-[minmax(0,1fr)_9rem_minmax(0,12rem)_8.5rem]';

/** Why a typed rate is not one the API takes (the contract's bounds), if it is not. */
export function perUsdError(text: string): string | undefined {
  const value = parseDecimal(text);
  if (value === null || !UpdateCurrencyRateSchema.shape.perUsd.safeParse(value).success)
    return 'Enter a positive number up to 1,000,000, such as 0.92.';
}

export function RateRow({ rate, timeZone }: { rate: CurrencyRate; timeZone: string }) {
  const [text, setText] = useState(String(rate.perUsd));
  const [local, setLocal] = useState<string>();
  const save = useSaveRate();
  const dirty = text !== String(rate.perUsd);
  // On a phone the update time goes last, under the rate and its Save button.
  const updated = (
    <p className="order-last col-span-2 text-xs text-slate-600 md:order-none md:col-span-1 md:pt-2 md:text-sm">
      <span className="md:sr-only">Updated </span>
      <time dateTime={rate.updatedAt}>{formatDateTime(rate.updatedAt, timeZone)}</time>
    </p>
  );
  const label = (
    <div className="col-span-2 min-w-0 md:col-span-1 md:pt-1.5">
      <span className="font-medium text-slate-900">{rate.currency}</span>{' '}
      <span className="text-sm text-slate-600">{currencyName(rate.currency)}</span>
    </div>
  );

  // The US dollar is the unit every other rate is stated in, so it stays 1.
  if (rate.currency === 'USD')
    return (
      <li className={rowClass}>
        <div className={`grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 ${RATE_GRID}`}>
          {label}
          <p className="text-sm text-slate-700 md:pt-2">1, the reference</p>
          {updated}
        </div>
      </li>
    );

  function submit(e: FormEvent) {
    e.preventDefault();
    const error = perUsdError(text);
    setLocal(error);
    save.reset();
    if (!error)
      save.mutate(
        { currency: rate.currency, perUsd: parseDecimal(text) ?? 0 },
        { onSuccess: (saved) => setText(String(saved.perUsd)) },
      );
  }

  return (
    <li className={rowClass}>
      <form
        noValidate
        onSubmit={submit}
        className={`grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-2 md:items-start ${RATE_GRID}`}
      >
        {label}
        <InlineInput
          label="Per US dollar"
          of={rate.currency}
          inputMode="decimal"
          value={text}
          error={fieldError('perUsd', { perUsd: local }, save.error)}
          onChange={(e) => setText(e.target.value)}
        />
        {updated}
        {/* Beside the rate on a phone, level with its input below the visible label. */}
        <SaveAction
          what={`${rate.currency} rate`}
          dirty={dirty}
          busy={save.isPending}
          saved={save.isSuccess && !dirty}
          className="pt-5 md:pt-0"
        />
        {save.isError && (
          <div className="order-last col-span-full md:order-none">
            <ProblemAlert error={save.error} shown={['perUsd']} />
          </div>
        )}
      </form>
    </li>
  );
}
