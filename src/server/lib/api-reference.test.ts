import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

// The page itself (redirect, title, favicon, CSP) is tested in health.test.ts and
// public-pages.test.ts; these are the parts the lazy loading could lose.
describe('the API reference, loaded on its first visit', () => {
  it('serves the script the page runs, under the page’s own CSP', async () => {
    const page = await call(ctx, null, { method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('js/scalar.js');
    const script = await call(ctx, null, { method: 'GET', url: '/api/docs/js/scalar.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body.length).toBeGreaterThan(100_000);
    expect(script.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers several first visits at once, each whole', async () => {
    const fresh = await createTestContext();
    const pages = await Promise.all(
      [1, 2, 3].map(() => call(fresh, null, { method: 'GET', url: '/api/docs/' })),
    );
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Handoff API reference</title>');
    }
  });

  it('answers an unknown address under it 404 problem+json, as anywhere else', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/api/docs/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
