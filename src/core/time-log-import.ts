/**
 * Turning rows of an exported time log (Toggl, Clockify, Harvest, or any CSV) into audit
 * entries. Pure: the server streams the file through `mapRow`, the web app uses the presets
 * and the same column mapping to preview it.
 */
import { periodForDates } from './audit.ts';

export const DURATION_UNITS = ['hms', 'hours', 'minutes'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const DATE_ORDERS = ['ymd', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Which column holds what. Either `duration`, or `start` and `end` (clock times or date-times). */
export interface ColumnMapping {
  date: string;
  task: string;
  duration?: string;
  durationUnit: DurationUnit;
  start?: string;
  end?: string;
  project?: string;
  dateOrder: DateOrder;
}

export const IMPORT_PRESETS = {
  toggl: {
    label: 'Toggl Track',
    mapping: {
      date: 'Start date',
      task: 'Description',
      duration: 'Duration',
      durationUnit: 'hms',
      project: 'Project',
      dateOrder: 'ymd',
    },
  },
  clockify: {
    label: 'Clockify',
    mapping: {
      date: 'Start Date',
      task: 'Description',
      duration: 'Duration (h)',
      durationUnit: 'hms',
      project: 'Project',
      dateOrder: 'mdy',
    },
  },
  harvest: {
    label: 'Harvest',
    mapping: {
      date: 'Date',
      task: 'Task',
      duration: 'Hours',
      durationUnit: 'hours',
      project: 'Project',
      dateOrder: 'ymd',
    },
  },
  generic: {
    label: 'Simple CSV (date, task, minutes)',
    mapping: {
      date: 'date',
      task: 'task',
      duration: 'minutes',
      durationUnit: 'minutes',
      dateOrder: 'ymd',
    },
  },
} as const satisfies Record<string, { label: string; mapping: ColumnMapping }>;
export type ImportPreset = keyof typeof IMPORT_PRESETS;

export const MAX_ENTRY_MINUTES = 1440;

/** Field separators of the exports people have: commas, and semicolons or tabs from Excel in many locales. */
export const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type Delimiter = keyof typeof DELIMITERS;

/** The separator a CSV's header line uses: the one that occurs most outside quotes (commas on a tie). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { comma: 0, semicolon: 0, tab: 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted)
      for (const [name, sep] of Object.entries(DELIMITERS))
        if (ch === sep) counts[name as Delimiter] += 1;
  }
  return (['semicolon', 'tab'] as const).reduce<Delimiter>(
    (best, d) => (counts[d] > counts[best] ? d : best),
    'comma',
  );
}

/** Minutes from `1:30:00`, `1:30` (hms), `1.5` or `1,5` (hours), or `90` (minutes); null if unreadable. */
export function parseDuration(raw: string, unit: DurationUnit): number | null {
  const value = raw.trim();
  if (!value) return null;
  if (unit === 'hms' || value.includes(':')) {
    const m = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/.exec(value);
    if (!m) return null;
    return Math.round(Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60);
  }
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  return Math.round(unit === 'hours' ? n * 60 : n);
}

/** An ISO date from `2026-11-03`, `03/11/2026` (dmy), `11/03/2026` (mdy), with or without a time after it. */
export function parseDate(raw: string, order: DateOrder): string | null {
  const value = raw.trim().split(/[ T]/)[0] ?? '';
  let y: number, mo: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local && order !== 'ymd') {
    const [a, b] = [Number(local[1]), Number(local[2])];
    [y, mo, d] = order === 'dmy' ? [Number(local[3]), b, a] : [Number(local[3]), a, b];
  } else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

/** Minutes since midnight from `09:30`, `9:30:00` or a date-time ending in a clock time. */
function clockMinutes(raw: string): number | null {
  const m = /(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm)?$/i.exec(raw.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const suffix = m[3]?.toLowerCase();
  if (suffix === 'pm' && h < 12) h += 12;
  if (suffix === 'am' && h === 12) h = 0;
  return h * 60 + Number(m[2]);
}

/** The key that identifies a task whatever its capitalisation and spacing. */
export const taskKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

export type MappedRow =
  | { ok: true; entry: { date: string; taskName: string; minutes: number } }
  | { ok: false; reason: string };

/** Reads one CSV record (header → value) as an entry, or says exactly what is wrong with it. */
export function mapRow(
  record: Record<string, string | undefined>,
  mapping: ColumnMapping,
  period: { start: string; end: string },
): MappedRow {
  const rawDate = record[mapping.date]?.trim() ?? '';
  if (!rawDate) return { ok: false, reason: `no date in column “${mapping.date}”` };
  const date = parseDate(rawDate, mapping.dateOrder);
  if (!date)
    return {
      ok: false,
      reason: `“${rawDate}” is not a date (${mapping.dateOrder.toUpperCase()} expected)`,
    };
  if (date < period.start || date > period.end) {
    return {
      ok: false,
      reason: `${date} is outside the audit period (${period.start} to ${period.end})`,
    };
  }
  const taskName = (
    record[mapping.task]?.trim() ||
    (mapping.project ? record[mapping.project]?.trim() : '') ||
    ''
  ).slice(0, 200);
  if (!taskName) return { ok: false, reason: `no task name in column “${mapping.task}”` };
  // Postgres text cannot hold it; refused here, the row is named like any other bad row.
  if (taskName.includes('\u0000'))
    return { ok: false, reason: 'the task name contains a NUL character' };

  let minutes: number | null;
  if (mapping.duration) {
    const raw = record[mapping.duration] ?? '';
    minutes = parseDuration(raw, mapping.durationUnit);
    if (minutes === null) return { ok: false, reason: `“${raw.trim()}” is not a duration` };
  } else if (mapping.start && mapping.end) {
    const start = clockMinutes(record[mapping.start] ?? '');
    const end = clockMinutes(record[mapping.end] ?? '');
    if (start === null || end === null)
      return { ok: false, reason: 'start or end is not a time of day' };
    minutes = end >= start ? end - start : end + 1440 - start;
  } else {
    return { ok: false, reason: 'the mapping names neither a duration nor start and end columns' };
  }
  if (minutes < 1) return { ok: false, reason: 'duration is under one minute' };
  if (minutes > MAX_ENTRY_MINUTES)
    return { ok: false, reason: `duration ${minutes} min is over a day (1440)` };
  return { ok: true, entry: { date, taskName, minutes } };
}

const ANY_DAY = { start: '0001-01-01', end: '9999-12-31' };

/** A row of a CSV as read (header → value), or why it could not be read (`csv-reader.ts`). */
export type CsvRow = { values: Record<string, string | undefined> } | { error: string };

export interface RowsCheck {
  /** Each record as the import will read it. */
  rows: MappedRow[];
  good: number;
  /** Rows that fail only because their date is outside the period. */
  outsidePeriod: number;
  /** The period holding every readable row's date (null: none, or over 90 days apart). */
  fileDates: { first: string; last: string } | null;
  suggestedPeriod: { start: string; end: string } | null;
}

/**
 * The preview's verdict on a set of records: which rows import, how many fail only for the
 * audit's period, and the period that would hold the file's dates, so the owner can move the
 * audit to the log they have instead of importing nothing.
 */
export function checkRows(
  records: CsvRow[],
  mapping: ColumnMapping,
  period: { start: string; end: string },
): RowsCheck {
  const rows = records.map((r): MappedRow =>
    'error' in r ? { ok: false, reason: r.error } : mapRow(r.values, mapping, period),
  );
  const dates: string[] = [];
  let outsidePeriod = 0;
  records.forEach((record, i) => {
    if ('error' in record) return;
    const open = mapRow(record.values, mapping, ANY_DAY);
    if (!open.ok) return;
    dates.push(open.entry.date);
    if (!rows[i]?.ok) outsidePeriod += 1;
  });
  const sorted = [...dates].sort();
  return {
    rows,
    good: rows.filter((r) => r.ok).length,
    outsidePeriod,
    fileDates: sorted.length ? { first: sorted[0]!, last: sorted[sorted.length - 1]! } : null,
    suggestedPeriod: periodForDates(dates),
  };
}
