import { describe, expect, it } from 'vitest';
import { PAGE_PATHS } from '../core/pages.ts';
import { createAppRouter } from './router.tsx';

describe('PAGE_PATHS', () => {
  it('is exactly the web app’s routes, so the server answers 404 only where the app has no page', () => {
    const routed = Object.keys(createAppRouter().routesByPath)
      .map((p) => (p.length > 1 ? p.replace(/\/$/, '') : p))
      .sort();
    expect(routed).toEqual([...PAGE_PATHS].sort());
  });
});
