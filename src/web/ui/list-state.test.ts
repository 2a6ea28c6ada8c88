/**
 * ListState's choice of what to show, rendered to static markup (no DOM needed): a failure
 * before anything loaded replaces the list; a failure after (a "Load more" that failed) keeps
 * the loaded items and shows the error below them.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListState } from './list-state.tsx';

const empty = { title: 'No mail yet' };
const failed = {
  isPending: false,
  isError: true,
  error: new Error('The server did not answer'),
  refetch: () => undefined,
  hasNextPage: true,
  fetchNextPage: () => undefined,
  isFetchNextPageError: true,
};

const render = (query: typeof failed, count: number) =>
  renderToStaticMarkup(
    createElement(ListState, {
      query,
      count,
      empty,
      children: createElement('ul', null, 'loaded items'),
    }),
  );

describe('ListState', () => {
  it('keeps the loaded items when loading a further page fails, with the error and Try again below', () => {
    const html = render(failed, 20);
    expect(html).toContain('loaded items');
    expect(html).toContain('The server did not answer');
    expect(html).toContain('Try again');
    // No "Load more" beside the error: Try again is the one way on.
    expect(html).not.toContain('Load more');
  });

  it('shows only the error when nothing has loaded yet', () => {
    const html = render({ ...failed, isFetchNextPageError: false, hasNextPage: false }, 0);
    expect(html).not.toContain('loaded items');
    expect(html).toContain('The server did not answer');
  });

  it('offers Load more while there are further pages and nothing failed', () => {
    const html = render({ ...failed, isError: false, error: null as unknown as Error }, 20);
    expect(html).toContain('loaded items');
    expect(html).toContain('Load more');
    expect(html).not.toContain('Try again');
  });
});
