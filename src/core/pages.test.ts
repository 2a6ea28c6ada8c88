import { describe, expect, it } from 'vitest';
import { matchPage } from './pages.ts';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('matchPage', () => {
  it('finds a page and its parameters', () => {
    expect(matchPage('/')).toEqual({ path: '/', params: {} });
    expect(matchPage(`/jobs/${ID}`)).toEqual({ path: '/jobs/$jobId', params: { jobId: ID } });
    expect(matchPage(`/app/businesses/${ID}/jobs/new`)?.path).toBe(
      '/app/businesses/$businessId/jobs/new',
    );
    expect(matchPage('/invitations/abc%20def')?.params).toEqual({ token: 'abc def' });
  });

  it('takes a trailing slash', () => {
    expect(matchPage('/jobs/')?.path).toBe('/jobs');
    expect(matchPage(`/jobs/${ID}/`)?.path).toBe('/jobs/$jobId');
  });

  it('finds no page for unknown addresses and ids that are not UUIDs', () => {
    for (const pathname of [
      '/nothing',
      '/jobs/not-a-uuid',
      `/jobs/${ID}/edit`,
      '/app/businesses/12/team',
      '/invitations/',
      '/%E0%A4%A',
      '/app/settings/more',
    ])
      expect(matchPage(pathname), pathname).toBeNull();
  });
});
