/**
 * The job board's search box and filters. Each control writes to the address (BoardSearch);
 * typed text is written 250 ms after the last keystroke, choices at once.
 */
import { Search } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Category } from '../../../core/contracts/audit.ts';
import { BUDGET_TYPES, type BudgetType } from '../../../core/jobs.ts';
import { COMMON_CURRENCIES, currencyName } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { controlClass, SelectField } from '../../ui/fields.tsx';
import {
  BUDGET_KIND_NOTE,
  budgetKind,
  clearFiltersPatch,
  comparesBudgets,
  hasFilters,
  sortPatch,
  splitSkills,
  type BoardSearch,
  type PostedWithin,
} from './board-queries.ts';
import { SkillsInput } from './skills-input.tsx';

/**
 * A change of the address. A patch that depends on other filters is a function of the address
 * as it is when the change is applied: a field's commit comes up to 250 ms after the render it
 * was typed in, and a filter changed meanwhile must not be written back to what that render saw.
 */
export type ChangeSearch = (
  patch: Partial<BoardSearch> | ((current: BoardSearch) => Partial<BoardSearch>),
  options?: { replace?: boolean },
) => void;

const DEBOUNCE_MS = 250;

/**
 * A typed value that follows the address: edits are committed after a pause, and a change of
 * the address from elsewhere (back button, "Clear filters") replaces what is in the field.
 * `same` says whether the text already means the committed value, so neither side echoes.
 * One visit to the field makes one history entry: its first commit pushes, later ones replace,
 * so Back undoes the whole edit rather than a keystroke.
 */
function useLiveText(
  committed: string,
  same: (text: string) => boolean,
  commit: (text: string, replace: boolean) => void,
) {
  const [text, setText] = useState(committed);
  const editing = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLInputElement>(null);
  // Typed into the server's HTML before the app took the field over: hydration keeps what the
  // field shows but tells nobody, so it is taken up here as if typed now (it was lost).
  useEffect(() => {
    const shown = input.current?.value;
    if (shown !== undefined && shown !== text) setText(shown);
  }, []);
  useEffect(() => {
    if (!same(text)) setText(committed);
  }, [committed]);
  useEffect(() => {
    if (same(text)) return;
    pending.current = setTimeout(() => {
      commit(text, editing.current);
      editing.current = true;
    }, DEBOUNCE_MS);
    return () => clearTimeout(pending.current);
  }, [text]);
  const endEdit = () => {
    editing.current = false;
  };
  // Enter commits at once: the pause's commit must not follow it, or a visitor who leaves the
  // board straight after (a link, while the next page's code loads) is sent back to it.
  const committedNow = () => {
    clearTimeout(pending.current);
    endEdit();
  };
  return [text, setText, endEdit, committedNow, input] as const;
}

/** The full-text search over titles, summaries and skills. */
export function SearchBox({ q, onChange }: { q?: string; onChange: ChangeSearch }) {
  const id = useId();
  const [text, setText, endEdit, committedNow, input] = useLiveText(
    q ?? '',
    (t) => t.trim() === (q ?? ''),
    (t, replace) => onChange({ q: t.trim() || undefined }, { replace }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim() !== (q ?? '')) onChange({ q: text.trim() || undefined });
    committedNow();
  }
  return (
    <form role="search" onSubmit={submit} className="relative flex-1">
      <label htmlFor={id} className="sr-only">
        Search jobs
      </label>
      <Search
        size={16}
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-500"
      />
      <input
        ref={input}
        id={id}
        type="search"
        value={text}
        maxLength={200}
        placeholder="Search titles, summaries and skills"
        onChange={(e) => setText(e.target.value)}
        onBlur={endEdit}
        className={`${controlClass} pl-9`}
      />
    </form>
  );
}

export function SortSelect({ search, onChange }: { search: BoardSearch; onChange: ChangeSearch }) {
  return (
    <div className="sm:w-48">
      <SelectField
        label="Sort by"
        value={search.sort ?? 'newest'}
        // Only the order: under it budgets compare within the chosen kind, else fixed prices
        // (budgetKind), and that implicit kind must not outlive the order in the address.
        onChange={(e) => onChange(sortPatch(e.target.value))}
        options={[
          { value: 'newest', label: 'Newest first' },
          { value: 'budget', label: 'Highest budget first' },
        ]}
      />
    </div>
  );
}

const KIND_LABELS: Record<BudgetType, string> = { fixed: 'Fixed prices', hourly: 'Hourly rates' };

/**
 * Beside the budget order, on every screen size (the filters fold away on a phone): which kind
 * of budget is in order, and why only one.
 */
export function BudgetKindSwitch({
  type,
  onChange,
}: {
  type: BudgetType | undefined;
  onChange: ChangeSearch;
}) {
  const id = useId();
  const current = type ?? 'fixed';
  return (
    <fieldset
      aria-describedby={`${id}-note`}
      className="mb-4 flex flex-col gap-2 rounded-md bg-white px-3 py-2 ring-1 ring-slate-200 sm:flex-row sm:items-center sm:justify-between"
    >
      <legend className="sr-only">Sort the budgets of</legend>
      <p id={`${id}-note`} className="text-sm text-slate-700">
        {BUDGET_KIND_NOTE}
      </p>
      <div className="inline-flex shrink-0 self-start overflow-hidden rounded-md ring-1 ring-slate-300 sm:self-auto">
        {BUDGET_TYPES.map((kind) => (
          <label
            key={kind}
            className="cursor-pointer px-3 py-1.5 text-sm font-medium text-slate-700 not-first:border-l not-first:border-slate-300 hover:bg-slate-50 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:-outline-offset-2 has-[:focus-visible]:outline-brand-900"
          >
            <input
              type="radio"
              name={id}
              value={kind}
              checked={current === kind}
              onChange={() => onChange({ type: kind })}
              className="sr-only"
            />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** How many filters (besides the search text) are set: the phone's "Filters (2)" button. */
export const countFilters = (s: BoardSearch) =>
  [
    s.category,
    s.skills,
    // Under the budget order the kind is chosen beside the order, not counted as a filter.
    s.sort === 'budget' ? undefined : s.type,
    s.min !== undefined || s.max !== undefined ? 'budget' : undefined,
    s.posted,
  ].filter(Boolean).length;

const POSTED_LABELS: Record<PostedWithin, string> = {
  '1d': 'Last 24 hours',
  '3d': 'Last 3 days',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

export function BoardFilters({
  search,
  onChange,
  categories,
  viewerCurrency,
}: {
  search: BoardSearch;
  onChange: ChangeSearch;
  /** Undefined while loading or when the list failed: the filter then offers "Any" only. */
  categories: Category[] | undefined;
  viewerCurrency: string;
}) {
  const id = useId();
  const currency = search.currency ?? viewerCurrency;
  const currencies = [...new Set([currency, viewerCurrency, ...COMMON_CURRENCIES])];
  const comparing = comparesBudgets(search);
  // The kind in effect: the chosen one, or fixed prices while budgets are compared.
  const kind = budgetKind(search);
  const hourly = kind === 'hourly';
  // A bound is written with the currency it is in, the one shown when it is committed (a
  // currency chosen while the amount was being typed, not the one shown as typing began).
  const amountPatch = (bound: Pick<BoardSearch, 'min' | 'max'>) => (current: BoardSearch) => ({
    ...bound,
    currency: current.currency ?? viewerCurrency,
  });
  return (
    <div className="space-y-5">
      <SelectField
        label="Category"
        value={search.category ?? ''}
        onChange={(e) => onChange({ category: e.target.value || undefined })}
        options={[
          { value: '', label: 'Any category' },
          ...(categories ?? []).map((c) => ({ value: c.slug, label: c.name })),
          // A category in a shared link that is not (yet) in the list still shows as chosen.
          ...(search.category && categories && !categories.some((c) => c.slug === search.category)
            ? [{ value: search.category, label: search.category }]
            : []),
        ]}
      />
      <SkillsInput
        id={`${id}-skills`}
        label="Skills"
        value={splitSkills(search.skills)}
        onChange={(skills) => onChange({ skills: skills.length ? skills.join(',') : undefined })}
        onlyExisting
      />
      <SelectField
        label="Budget type"
        hint={comparing ? BUDGET_KIND_NOTE : undefined}
        value={kind ?? ''}
        onChange={(e) => {
          const type =
            e.target.value === 'fixed' || e.target.value === 'hourly' ? e.target.value : undefined;
          // Both kinds at once cannot be compared: the amounts and the budget order go with it.
          onChange(type ? { type } : { type, min: undefined, max: undefined, sort: undefined });
        }}
        options={[
          { value: '', label: 'Fixed price or hourly' },
          { value: 'fixed', label: 'Fixed price' },
          { value: 'hourly', label: 'Hourly rate' },
        ]}
      />
      <fieldset className="space-y-2" aria-describedby={`${id}-budget-overlap`}>
        <legend className="text-sm font-medium text-slate-800">
          {hourly ? 'Rate per hour' : kind === 'fixed' ? 'Total price' : 'Budget'}
        </legend>
        <p id={`${id}-budget-overlap`} className="text-xs text-slate-600">
          A job matches when its range overlaps yours: a 1,200–2,000 job shows in a 1,000–1,500
          search.
        </p>
        <div className="grid grid-cols-2 gap-2">
          {/* An amount typed without a kind is read as a fixed price (the kind shows above), but
              only a chosen kind is written, so clearing the amounts shows both kinds again. */}
          <AmountInput
            label="From"
            value={search.min}
            currency={currency}
            perHour={hourly}
            onCommit={(min, replace) => onChange(amountPatch({ min }), { replace })}
          />
          <AmountInput
            label="To"
            value={search.max}
            currency={currency}
            perHour={hourly}
            onCommit={(max, replace) => onChange(amountPatch({ max }), { replace })}
            error={
              search.min !== undefined && search.max !== undefined && search.min > search.max
                ? 'Below “From”'
                : undefined
            }
          />
        </div>
        <SelectField
          label="Currency"
          hint="Budgets in other currencies are compared at the current exchange rates."
          value={currency}
          onChange={(e) => onChange({ currency: e.target.value })}
          options={currencies.map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` }))}
        />
      </fieldset>
      <SelectField
        label="Posted"
        value={search.posted ?? ''}
        onChange={(e) =>
          onChange({ posted: (e.target.value || undefined) as PostedWithin | undefined })
        }
        options={[
          { value: '', label: 'Any time' },
          ...Object.entries(POSTED_LABELS).map(([value, label]) => ({ value, label })),
        ]}
      />
      {hasFilters({ ...search, q: undefined }) && (
        <Button variant="secondary" className="w-full" onClick={() => onChange(clearFiltersPatch)}>
          Clear filters
        </Button>
      )}
    </div>
  );
}

/** A decimal as typed ('45', '45.5', '45,50'), undefined when empty, NaN when not a number. */
function parseAmount(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!t) return undefined;
  return /^\d+(\.\d*)?$|^\.\d+$/.test(t) ? Number(t) : NaN;
}

/** A budget bound in major units of the currency, shown with the currency's code (and "/h"). */
function AmountInput({
  label,
  value,
  currency,
  perHour,
  onCommit,
  error,
}: {
  label: string;
  value: number | undefined;
  currency: string;
  /** An hourly rate rather than a total. */
  perHour: boolean;
  onCommit: (value: number | undefined, replace: boolean) => void;
  error?: string;
}) {
  const id = useId();
  const [text, setText, endEdit, , input] = useLiveText(
    value === undefined ? '' : String(value),
    (t) => parseAmount(t) === value,
    (t, replace) => {
      const parsed = parseAmount(t);
      if (!Number.isNaN(parsed)) onCommit(parsed, replace);
    },
  );
  const invalid = Number.isNaN(parseAmount(text)) ? 'Enter a number' : error;
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}{' '}
        <span className="sr-only">
          ({currencyName(currency)}
          {perHour ? ' per hour' : ''})
        </span>
      </label>
      <div className="relative">
        <input
          ref={input}
          id={id}
          inputMode="decimal"
          value={text}
          placeholder={label === 'From' ? '0' : 'Any'}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={endEdit}
          className={`${controlClass} ${perHour ? 'pr-14' : 'pr-12'}`}
        />
        <span
          aria-hidden
          className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-slate-500"
        >
          {perHour ? `${currency}/h` : currency}
        </span>
      </div>
      {invalid && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {invalid}
        </p>
      )}
    </div>
  );
}
