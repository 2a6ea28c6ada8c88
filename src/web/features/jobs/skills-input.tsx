import { X } from 'lucide-react';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { skillSlug } from '../../../core/jobs.ts';
import { useSkillSuggestions } from './job-queries.ts';

const MAX_SKILLS = 15;

interface Option {
  name: string;
  /** A skill nobody has used yet: added as typed. */
  isNew: boolean;
}

/**
 * Skills as chips with an autocomplete (the ARIA 1.2 combobox pattern: the input keeps focus,
 * arrows move through the listbox, Enter or comma adds, Backspace on an empty input removes
 * the last chip). Names not in the list are allowed: the server stores them by slug — except
 * with `onlyExisting` (a search filter), where a skill no job has would only ever match nothing,
 * so only the list's skills can be picked.
 */
export function SkillsInput({
  id,
  label,
  value,
  onChange,
  disabled,
  error,
  onlyExisting = false,
}: {
  id: string;
  label: string;
  value: string[];
  onChange: (skills: string[]) => void;
  disabled?: boolean;
  error?: string | undefined;
  onlyExisting?: boolean;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const hintId = `${id}-hint`;
  // Ask the server once typing pauses, not on every key.
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const suggestions = useSkillSuggestions(query);
  const chosen = new Set(value.map(skillSlug));
  const typed = text.trim();
  // The text whose own list has arrived (a previous text's list may stand in while it loads).
  const listedFor = suggestions.data && !suggestions.isPlaceholderData ? query : undefined;
  // A filter's skill picked with Enter before its list arrived (a quick typist, a slow network):
  // picked once the list comes, not dropped. Dropped, it left a search without the skill the
  // visitor had just chosen, while the word typed beside it went through.
  const [awaited, setAwaited] = useState<string>();
  const options: Option[] = (suggestions.data?.items ?? [])
    .filter((s) => !chosen.has(s.slug))
    .map((s) => ({ name: s.name, isNew: false }));
  if (
    !onlyExisting &&
    typed &&
    !chosen.has(skillSlug(typed)) &&
    !suggestions.data?.items.some((s) => s.slug === skillSlug(typed))
  )
    options.push({ name: typed, isNew: true });
  const full = value.length >= MAX_SKILLS;
  const expanded = open && typed.length > 0 && options.length > 0 && !full;

  /** The listed skill the text names (same slug), for a filter that takes listed skills only. */
  const listed = (name: string) =>
    suggestions.data?.items.find((s) => s.slug === skillSlug(name))?.name;
  const noMatch =
    onlyExisting && typed !== '' && suggestions.data !== undefined && options.length === 0;

  /**
   * Adds the highlighted option, else what was typed (a filter: only if it is listed, which is
   * known once the list for the text has arrived; until then the pick waits for it).
   */
  function addTyped() {
    if (expanded && active >= 0) return add(options[active]?.name ?? typed);
    if (!onlyExisting) return add(typed);
    const name = listed(typed);
    if (name) return add(name);
    if (listedFor !== typed) {
      setQuery(typed);
      setAwaited(typed);
    }
  }

  useEffect(() => {
    if (awaited === undefined) return;
    if (listedFor === awaited) {
      setAwaited(undefined);
      // Not listed: the text stays, and the hint says that no skill matches it.
      const name = listed(awaited);
      if (name) add(name);
    } else if (suggestions.isError && query === awaited) {
      // No list to pick from: the text stays for another Enter.
      setAwaited(undefined);
    }
  }, [awaited, listedFor, suggestions.isError, query]);

  function add(name: string) {
    const clean = name.trim().replace(/,+$/, '').trim().slice(0, 40);
    setText('');
    setActive(-1);
    if (!clean || full || chosen.has(skillSlug(clean))) return;
    onChange([...value, clean]);
  }

  function remove(index: number) {
    onChange(value.filter((_, i) => i !== index));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        setActive((a) => (options.length === 0 ? -1 : (a + 1) % options.length));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        setActive((a) => (options.length === 0 ? -1 : a <= 0 ? options.length - 1 : a - 1));
        break;
      case 'Enter':
        if (typed || active >= 0) {
          // Enter adds a skill here; it must not submit the editor's form.
          e.preventDefault();
          addTyped();
        }
        break;
      case ',':
        e.preventDefault();
        addTyped();
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
      case 'Backspace':
        if (text === '' && value.length > 0) remove(value.length - 1);
        break;
    }
  }

  return (
    <div className="relative min-w-0 space-y-1">
      {disabled ? (
        <p id={`${id}-label`} className="block text-sm font-medium text-slate-800">
          {label}
        </p>
      ) : (
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
      )}
      <div
        className={`flex flex-wrap items-center gap-1.5 rounded-md bg-white px-2 py-1.5 ring-1 focus-within:ring-2 focus-within:ring-brand-700 ${error ? 'ring-red-500' : 'ring-slate-300'} ${disabled ? 'bg-slate-50' : ''}`}
      >
        {value.length > 0 && (
          <ul
            className="contents"
            aria-label={disabled ? undefined : 'Chosen skills'}
            aria-labelledby={disabled ? `${id}-label` : undefined}
          >
            {value.map((skill, i) => (
              <li
                key={skill}
                className="inline-flex max-w-full items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-sm text-brand-800 ring-1 ring-brand-100"
              >
                <span className="truncate">{skill}</span>
                {!disabled && (
                  <button
                    type="button"
                    onClick={() => remove(i)}
                    className="rounded-full p-0.5 hover:bg-brand-100"
                  >
                    <X size={14} aria-hidden />
                    <span className="sr-only">Remove {skill}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!disabled && (
          <input
            id={id}
            type="text"
            role="combobox"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            aria-describedby={error ? `${id}-error` : hintId}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
            disabled={full}
            placeholder={full ? `${MAX_SKILLS} skills is the most` : 'Type a skill'}
            value={text}
            onChange={(e) => {
              const v = e.target.value;
              // A pasted "a, b, c" adds each; a trailing comma adds what was typed.
              if (v.includes(',') && !onlyExisting) {
                const parts = v.split(',');
                const rest = parts.pop() ?? '';
                const names = parts.map((p) => p.trim()).filter(Boolean);
                const next = [...value];
                for (const n of names)
                  if (next.length < MAX_SKILLS && !next.some((s) => skillSlug(s) === skillSlug(n)))
                    next.push(n.slice(0, 40));
                if (next.length !== value.length) onChange(next);
                setText(rest);
              } else setText(v);
              // Another text: a pick that waited for the list of the previous one is off.
              setAwaited(undefined);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            // The chip box draws the focus ring (focus-within); a second outline would double it.
            style={{ outline: 'none' }}
            className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-sm text-slate-900 placeholder:text-slate-400 focus:outline-none"
          />
        )}
        {disabled && value.length === 0 && <span className="text-sm text-slate-500">None</span>}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={`Suggestions for ${label.toLowerCase()}`}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-60 w-full overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
      >
        {options.map((o, i) => (
          <li
            key={`${o.isNew ? 'new' : 'known'}-${o.name}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input must not blur (and close the list) first.
            onMouseDown={(e) => {
              e.preventDefault();
              add(o.name);
            }}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? 'bg-brand-50 text-brand-800' : 'text-slate-800'}`}
          >
            {o.isNew ? `Add “${o.name}” as a new skill` : o.name}
          </li>
        ))}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : (
        !disabled && (
          <p id={hintId} className="text-xs text-slate-600" aria-live="polite">
            {onlyExisting
              ? awaited !== undefined
                ? `Looking for “${awaited}” in the list…`
                : noMatch
                  ? `No skill matches “${typed}”; try another word.`
                  : 'Pick skills from the list; jobs must have every skill you pick.'
              : `Up to ${MAX_SKILLS}. Enter or comma adds one; pick from the list or add your own.`}
          </p>
        )
      )}
    </div>
  );
}
