import { describe, expect, it } from 'vitest';
import { CreateBusinessSchema, CreateInvitationSchema } from '../core/contracts/accounts.ts';
import { StartAuditSchema } from '../core/contracts/audit.ts';
import { limitsOf } from './schema-limits.ts';

describe('limitsOf', () => {
  it('reads text lengths through trims, refinements and transforms', () => {
    expect(limitsOf(CreateBusinessSchema, 'name')).toEqual({ maxLength: 120 });
    expect(limitsOf(CreateInvitationSchema, 'email')).toEqual({ maxLength: 254 });
  });

  it('reads number bounds through defaults', () => {
    expect(limitsOf(StartAuditSchema, 'periodDays')).toEqual({ min: 7, max: 90 });
  });

  it('gives nothing for a field the schema does not have', () => {
    expect(limitsOf(CreateBusinessSchema, 'nope')).toEqual({});
  });
});
