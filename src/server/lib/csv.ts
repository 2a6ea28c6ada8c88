import { stringify, type Stringifier } from 'csv-stringify';
import { neutraliseCsvCell } from '../../core/csv-safe.ts';

/**
 * The one CSV writer: every CSV Handoff sends goes through here, so every text cell is
 * neutralised against formula injection (see `neutraliseCsvCell`).
 */
export function csvWriter(columns: string[]): Stringifier {
  return stringify({ header: true, columns, cast: { string: neutraliseCsvCell } });
}
