import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StartAuditSchema } from './contracts/audit.ts';
import { fieldLabel } from './validation-messages.ts';

const messages = (schema: z.ZodType, value: unknown) =>
  Object.fromEntries(
    (schema.safeParse(value).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
  );

describe('validation messages', () => {
  it('says what is wrong in plain words, naming the field, once the contracts are loaded', () => {
    expect(messages(StartAuditSchema, { periodDays: 91, hourlyValue: -1 })).toEqual({
      periodDays: 'Audit period (days) must be 90 or less',
      hourlyValue: 'Hourly value must be 0 or more',
    });
    expect(messages(StartAuditSchema, { periodDays: 30 })).toEqual({
      hourlyValue: 'Hourly value is required',
    });
  });

  it('words text, lists, formats, choices and unknown fields', () => {
    const schema = z
      .object({
        title: z.string().max(5),
        summary: z.string().min(3),
        skills: z.array(z.string()).max(1),
        email: z.email(),
        visibility: z.enum(['public', 'invite-only']),
        hours: z.number().multipleOf(0.5),
        count: z.number().int(),
      })
      .strict();
    expect(
      messages(schema, {
        title: 'too long',
        summary: 'ab',
        skills: ['a', 'b'],
        email: 'nope',
        visibility: 'secret',
        hours: 0.3,
        count: 'x',
        colour: 'red',
      }),
    ).toEqual({
      title: 'Title must be at most 5 characters',
      summary: 'Summary must be at least 3 characters',
      skills: 'Skills can have at most 1 item',
      email: 'E-mail must be an e-mail address like name@example.com',
      visibility: 'Visibility must be one of: public, invite-only',
      hours: 'Hours must be a multiple of 0.5',
      count: 'Count must be a number',
      '': '“colour” is not a field this accepts',
    });
  });

  it('keeps the message a schema gives itself', () => {
    expect(messages(z.object({ name: z.string().min(1, 'Required') }), { name: '' })).toEqual({
      name: 'Required',
    });
  });

  it('names a field by the last key of its path, numbers skipped', () => {
    expect(fieldLabel(['spec', 'deliverables', 2, 'text'])).toBe('Text');
    expect(fieldLabel(['brief', 'budget', 'hoursPerWeek'])).toBe('Hours per week');
    expect(fieldLabel([])).toBe('This value');
  });
});
