/**
 * A business's decline templates: reusable messages the owner picks from when declining a
 * bid. The built-in one (`DEFAULT_DECLINE_TEMPLATE`) is always offered and never stored, so a
 * business has a kind message ready before writing any.
 */
import {
  DEFAULT_DECLINE_TEMPLATE,
  type DeclineTemplate,
  type DeclineTemplates,
} from '../../../core/contracts/shortlist.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import {
  deleteDeclineTemplate,
  insertDeclineTemplate,
  listDeclineTemplates,
  updateDeclineTemplate,
  type DeclineTemplateRow,
} from './queries.ts';

export type TemplateScope = BusinessScope & { templateId: string };

function present(row: DeclineTemplateRow): DeclineTemplate {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function createDeclineTemplateService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list({ businessId, userId }: BusinessScope): Promise<DeclineTemplates> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'bids.read');
        const rows = await listDeclineTemplates(tx, businessId);
        return { items: rows.map(present), builtIn: { ...DEFAULT_DECLINE_TEMPLATE } };
      });
    },

    async create(
      { businessId, userId }: BusinessScope,
      input: { name: string; body: string },
    ): Promise<DeclineTemplate> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'bids.manage');
        const now = clock.now();
        const row = await insertDeclineTemplate(tx, {
          id: newId(),
          businessId,
          name: input.name,
          body: input.body,
          createdAt: now,
          updatedAt: now,
        });
        return present(row);
      });
    },

    async update(
      { businessId, userId, templateId }: TemplateScope,
      input: { name: string; body: string },
    ): Promise<DeclineTemplate> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'bids.manage');
        const row = await updateDeclineTemplate(tx, businessId, templateId, {
          ...input,
          updatedAt: clock.now(),
        });
        if (!row) throw notFound('Decline template');
        return present(row);
      });
    },

    async remove({ businessId, userId, templateId }: TemplateScope): Promise<void> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'bids.manage');
        if (!(await deleteDeclineTemplate(tx, businessId, templateId)))
          throw notFound('Decline template');
      });
    },
  };
}
