import { describe, expect, it } from 'vitest';
import { createCsvReader, notTextReason, readCsv } from './csv-reader.ts';

describe('readCsv', () => {
  it('reads fields, quoted fields with delimiters, escaped quotes and line breaks', () => {
    expect(readCsv('\uFEFFa,b,c\r\n1, "x, y" ,"say ""hi"""\n2,"two\nlines",3\n\n', ',')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', '3'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(readCsv('a;b\n5" screen;2\n', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['5" screen', '2'] },
    ]);
  });

  it('makes a row with an unclosed quote bad and reads on from the next line', () => {
    const csv =
      'date,task,minutes\n2026-07-07,Invoices,30\n2026-07-08,"Emails,20\n2026-07-09,Calls,15\n';
    expect(readCsv(csv, ',')).toEqual([
      { line: 1, fields: ['date', 'task', 'minutes'] },
      { line: 2, fields: ['2026-07-07', 'Invoices', '30'] },
      { line: 3, error: 'a quote (") opened on this row is never closed' },
      { line: 4, fields: ['2026-07-09', 'Calls', '15'] },
    ]);
  });

  it('gives up on an open quote after the line limit without waiting for the end', () => {
    const reader = createCsvReader(',', 3);
    const out = reader.push('h\n"open\nb\nc\nd\n');
    expect(out).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, error: 'a quote (") opened on this row is never closed' },
      { line: 3, fields: ['b'] },
      { line: 4, fields: ['c'] },
      { line: 5, fields: ['d'] },
    ]);
    expect(reader.end()).toEqual([]);
  });

  it('reads a record split across chunks anywhere, even inside a field or a CRLF', () => {
    const text = 'a,b\r\n"x\ny",2\r\n3,4';
    for (let cut = 0; cut <= text.length; cut++) {
      const reader = createCsvReader(',');
      const out = [
        ...reader.push(text.slice(0, cut)),
        ...reader.push(text.slice(cut)),
        ...reader.end(),
      ];
      expect(out, `cut at ${cut}`).toEqual(readCsv(text, ','));
    }
    expect(readCsv(text, ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });
});

describe('notTextReason', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('names known file types', () => {
    expect(notTextReason(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toMatch(
      /^This file is a PNG image, not a CSV/,
    );
    expect(notTextReason(bytes(0x50, 0x4b, 0x03, 0x04, 1))).toMatch(/Excel workbook/);
  });
  it('refuses bytes with NULs or mostly control characters', () => {
    expect(notTextReason(bytes(0x61, 0x00, 0x62))).toMatch(/not text/);
    expect(notTextReason(bytes(1, 2, 3, 4, 0x61))).toMatch(/not text/);
  });
  it('takes text in any encoding, tabs and line ends included', () => {
    expect(
      notTextReason(new TextEncoder().encode('date;tâche;durée\r\n2026-07-07;Café\t;30\n')),
    ).toBeNull();
    expect(notTextReason(bytes(0x64, 0xe9, 0x0a))).toBeNull(); // Latin-1 "dé"
    expect(notTextReason(bytes())).toBeNull();
  });
});
