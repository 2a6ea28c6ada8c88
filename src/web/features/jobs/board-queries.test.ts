import { describe, expect, it } from 'vitest';
import { BoardQuerySchema } from '../../../core/contracts/jobs.ts';
import {
  boardQueryString,
  budgetKind,
  clearFiltersPatch,
  hasFilters,
  nextBoardSearch,
  sortPatch,
  validateBoardSearch,
  type BoardSearch,
} from './board-queries.ts';

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

  it('reads a budget bound or the budget order without a kind as fixed prices, without storing it', () => {
    for (const address of [{ sort: 'budget' }, { min: '500' }, { max: 0 }]) {
      const search = validateBoardSearch(address);
      expect(search.type).toBeUndefined();
      expect(budgetKind(search)).toBe('fixed');
    }
    expect(validateBoardSearch({ sort: 'budget', type: 'hourly' }).type).toBe('hourly');
    expect(validateBoardSearch({ type: 'hourly' }).type).toBe('hourly');
    expect(budgetKind(validateBoardSearch({}))).toBeUndefined();
  });

  it('asks the API for fixed prices under the budget order or a bound without a kind', () => {
    const query = (address: Record<string, unknown>) =>
      new URLSearchParams(boardQueryString(validateBoardSearch(address), 'EUR'));
    expect(query({ sort: 'budget' }).get('budgetType')).toBe('fixed');
    expect(query({ sort: 'budget' }).get('sort')).toBe('budget');
    expect(query({ min: 500 }).get('budgetType')).toBe('fixed');
    expect(query({ sort: 'budget', type: 'hourly' }).get('budgetType')).toBe('hourly');
    expect(query({}).has('budgetType')).toBe(false);
  });

  /** The address after the viewer picks `value` in the sort select, as the router reads it back. */
  const pickSort = (search: BoardSearch, value: 'budget' | 'newest') =>
    validateBoardSearch({ ...nextBoardSearch(search, sortPatch(value)) });

  it('leaves no kind behind when the budget order is left without one chosen', () => {
    const budget = pickSort(validateBoardSearch({}), 'budget');
    expect(budget).toEqual(validateBoardSearch({ sort: 'budget' }));
    expect(nextBoardSearch(budget, {})).toEqual({ sort: 'budget' });
    const newest = pickSort(budget, 'newest');
    expect(nextBoardSearch(newest, {})).toEqual({});
    expect(newest.type).toBeUndefined();
    expect(hasFilters(newest)).toBe(false);
    expect(new URLSearchParams(boardQueryString(newest, 'EUR')).has('budgetType')).toBe(false);
  });

  it('keeps a chosen hourly kind through switching the order back and forth', () => {
    let search = pickSort(validateBoardSearch({}), 'budget');
    search = validateBoardSearch({ ...nextBoardSearch(search, { type: 'hourly' }) });
    search = pickSort(search, 'newest');
    expect(nextBoardSearch(search, {})).toEqual({ type: 'hourly' });
    search = pickSort(search, 'budget');
    expect(nextBoardSearch(search, {})).toEqual({ sort: 'budget', type: 'hourly' });
    expect(new URLSearchParams(boardQueryString(search, 'EUR')).get('budgetType')).toBe('hourly');
  });

  it('keeps the kind of the budget order when the filters are cleared', () => {
    const hourly = validateBoardSearch({ sort: 'budget', type: 'hourly', min: 20, posted: '7d' });
    expect(nextBoardSearch(hourly, clearFiltersPatch(hourly))).toEqual({
      sort: 'budget',
      type: 'hourly',
    });
    const newest = validateBoardSearch({ type: 'hourly', min: 20 });
    expect(nextBoardSearch(newest, clearFiltersPatch(newest))).toEqual({});
  });

  it('counts the kind under the budget order as part of the order, not as a filter', () => {
    expect(hasFilters(validateBoardSearch({ sort: 'budget' }))).toBe(false);
    expect(hasFilters(validateBoardSearch({ sort: 'budget', type: 'hourly' }))).toBe(false);
    expect(hasFilters(validateBoardSearch({ type: 'hourly' }))).toBe(true);
    expect(hasFilters(validateBoardSearch({ sort: 'budget', min: 1 }))).toBe(true);
  });
});
