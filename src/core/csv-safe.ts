/**
 * OWASP CSV injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
 * formula (`=HYPERLINK(…)`, `+cmd|…`), and a leading tab or carriage return can hide one. Such
 * a cell is prefixed with a single quote, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (`-12.50`) is data, not a formula: left alone so totals still add up. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The text of one CSV cell, safe to open in a spreadsheet. */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}
