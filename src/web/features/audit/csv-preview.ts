/**
 * Reads the start of a time-log CSV in the browser to preview it and guess its columns. The
 * file itself streams to the server whole; only the first 64 KB are read here.
 */
import { createCsvReader, notTextReason } from '../../../core/csv-reader.ts';
import {
  detectDelimiter,
  DELIMITERS,
  IMPORT_PRESETS,
  type CsvRow,
  type Delimiter,
  type ColumnMapping,
  type DateOrder,
  type DurationUnit,
  type ImportPreset,
} from '../../../core/time-log-import.ts';

export const PREVIEW_BYTES = 65_536;

export interface CsvPreview {
  headers: string[];
  /** Rows of the preview, header → value, or why one could not be read; row 1 follows the header. */
  rows: CsvRow[];
  /** Roughly how many rows the whole file has (exact when the file fits in the preview). */
  estimatedRows: number;
  /** Whether the preview is the whole file. */
  complete: boolean;
  /** The separator the header uses (commas, semicolons or tabs); sent along with the file. */
  delimiter: Delimiter;
}

/** A file the preview refuses: not text, or with no header row. */
export class NotCsvError extends Error {}

/**
 * Reads the start of the file as the server will read it (the same `csv-reader`): a row with an
 * unclosed quote is one bad row, not the end of the preview. A file that is not text is refused
 * before any column mapping is offered.
 */
export async function readPreview(file: File): Promise<CsvPreview> {
  const partial = file.size > PREVIEW_BYTES;
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const notText = notTextReason(head);
  if (notText) throw new NotCsvError(notText);
  let text = new TextDecoder('utf-8').decode(head);
  // A slice ends mid-row: read only its whole lines, and leave a record still open at the cut
  // (a multi-line field the slice splits) unread rather than call it broken.
  if (partial) text = text.slice(0, Math.max(0, text.lastIndexOf('\n') + 1));
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  const reader = createCsvReader(DELIMITERS[delimiter]);
  const records = [...reader.push(text), ...(partial ? [] : reader.end())];
  const first = records[0];
  if (!first) throw new NotCsvError('The file looks empty: no header row found.');
  if (!first.fields)
    throw new NotCsvError(
      `The header row could not be read: ${first.error}. Check line ${first.line}.`,
    );
  const headers = first.fields;
  const rows = records
    .slice(1)
    .map((r): CsvRow =>
      r.fields
        ? { values: Object.fromEntries(headers.map((h, i) => [h, r.fields[i] ?? ''])) }
        : { error: `line ${r.line}: ${r.error}` },
    );
  const bytesRead = new TextEncoder().encode(text).length || 1;
  const estimatedRows = partial ? Math.round((rows.length / bytesRead) * file.size) : rows.length;
  return { headers, rows, estimatedRows, complete: !partial, delimiter };
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
  const readable = rows.flatMap((r) => ('values' in r ? [r.values] : [])).slice(0, 20);
  const sample = (h: string | undefined) => (h ? readable.map((r) => r[h] ?? '') : []);
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
