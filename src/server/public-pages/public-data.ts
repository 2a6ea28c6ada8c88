/**
 * The data of the server-rendered public pages (render-page.tsx), read through the same services
 * the anonymous API answers from and encoded by the same response schemas, so a rendered page
 * holds exactly what `GET /api/v1/jobs`, `GET /api/v1/jobs/<id>` and `GET /api/v1/categories`
 * give a visitor who is not signed in — and nothing else.
 */
import { z } from 'zod';
import { CategorySchema, type Category } from '../../core/contracts/catalog.ts';
import {
  BoardPageSchema,
  BoardQuerySchema,
  PublicJobSchema,
  type BoardPage,
  type PublicJob,
} from '../../core/contracts/jobs.ts';
import type { createBoardService } from '../features/jobs/board.ts';
import type { Config } from '../env.ts';
import type { Clock } from '../lib/clock.ts';
import { HttpProblem } from '../lib/errors.ts';
import type { PublicPageData, RenderedPage } from './render-page.tsx';

export interface PageRendererDeps {
  board: Pick<ReturnType<typeof createBoardService>, 'search' | 'publicJob'>;
  categories: () => Promise<Category[]>;
  mode: Config['mode'];
  clock: Clock;
}

/**
 * `renderPage` of the public pages. React's server renderer and the web app's components load on
 * the first page rendered, not when the server starts.
 */
export function createPageRenderer(deps: PageRendererDeps) {
  // The JSON the API sends, which the web app reads as these types (web/api.ts does the same).
  const data: PublicPageData = {
    async board(query) {
      // A private workspace has no public board: the app says so itself (it reads the mode).
      if (deps.mode === 'workspace') return null;
      const parsed = BoardQuerySchema.safeParse(query);
      // A query the API would refuse: the app shows the API's answer, as before.
      if (!parsed.success) return null;
      return z.encode(BoardPageSchema, await deps.board.search(parsed.data)) as BoardPage;
    },
    async job(jobId) {
      try {
        const job = await deps.board.publicJob({ userId: null, jobId });
        return z.encode(PublicJobSchema, job) as PublicJob;
      } catch (error) {
        if (error instanceof HttpProblem && error.status === 404) return null;
        throw error;
      }
    },
    async categories() {
      return { items: z.encode(z.array(CategorySchema), await deps.categories()) };
    },
  };
  let renderer: Promise<typeof import('./render-page.tsx')> | undefined;
  return async (url: string): Promise<RenderedPage | null> => {
    const { renderPublicPage } = await (renderer ??= import('./render-page.tsx'));
    return renderPublicPage(url, data, deps.clock.now().getTime());
  };
}
