/**
 * A business's private notes and tags on a Handoff professional, kept in its record of them
 * (`talent_contacts` with `userId`), and inviting that professional to one of its jobs. The
 * professional is not a member of the business and never reads any of it.
 */
import type { z } from 'zod';
import type { PrivateNote, UpdatePrivateNoteSchema } from '../../../core/contracts/pool.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import type { createJobInvitationService } from '../jobs/invitations.ts';
import { authorizePool } from './policy.ts';
import { findContactOfUser, findProfessional, insertContact, updateContact } from './queries.ts';

export type ProfessionalScope = BusinessScope & { professionalId: string };
type UpdatePrivateNote = z.infer<typeof UpdatePrivateNoteSchema>;

export function createNoteService({
  db,
  clock,
  jobInvitations,
}: {
  db: Db;
  clock: Clock;
  jobInvitations: Pick<ReturnType<typeof createJobInvitationService>, 'invite'>;
}) {
  return {
    async get({ userId, businessId, professionalId }: ProfessionalScope): Promise<PrivateNote> {
      return db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.read');
        const professional = await findProfessional(tx, professionalId);
        if (!professional) throw notFound('Professional');
        const record = await findContactOfUser(tx, businessId, professionalId);
        return {
          professional: { id: professional.id, name: professional.name },
          notes: record?.notes ?? '',
          tags: record?.tags ?? [],
          inPool: record?.inPool ?? false,
          updatedAt: record?.updatedAt.toISOString() ?? null,
        };
      });
    },

    async save(
      { userId, businessId, professionalId }: ProfessionalScope,
      input: UpdatePrivateNote,
    ): Promise<PrivateNote> {
      return db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.manage');
        const professional = await findProfessional(tx, professionalId);
        if (!professional) throw notFound('Professional');
        const now = clock.now();
        const record = await findContactOfUser(tx, businessId, professionalId);
        const inPool = input.inPool ?? record?.inPool ?? false;
        if (record) {
          await updateContact(tx, record.id, {
            notes: input.notes,
            tags: input.tags,
            inPool,
            updatedAt: now,
          });
        } else {
          await insertContact(tx, {
            id: newId(),
            businessId,
            userId: professionalId,
            name: professional.name,
            notes: input.notes,
            tags: input.tags,
            inPool,
            createdBy: userId,
            createdAt: now,
            updatedAt: now,
          });
        }
        return {
          professional: { id: professional.id, name: professional.name },
          notes: input.notes,
          tags: input.tags,
          inPool,
          updatedAt: now.toISOString(),
        };
      });
    },

    /** The job invitation the jobs feature makes, addressed by the professional's account. */
    async inviteToJob({ userId, businessId, professionalId }: ProfessionalScope, jobId: string) {
      const professional = await findProfessional(db, professionalId);
      // Checked as the job would be, so an outsider learns nothing from a 404 here either.
      if (!professional) {
        await authorizePool(db, businessId, userId, 'talent.manage');
        throw notFound('Professional');
      }
      return jobInvitations.invite({ userId, businessId, jobId }, professional.email);
    },
  };
}
