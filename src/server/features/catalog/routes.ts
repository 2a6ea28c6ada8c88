import type { FastifyInstance } from 'fastify';
import { listOf } from '../../../core/contracts/common.ts';
import {
  CategoryParamsSchema,
  CategorySchema,
  CreateCategorySchema,
  CurrencyParamsSchema,
  CurrencyRateSchema,
  UpdateCategorySchema,
  UpdateCurrencyRateSchema,
} from '../../../core/contracts/catalog.ts';
import { requireAdmin } from '../../lib/caller.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import type { createCatalogService } from './catalog.ts';
import { CATALOG_READ, CATALOG_WRITE } from './policy.ts';

export function catalogRoutes(
  app: FastifyInstance,
  catalog: ReturnType<typeof createCatalogService>,
) {
  const r = typed(app);
  const tags = ['catalog'];

  r.get('/api/v1/categories', {
    config: { access: CATALOG_READ },
    schema: {
      tags,
      summary:
        'Work categories with their typical market hourly rate (anonymous allowed: the job board filters by them)',
      security: [{}, { bearer: [] }, { cookie: [] }],
      response: { 200: listOf(CategorySchema), ...problems(401) },
    },
    handler: async () => ({ items: await catalog.categories() }),
  });

  r.post('/api/v1/admin/categories', {
    config: { access: CATALOG_WRITE },
    schema: {
      tags,
      summary: 'Add a category (admin)',
      body: CreateCategorySchema,
      response: { 201: CategorySchema, ...problems(401, 403, 409) },
    },
    handler: async (req, reply) => {
      requireAdmin(req);
      return reply.status(201).send(await catalog.createCategory(req.body));
    },
  });

  r.patch('/api/v1/admin/categories/:slug', {
    config: { access: CATALOG_WRITE },
    schema: {
      tags,
      summary: 'Rename a category or change its market rate (admin)',
      params: CategoryParamsSchema,
      body: UpdateCategorySchema,
      response: { 200: CategorySchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => {
      requireAdmin(req);
      return catalog.updateCategory(req.params, req.body);
    },
  });

  r.get('/api/v1/admin/currency-rates', {
    config: { access: CATALOG_WRITE },
    schema: {
      tags,
      summary: 'Approximate exchange rates, units per US dollar (admin)',
      response: { 200: listOf(CurrencyRateSchema), ...problems(401, 403) },
    },
    handler: async (req) => {
      requireAdmin(req);
      return { items: await catalog.currencyRates() };
    },
  });

  r.put('/api/v1/admin/currency-rates/:currency', {
    config: { access: CATALOG_WRITE },
    schema: {
      tags,
      summary: 'Set the rate of a currency (admin)',
      params: CurrencyParamsSchema,
      body: UpdateCurrencyRateSchema,
      response: { 200: CurrencyRateSchema, ...problems(401, 403) },
    },
    handler: async (req) => {
      requireAdmin(req);
      return catalog.setCurrencyRate(req.params, req.body);
    },
  });
}
