import { describe, expect, it } from 'vitest';
import { BoardQuerySchema } from '../../../core/contracts/jobs.ts';
import { boardQueryString, hasFilters, validateBoardSearch } from './board-queries.ts';

/** The API's reading of the query string the board sends for an address. */
const apiReads = (address: Record<string, unknown>) =>
  BoardQuerySchema.safeParse(
    Object.fromEntries(new URLSearchParams(boardQueryString(validateBoardSearch(address), 'EUR'))),
  );

describe('the job board’s address', () => {
  it.each<Record<string, unknown>>([
    {},
    { sort: 'budget' },
    { min: '500' },
    { max: 40 },
    { min: 5, max: 1 },
    { type: 'hourly', min: 20, max: 60 },
    { sort: 'budget', type: 'hourly', min: 20 },
    { sort: 'budget', type: 'weekly', currency: 'gbp', max: 900 },
    { type: 'fixed', sort: 'newest' },
  ])('%o becomes a query the API accepts', (address) => {
    const read = apiReads(address);
    expect(read.error?.issues ?? []).toEqual([]);
  });

  it('reads a budget bound or the budget order without a kind as fixed prices', () => {
    expect(validateBoardSearch({ sort: 'budget' }).type).toBe('fixed');
    expect(validateBoardSearch({ min: '500' }).type).toBe('fixed');
    expect(validateBoardSearch({ max: 0 }).type).toBe('fixed');
    expect(validateBoardSearch({ sort: 'budget', type: 'hourly' }).type).toBe('hourly');
    expect(validateBoardSearch({ type: 'hourly' }).type).toBe('hourly');
    expect(validateBoardSearch({}).type).toBeUndefined();
  });

  it('counts the kind under the budget order as part of the order, not as a filter', () => {
    expect(hasFilters(validateBoardSearch({ sort: 'budget' }))).toBe(false);
    expect(hasFilters(validateBoardSearch({ sort: 'budget', type: 'hourly' }))).toBe(false);
    expect(hasFilters(validateBoardSearch({ type: 'hourly' }))).toBe(true);
    expect(hasFilters(validateBoardSearch({ sort: 'budget', min: 1 }))).toBe(true);
  });
});
