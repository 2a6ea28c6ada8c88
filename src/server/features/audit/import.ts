import type { Readable } from 'node:stream';
import { createCsvReader, notTextReason, type CsvRecord } from '../../../core/csv-reader.ts';
import type { ImportResult } from '../../../core/contracts/audit.ts';
import {
  DELIMITERS,
  mapRow,
  taskKey,
  type ColumnMapping,
  type Delimiter,
} from '../../../core/time-log-import.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, HttpProblem } from '../../lib/errors.ts';
import { newId, sha256 } from '../../lib/ids.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { checkLoggable } from './entries.ts';
import { insertImportedEntries, taskIdsFor, type AuditRow } from './queries.ts';

const BATCH = 1000;
const ERRORS_KEPT = 1000;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

interface Pending {
  date: string;
  taskName: string;
  minutes: number;
  importKey: string;
}

/**
 * Streams a CSV time log into the audit: rows are parsed as they arrive, mapped by `mapRow`,
 * and written in batches of 1,000, each batch in its own transaction — memory stays flat
 * whatever the file's size, and the good rows are kept even if a later row is bad.
 *
 * A row's import key is the hash of its date, task, minutes and how many identical rows came
 * before it in the file, so importing the same file again adds nothing, while two genuinely
 * identical entries in one file both count.
 */
export function createImportService({ db, clock }: { db: Db; clock: Clock }) {
  async function flush(audit: AuditRow, userId: string, batch: Pending[]) {
    return db.transaction(async (tx) => {
      const taskIds = await taskIdsFor(
        tx,
        audit,
        batch.map((p) => p.taskName),
      );
      const now = clock.now();
      return insertImportedEntries(
        tx,
        batch.map((p) => ({
          id: newId(),
          auditId: audit.id,
          businessId: audit.businessId,
          taskId: taskIds.get(taskKey(p.taskName)) ?? '',
          date: p.date,
          minutes: p.minutes,
          source: 'import' as const,
          importKey: p.importKey,
          createdBy: userId,
          createdAt: now,
        })),
      );
    });
  }

  return async function importTimeLog(
    { userId, businessId, auditId }: AuditScope,
    mapping: ColumnMapping,
    body: Readable,
    delimiter: Delimiter = 'comma',
  ): Promise<ImportResult> {
    const audit = await authorizeAudit(db, userId, businessId, auditId);
    checkLoggable(audit);
    const period = { start: audit.periodStart, end: audit.periodEnd };
    const result: ImportResult = {
      rows: 0,
      imported: 0,
      duplicates: 0,
      failed: 0,
      errors: [],
      errorsTruncated: false,
    };
    // How often each row content has occurred so far, keyed by 52 bits of its hash rather than
    // the text: a number key keeps this map at a few bytes a row (it is the one thing here that
    // grows with the file), and a 52-bit collision among a file's rows is vanishingly unlikely.
    const seen = new Map<number, number>();
    let batch: Pending[] = [];
    let bytes = 0;
    let header: string[] | null = null as string[] | null;

    const reader = createCsvReader(DELIMITERS[delimiter]);
    const decoder = new TextDecoder('utf-8');

    const requireColumns = () => {
      const wanted = [
        mapping.date,
        mapping.task,
        mapping.duration,
        mapping.start,
        mapping.end,
      ].filter((c): c is string => Boolean(c));
      const missing = wanted.filter((c) => !header?.includes(c));
      if (missing.length > 0) {
        throw badRequest(
          `The file has no column ${missing.map((c) => `“${c}”`).join(', ')}. Its columns are: ${header?.join(', ') || 'none'}.`,
          [{ path: 'querystring', message: `Missing column(s): ${missing.join(', ')}` }],
        );
      }
    };

    const fail = (reason: string) => {
      result.failed += 1;
      if (result.errors.length < ERRORS_KEPT) result.errors.push({ row: result.rows, reason });
      else result.errorsTruncated = true;
    };

    /** One record of the file: the header, or a row mapped, checked and batched. */
    const take = async (record: CsvRecord) => {
      if (header === null) {
        if (record.fields === undefined)
          throw badRequest(
            `The header row (line ${record.line}) could not be read as CSV: ${record.error}.`,
          );
        header = record.fields;
        requireColumns();
        return;
      }
      result.rows += 1;
      if (record.fields === undefined) return fail(`line ${record.line}: ${record.error}`);
      const cols = header;
      const mapped = mapRow(
        Object.fromEntries(cols.map((h, i) => [h, record.fields[i]])),
        mapping,
        period,
      );
      if (!mapped.ok) return fail(mapped.reason);
      const { date, taskName, minutes } = mapped.entry;
      const base = `${date}|${taskKey(taskName)}|${minutes}`;
      const short = Number.parseInt(sha256(base).slice(0, 13), 16);
      const occurrence = (seen.get(short) ?? 0) + 1;
      seen.set(short, occurrence);
      batch.push({ date, taskName, minutes, importKey: sha256(`${base}|${occurrence}`) });
      if (batch.length >= BATCH) {
        const n = await flush(audit, userId, batch);
        result.imported += n;
        result.duplicates += batch.length - n;
        batch = [];
      }
    };

    // Read chunk by chunk: memory stays flat, and a bad row is reported, not fatal.
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (bytes === 0) {
        const notText = notTextReason(chunk);
        if (notText) throw new HttpProblem(415, 'Unsupported media type', notText);
      }
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) {
        // The rows before the limit stay imported; the file is refused from there on.
        if (batch.length > 0) await flush(audit, userId, batch);
        throw new HttpProblem(
          413,
          'Payload too large',
          'Time logs up to 200 MB can be imported; split the file.',
        );
      }
      for (const record of reader.push(decoder.decode(chunk, { stream: true }))) await take(record);
    }
    for (const record of [...reader.push(decoder.decode()), ...reader.end()]) await take(record);

    if (batch.length > 0) {
      const n = await flush(audit, userId, batch);
      result.imported += n;
      result.duplicates += batch.length - n;
    }
    return result;
  };
}
