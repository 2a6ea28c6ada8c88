/**
 * Job templates per kind of work (data the admin edits; seeded by migration 0004) and the
 * skills list behind the editor's autocomplete.
 */
import type { z } from 'zod';
import type { JobTemplate, UpdateJobTemplateSchema } from '../../../core/contracts/jobs.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { categoryExists, listTemplates, searchSkills, updateTemplate } from './queries.ts';
import { presentTemplate } from './present.ts';

type UpdateTemplateInput = z.infer<typeof UpdateJobTemplateSchema>;

export function createTemplateService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(): Promise<JobTemplate[]> {
      return (await listTemplates(db)).map(presentTemplate);
    },

    /** The admin's edit of a template; each of `brief` and `spec` is replaced whole. */
    async update({ slug }: { slug: string }, input: UpdateTemplateInput): Promise<JobTemplate> {
      return db.transaction(async (tx) => {
        const errors: { path: string; message: string }[] = [];
        if (input.category && !(await categoryExists(tx, input.category))) {
          errors.push({ path: 'body.category', message: 'Not one of the categories' });
        }
        if (input.brief?.category && !(await categoryExists(tx, input.brief.category))) {
          errors.push({ path: 'body.brief.category', message: 'Not one of the categories' });
        }
        if (errors.length > 0) throw badRequest(errors.map((e) => e.message).join('; '), errors);
        const row = await updateTemplate(tx, slug, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.category !== undefined ? { categorySlug: input.category } : {}),
          ...(input.brief !== undefined ? { brief: input.brief } : {}),
          ...(input.spec !== undefined ? { spec: input.spec } : {}),
          updatedAt: clock.now(),
        });
        if (!row) throw notFound('Template');
        return presentTemplate(row);
      });
    },

    /** Autocomplete: skills whose name contains `q`, the most asked-for first. */
    skills: (q: string, limit: number) => searchSkills(db, q, limit),
  };
}
