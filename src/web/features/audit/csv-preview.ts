/**
 * Reads the start of a time-log CSV in the browser to preview it and guess its columns. The
 * file itself streams to the server whole; only the first 64 KB are read here.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import {
  detectDelimiter,
  DELIMITERS,
  IMPORT_PRESETS,
  type Delimiter,
  type ColumnMapping,
  type DateOrder,
  type DurationUnit,
  type ImportPreset,
} from '../../../core/time-log-import.ts';

export const PREVIEW_BYTES = 65_536;

export interface CsvPreview {
  headers: string[];
  /** Records of the preview, header → value; row 1 is the first row after the header. */
  rows: Record<string, string>[];
  /** Roughly how many rows the whole file has (exact when the file fits in the preview). */
  estimatedRows: number;
  /** Whether the preview is the whole file. */
  complete: boolean;
  /** The separator the header uses (commas, semicolons or tabs); sent along with the file. */
  delimiter: Delimiter;
}

/** The server's parser options (src/server/features/audit/import.ts), so the preview reads alike. */
function parseRows(text: string, delimiter: Delimiter): string[][] {
  return parse(text, {
    bom: true,
    delimiter: DELIMITERS[delimiter],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
}

export async function readPreview(file: File): Promise<CsvPreview> {
  const partial = file.size > PREVIEW_BYTES;
  let text = await file.slice(0, PREVIEW_BYTES).text();
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  let rows: string[][] | null = null;
  // A slice ends mid-row (perhaps inside a quoted field): drop the last line, and retry a few
  // times should the cut fall in a multi-line field.
  for (let attempt = 0; attempt < 6 && rows === null; attempt++) {
    if (partial || attempt > 0) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    try {
      rows = parseRows(text, delimiter);
    } catch (error) {
      if (!partial) throw error;
    }
  }
  if (!rows || rows.length === 0) throw new Error('The file looks empty: no header row found.');
  const headers = rows[0]!.map((h) => h.trim());
  const records = rows
    .slice(1)
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
  const bytesRead = new TextEncoder().encode(text).length || 1;
  const estimatedRows = partial
    ? Math.round((records.length / bytesRead) * file.size)
    : records.length;
  return { headers, rows: records, estimatedRows, complete: !partial, delimiter };
}

const find = (headers: string[], name: string | undefined) =>
  name ? headers.find((h) => h.toLowerCase() === name.toLowerCase()) : undefined;

const findLike = (headers: string[], pattern: RegExp, except: (string | undefined)[] = []) =>
  headers.find((h) => pattern.test(h) && !except.includes(h));

/** A preset whose date, task and duration columns are all in the file, resolved to its spelling. */
export function matchPreset(headers: string[], preset: ImportPreset): ColumnMapping | null {
  const m: ColumnMapping = IMPORT_PRESETS[preset].mapping;
  const date = find(headers, m.date);
  const task = find(headers, m.task);
  const duration = find(headers, m.duration);
  if (!date || !task || !duration) return null;
  return { ...m, date, task, duration, project: find(headers, m.project) };
}

function guessDateOrder(samples: string[]): DateOrder {
  for (const s of samples) {
    if (/^\d{4}-/.test(s.trim())) return 'ymd';
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(s.trim());
    if (m && Number(m[1]) > 12) return 'dmy';
    if (m && Number(m[2]) > 12) return 'mdy';
  }
  return navigator.language === 'en-US' ? 'mdy' : 'dmy';
}

function guessUnit(header: string | undefined, samples: string[]): DurationUnit {
  if (samples.some((s) => s.includes(':'))) return 'hms';
  if (header && /min/i.test(header)) return 'minutes';
  if (header && /hour|\(h\)|hrs/i.test(header)) return 'hours';
  return samples.some((s) => /[.,]\d/.test(s)) ? 'hours' : 'minutes';
}

/** The best first guess of a mapping: a preset that fits, else columns named like the roles. */
export function guessMapping(preview: CsvPreview): {
  preset: ImportPreset | 'custom';
  mapping: ColumnMapping;
} {
  const { headers, rows } = preview;
  for (const preset of Object.keys(IMPORT_PRESETS) as ImportPreset[]) {
    const mapping = matchPreset(headers, preset);
    if (mapping) return { preset, mapping };
  }
  const sample = (h: string | undefined) => (h ? rows.slice(0, 20).map((r) => r[h] ?? '') : []);
  const date = findLike(headers, /date|day/i) ?? headers[0] ?? '';
  const task = findLike(headers, /desc|task|activity|what|name|note/i, [date]) ?? headers[1] ?? '';
  const duration = findLike(headers, /duration|minutes|hours|time spent|^time$/i, [date, task]);
  const start = duration ? undefined : findLike(headers, /start|from|begin/i, [date, task]);
  const end = duration ? undefined : findLike(headers, /end|stop|until|^to$/i, [date, task, start]);
  return {
    preset: 'custom',
    mapping: {
      date,
      task,
      duration: duration ?? (start && end ? undefined : headers[2]),
      start,
      end,
      project: findLike(headers, /project|client/i, [date, task, duration]),
      durationUnit: guessUnit(duration, sample(duration)),
      dateOrder: guessDateOrder(sample(date)),
    },
  };
}

/** The import's query string for a mapping: always explicit, whatever preset it came from. */
export function mappingQuery(m: ColumnMapping, delimiter: Delimiter): string {
  const q = new URLSearchParams({ date: m.date, task: m.task, dateOrder: m.dateOrder, delimiter });
  if (m.duration) {
    q.set('duration', m.duration);
    q.set('durationUnit', m.durationUnit);
  } else {
    if (m.start) q.set('start', m.start);
    if (m.end) q.set('end', m.end);
  }
  if (m.project) q.set('project', m.project);
  return q.toString();
}
