/**
 * A business's NDA templates: listed with the starter text, created, edited, archived. One
 * default per business: marking one unmarks the others, under a lock on the business row so two
 * concurrent "make default" calls end with one default.
 */
import type {
  CreateNdaTemplate,
  NdaTemplate,
  NdaTemplateList,
  UpdateNdaTemplate,
} from '../../../core/contracts/ndas.ts';
import { DEFAULT_NDA_TEMPLATE_BODY, DEFAULT_NDA_TEMPLATE_NAME } from '../../../core/nda.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { presentTemplate } from './present.ts';
import {
  clearOtherDefaults,
  findTemplate,
  forgetTemplateOnJobs,
  insertTemplate,
  listTemplates,
  lockBusiness,
  updateTemplate,
} from './queries.ts';

export type TemplateScope = BusinessScope & { templateId: string };

export function createNdaTemplateService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list({ userId, businessId }: BusinessScope): Promise<NdaTemplateList> {
      await authorizeBusiness(db, businessId, userId, 'bids.read');
      const rows = await listTemplates(db, businessId);
      return {
        items: rows.map(presentTemplate),
        starter: { name: DEFAULT_NDA_TEMPLATE_NAME, body: DEFAULT_NDA_TEMPLATE_BODY },
      };
    },

    async create({ userId, businessId }: BusinessScope, input: CreateNdaTemplate) {
      return db.transaction(async (tx): Promise<NdaTemplate> => {
        await authorizeBusiness(tx, businessId, userId, 'ndas.manage');
        await lockBusiness(tx, businessId);
        const now = clock.now();
        const row = await insertTemplate(tx, {
          id: newId(),
          businessId,
          name: input.name,
          body: input.body,
          isDefault: input.isDefault,
          createdAt: now,
          updatedAt: now,
        });
        if (row.isDefault) await clearOtherDefaults(tx, businessId, row.id, now);
        return presentTemplate(row);
      });
    },

    async update({ userId, businessId, templateId }: TemplateScope, input: UpdateNdaTemplate) {
      return db.transaction(async (tx): Promise<NdaTemplate> => {
        await authorizeBusiness(tx, businessId, userId, 'ndas.manage');
        await lockBusiness(tx, businessId);
        if (!(await findTemplate(tx, businessId, templateId))) throw notFound('NDA template');
        const now = clock.now();
        const row = await updateTemplate(tx, templateId, { ...input, updatedAt: now });
        if (input.isDefault) await clearOtherDefaults(tx, businessId, row.id, now);
        return presentTemplate(row);
      });
    },

    /**
     * Archives the template: NDAs already sent keep their exact text, and jobs that named it
     * send the business's default from now on.
     */
    async remove({ userId, businessId, templateId }: TemplateScope) {
      await db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'ndas.manage');
        await lockBusiness(tx, businessId);
        if (!(await findTemplate(tx, businessId, templateId))) throw notFound('NDA template');
        const now = clock.now();
        await updateTemplate(tx, templateId, { archivedAt: now, isDefault: false, updatedAt: now });
        await forgetTemplateOnJobs(tx, templateId);
      });
    },
  };
}
