/**
 * A forgiving, incremental CSV reader for time logs, shared by the server's streaming import
 * and the browser's preview so both read a file alike. Unlike a strict parser, one broken row
 * does not end the file: a quote that is never closed makes that row bad (named by its line),
 * and reading goes on from the next line. Pure: text in, records out.
 *
 * Rules: fields split on the delimiter, records on line ends (\n or \r\n); a field that starts
 * with `"` is quoted (`""` is a quote inside it) and may hold delimiters and line ends; a quote
 * inside an unquoted field is kept as text; fields are trimmed; blank lines are skipped; a
 * leading byte-order mark is dropped.
 */

export type CsvRecord =
  { line: number; fields: string[] } | { line: number; error: string; fields?: undefined };

/**
 * How many lines a quoted field may span before its quote counts as never closed. Time-log
 * notes may hold a few line breaks; a stray quote would otherwise swallow the rest of the file.
 */
export const MAX_QUOTED_LINES = 50;

const UNCLOSED = 'a quote (") opened on this row is never closed';

/** One record's fields from its text, or null while a quoted field is still open at the end. */
function splitRecord(text: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (text[i] === '"' || (text[i] === ' ' && text.slice(i).trimStart().startsWith('"'))) {
      i = text.indexOf('"', i) + 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    // Unquoted text, or what follows a closing quote up to the delimiter (kept as it is).
    const d = text.indexOf(delimiter, i);
    const end = d < 0 ? text.length : d;
    value += text.slice(i, end);
    fields.push(value.trim());
    if (d < 0) return fields;
    i = d + delimiter.length;
  }
}

export function createCsvReader(delimiter: string, maxQuotedLines = MAX_QUOTED_LINES) {
  let carry = '';
  let lineNo = 0;
  let started = false;
  /** Lines of a record whose quoted field is still open: [line number, text]. */
  let pending: [number, string][] = [];

  function take(line: [number, string], out: CsvRecord[]) {
    if (pending.length === 0 && line[1].trim() === '') return;
    pending.push(line);
    const fields = splitRecord(pending.map((l) => l[1]).join('\n'), delimiter);
    if (fields) {
      out.push({ line: pending[0]![0], fields });
      pending = [];
    } else if (pending.length >= maxQuotedLines) fail(out);
  }

  /** The pending record's first line is bad; the lines after it are read again on their own. */
  function fail(out: CsvRecord[]) {
    const [first, ...rest] = pending;
    pending = [];
    if (first) out.push({ line: first[0], error: UNCLOSED });
    for (const l of rest) take(l, out);
  }

  return {
    /** Reads more text; returns the records it completes. */
    push(text: string): CsvRecord[] {
      if (!started) {
        started = true;
        text = text.replace(/^\uFEFF/, '');
      }
      const out: CsvRecord[] = [];
      const lines = (carry + text).split('\n');
      carry = lines.pop() ?? '';
      for (const l of lines) take([++lineNo, l.endsWith('\r') ? l.slice(0, -1) : l], out);
      return out;
    },
    /** The end of the text: the last line, and any record still open is bad. */
    end(): CsvRecord[] {
      const out: CsvRecord[] = [];
      if (carry !== '') take([++lineNo, carry.endsWith('\r') ? carry.slice(0, -1) : carry], out);
      carry = '';
      while (pending.length > 0) fail(out);
      return out;
    },
  };
}

/** Every record of a whole text (the preview's slice, tests). */
export function readCsv(text: string, delimiter: string): CsvRecord[] {
  const reader = createCsvReader(delimiter);
  return [...reader.push(text), ...reader.end()];
}

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive or an Excel workbook (.xlsx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls)'],
];

/**
 * Why the start of a file is not a text file (so not a CSV), or null. Known signatures are named
 * ("a PNG image"); anything else with NUL bytes or mostly control characters is "not text".
 */
export function notTextReason(head: Uint8Array): string | null {
  for (const [magic, what] of SIGNATURES)
    if (magic.every((b, i) => head[i] === b))
      return `This file is ${what}, not a CSV text file. Export the time log as CSV and choose that file.`;
  const sample = head.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0)
      return 'This file is not text, so it is not a CSV. Export the time log as CSV and choose that file.';
    if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.1
    ? 'This file is not text, so it is not a CSV. Export the time log as CSV and choose that file.'
    : null;
}
