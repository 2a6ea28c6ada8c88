import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NDA_TEMPLATE_BODY,
  ndaDate,
  ndaFieldsProblem,
  renderNda,
  signatureMatches,
  unknownNdaFields,
} from './nda.ts';

const values = {
  business: 'Crumb & Co',
  professional: 'Ana María',
  job: 'Design a logo',
  // 23:30 UTC on 4 December is already 5 December in Auckland and still the 4th in Lisbon.
  sentAt: new Date('2026-12-04T23:30:00Z'),
  timeZone: 'Pacific/Auckland',
};

describe('renderNda', () => {
  it('fills every field, with or without spaces inside the braces, and keeps the Markdown', () => {
    const body =
      '# NDA\n\n**{{business}}** and *{{ professional }}* for "{{job}}" on {{date}}.\n\n- {{job}}';
    expect(renderNda(body, values)).toBe(
      '# NDA\n\n**Crumb & Co** and *Ana María* for "Design a logo" on 5 December 2026.\n\n- Design a logo',
    );
  });

  it('writes the date in the business’s time zone', () => {
    expect(renderNda('{{date}}', { ...values, timeZone: 'Europe/Lisbon' })).toBe('4 December 2026');
    expect(ndaDate(values.sentAt, 'Pacific/Auckland')).toBe('5 December 2026');
  });

  it('falls back to UTC for a time zone this runtime does not know', () => {
    expect(ndaDate(values.sentAt, 'Mars/Olympus')).toBe('4 December 2026');
  });

  it('refuses a template with an unknown field', () => {
    expect(() => renderNda('Hello {{client}}', values)).toThrow('{{client}}');
  });

  it('renders the default template with no field left', () => {
    const text = renderNda(DEFAULT_NDA_TEMPLATE_BODY, values);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain('Crumb & Co');
    expect(text).toContain('Ana María');
    expect(text).toContain('"Design a logo"');
  });
});

describe('unknown fields', () => {
  it('names each unknown field once, in order, and lists the allowed ones', () => {
    expect(unknownNdaFields('{{client}} {{business}} {{ Job }} {{client}} {{}}')).toEqual([
      'client',
      'Job',
      '',
    ]);
    expect(ndaFieldsProblem('{{client}}')).toBe(
      'Unknown field {{client}}: use only {{business}}, {{professional}}, {{job}}, {{date}}.',
    );
    expect(ndaFieldsProblem(DEFAULT_NDA_TEMPLATE_BODY)).toBeNull();
  });
});

describe('signatureMatches', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(signatureMatches('ana maria oneil', "Ana-María  O'Neil")).toBe(true);
    expect(signatureMatches('  ANA MARÍA O NEIL ', "Ana-María O'Neil")).toBe(true);
  });

  it('refuses initials, a missing part, another name and an empty account name', () => {
    expect(signatureMatches('A. M. O’Neil', "Ana-María O'Neil")).toBe(false);
    expect(signatureMatches('Ana', "Ana-María O'Neil")).toBe(false);
    expect(signatureMatches('Bob Smith', "Ana-María O'Neil")).toBe(false);
    expect(signatureMatches('', '')).toBe(false);
  });
});
