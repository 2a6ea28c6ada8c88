/**
 * The directory's facet panel: each control writes to the address (DirectorySearch). Choices
 * apply at once; typed values (skills, languages, rates, numbers) when the field is left or
 * Enter is pressed, so a half-typed number never searches.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DirectoryPage } from '../../../core/contracts/directory.ts';
import { Button } from '../../ui/button.tsx';
import { controlClass, SelectField } from '../../ui/fields.tsx';
import type { DirectorySearch } from './directory-queries.ts';

export type ChangeSearch = (
  patch: Partial<DirectorySearch>,
  options?: { replace?: boolean },
) => void;

type Facet = NonNullable<DirectoryPage['facets']>['skills'];

const withCount = (facet: Facet | undefined, value: string, label = value) => {
  const n = facet?.find((f) => f.value === value)?.count;
  return n === undefined ? label : `${label} (${n})`;
};

/** A text or number input committed on blur or Enter. */
function CommitField({
  label,
  hint,
  value,
  onCommit,
  type = 'text',
  inputMode,
  placeholder,
}: {
  label: string;
  hint?: string;
  value: string;
  onCommit: (value: string) => void;
  type?: 'text' | 'number';
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit();
  };
  return (
    <form onSubmit={submit} className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type={type}
        min={type === 'number' ? 0 : undefined}
        inputMode={inputMode}
        placeholder={placeholder}
        className={controlClass}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </form>
  );
}

const numberOf = (v: string) => (v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
const addTo = (list: string | undefined, value: string) =>
  [...new Set([...(list ? list.split(',') : []), value])].join(',');

/** Buttons that add the most frequent values of a facet to a comma-separated filter. */
function FacetChips({
  facet,
  selected,
  label,
  onAdd,
}: {
  facet: Facet | undefined;
  selected: string | undefined;
  label: string;
  onAdd: (value: string) => void;
}) {
  const chosen = new Set(selected?.split(',') ?? []);
  const chips = (facet ?? []).filter((f) => !chosen.has(f.value)).slice(0, 8);
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={label}>
      {chips.map((f) => (
        <li key={f.value}>
          <button
            type="button"
            onClick={() => onAdd(f.value)}
            className="rounded-full bg-slate-100 px-2.5 py-1 text-xs text-slate-800 ring-1 ring-slate-300 hover:bg-slate-200 focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:outline-none"
          >
            + {f.value} <span className="text-slate-600">({f.count})</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function DirectoryFilters({
  search,
  onChange,
  facets,
  currency,
  categories,
  hasBusiness,
}: {
  search: DirectorySearch;
  onChange: ChangeSearch;
  facets: DirectoryPage['facets'] | undefined;
  currency: string;
  categories: { slug: string; name: string }[] | undefined;
  hasBusiness: boolean;
}) {
  const categoryOptions = [
    { value: '', label: 'Any category' },
    ...(categories ?? []).map((c) => ({
      value: c.slug,
      label: withCount(facets?.categories, c.slug, c.name),
    })),
  ];
  const countryOptions = [
    { value: '', label: 'Any country' },
    ...(search.country && !facets?.countries.some((c) => c.value === search.country)
      ? [{ value: search.country, label: search.country }]
      : []),
    ...(facets?.countries ?? []).map((c) => ({ value: c.value, label: `${c.value} (${c.count})` })),
  ];
  return (
    <div className="space-y-4">
      <SelectField
        label="Show"
        value={search.kind ?? ''}
        onChange={(e) =>
          onChange({ kind: (e.target.value || undefined) as DirectorySearch['kind'] })
        }
        options={[
          { value: '', label: 'Professionals and businesses' },
          { value: 'professionals', label: 'Professionals only' },
          { value: 'businesses', label: 'Businesses only' },
        ]}
      />
      {hasBusiness && (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300"
            checked={Boolean(search.pool)}
            onChange={(e) => onChange({ pool: e.target.checked || undefined })}
          />
          Only my business’s pool
        </label>
      )}
      <SelectField
        label="Category"
        value={search.category ?? ''}
        onChange={(e) => onChange({ category: e.target.value || undefined })}
        options={categoryOptions}
      />
      <div className="space-y-2">
        <CommitField
          label="Skills (all of)"
          hint="Comma-separated, e.g. figma,canva"
          value={search.skills ?? ''}
          onCommit={(v) => onChange({ skills: v.toLowerCase().replace(/\s+/g, '') || undefined })}
        />
        <FacetChips
          facet={facets?.skills}
          selected={search.skills}
          label="Common skills in these results"
          onAdd={(v) => onChange({ skills: addTo(search.skills, v) })}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Hourly rate ({currency})</legend>
        <div className="grid grid-cols-2 gap-2">
          <CommitField
            label="From"
            type="number"
            inputMode="decimal"
            value={search.min?.toString() ?? ''}
            onCommit={(v) => onChange({ min: numberOf(v) })}
          />
          <CommitField
            label="To"
            type="number"
            inputMode="decimal"
            value={search.max?.toString() ?? ''}
            onCommit={(v) => onChange({ max: numberOf(v) })}
          />
        </div>
        {search.min !== undefined && search.max !== undefined && search.min > search.max && (
          <p className="text-xs text-red-700">
            The upper end is below the lower one; it is left out.
          </p>
        )}
      </fieldset>
      <SelectField
        label="Shared working hours"
        hint="Hours of their usual day inside yours"
        value={search.overlap?.toString() ?? ''}
        onChange={(e) => onChange({ overlap: numberOf(e.target.value) })}
        options={[
          { value: '', label: 'Any' },
          ...[1, 2, 3, 4, 5, 6, 8].map((h) => ({ value: String(h), label: `At least ${h} h` })),
        ]}
      />
      <SelectField
        label="Rating"
        value={search.rating?.toString() ?? ''}
        onChange={(e) => onChange({ rating: numberOf(e.target.value) })}
        options={[
          { value: '', label: 'Any, new included' },
          { value: '4.5', label: '4.5 and up' },
          { value: '4', label: '4 and up' },
          { value: '3', label: '3 and up' },
        ]}
      />
      <div className="grid grid-cols-2 gap-2">
        <CommitField
          label="Jobs done (min.)"
          type="number"
          inputMode="numeric"
          value={search.jobs?.toString() ?? ''}
          onCommit={(v) => onChange({ jobs: numberOf(v) })}
        />
        <CommitField
          label="Years (min.)"
          type="number"
          inputMode="numeric"
          value={search.years?.toString() ?? ''}
          onCommit={(v) => onChange({ years: numberOf(v) })}
        />
      </div>
      <div className="space-y-2">
        <CommitField
          label="Languages (all of)"
          hint="Two-letter codes, e.g. en,pt"
          value={search.languages ?? ''}
          onCommit={(v) =>
            onChange({ languages: v.toLowerCase().replace(/\s+/g, '') || undefined })
          }
        />
        <FacetChips
          facet={facets?.languages}
          selected={search.languages}
          label="Common languages in these results"
          onAdd={(v) => onChange({ languages: addTo(search.languages, v) })}
        />
      </div>
      <SelectField
        label="Country"
        value={search.country ?? ''}
        onChange={(e) => onChange({ country: e.target.value || undefined })}
        options={countryOptions}
      />
      <SelectField
        label="Availability"
        value={search.availability ?? ''}
        onChange={(e) =>
          onChange({
            availability: (e.target.value || undefined) as DirectorySearch['availability'],
          })
        }
        options={[
          { value: '', label: 'Any' },
          { value: 'available', label: withCount(facets?.availability, 'available', 'Available') },
          { value: 'limited', label: withCount(facets?.availability, 'limited', 'Limited') },
          {
            value: 'unavailable',
            label: withCount(facets?.availability, 'unavailable', 'Not available'),
          },
        ]}
      />
      <Button
        variant="secondary"
        className="w-full"
        onClick={() =>
          onChange({
            kind: undefined,
            category: undefined,
            skills: undefined,
            languages: undefined,
            country: undefined,
            availability: undefined,
            min: undefined,
            max: undefined,
            rating: undefined,
            jobs: undefined,
            years: undefined,
            overlap: undefined,
            pool: undefined,
          })
        }
      >
        Clear filters
      </Button>
    </div>
  );
}
