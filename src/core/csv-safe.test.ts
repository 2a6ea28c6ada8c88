import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell } from './csv-safe.ts';

describe('neutraliseCsvCell', () => {
  it.each([
    '=HYPERLINK("https://evil.example","x")',
    '+cmd|calc',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
  ])('prefixes %j with a single quote', (cell) => {
    expect(neutraliseCsvCell(cell)).toBe(`'${cell}`);
  });

  it.each(['Invoices', '-12.50', '+3', '42', '', 'a=b'])('leaves %j as it is', (cell) => {
    expect(neutraliseCsvCell(cell)).toBe(cell);
  });
});
