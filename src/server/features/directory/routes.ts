import type { FastifyInstance } from 'fastify';
import { DirectoryPageSchema, DirectoryQuerySchema } from '../../../core/contracts/directory.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { OPTIONAL_AUTH } from '../jobs/board-routes.ts';
import type { createDirectoryService } from './directory.ts';

export interface DirectoryServices {
  directory: ReturnType<typeof createDirectoryService>;
}

/** The directory of professionals and business listings: anonymous callers allowed on a marketplace. */
export function directoryRoutes(app: FastifyInstance, s: DirectoryServices) {
  const r = typed(app);
  r.get('/api/v1/directory', {
    config: { access: 'public' },
    schema: {
      tags: ['talent'],
      summary:
        'The directory: visible professionals and approved business listings, searched, filtered and sorted in the viewer’s terms',
      description:
        'Anyone may search on a marketplace. With `businessId` (`talent.read` in it) rates are in the ' +
        'business’s currency, the overlap filter uses its working hours, and each result says whether ' +
        'it is in the business’s private pool, its saved lists, and how many businesses it trusts ' +
        'recommend the professional. In a private workspace (`HANDOFF_MODE=workspace`) only members ' +
        'may search, through `businessId`, and only the business’s private pool. Facet counts and the ' +
        'total are exact up to 1,000 matches; beyond that the total says `more` and facets are ' +
        'counted over the first 1,000 found (`facets.sampled`). The `handoff-cache` response header ' +
        'says how the result cache served it: `hit`, `revalidated` (confirmed against the change log ' +
        'after an edit that cannot touch it), `miss` (read) or `off`.',
      security: OPTIONAL_AUTH,
      querystring: DirectoryQuerySchema,
      response: { 200: DirectoryPageSchema, ...problems(401, 404) },
    },
    handler: async (req, reply) => {
      const { page, cache } = await s.directory.search(
        { userId: req.caller?.userId ?? null },
        req.query,
      );
      // How the result cache served it (hit, revalidated against the change log, miss, off),
      // as a CDN's cache-status header says: for operators and the benchmark.
      void reply.header('handoff-cache', cache);
      return page;
    },
  });
}
