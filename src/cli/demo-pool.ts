/**
 * The pool's demo: the bakery adds a freelancer it met on another site (invited by e-mail, no
 * account yet, with private notes and tags), keeps notes on one of the demo professionals, and
 * saves them to a list. Through the services, so the demo is what the API would make.
 */
import { CreateContactSchema } from '../core/contracts/pool.ts';
import type { Db } from '../server/db/client.ts';
import type { Config } from '../server/env.ts';
import { createContactService } from '../server/features/pool/contacts.ts';
import { createListService } from '../server/features/pool/lists.ts';
import { createNoteService } from '../server/features/pool/notes.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createMailer } from '../server/lib/mail.ts';
import type { DemoBusiness } from './demo-jobs.ts';

export async function demoPool(
  db: Db,
  config: Config,
  { bakery, professionalId }: { bakery: DemoBusiness; professionalId: string },
): Promise<string[]> {
  const clock = systemClock;
  const scope = { userId: bakery.ownerId, businessId: bakery.businessId };
  // Demo addresses are never deliverable: the invitation goes to the dev mailbox, even with SMTP.
  const mailer = createMailer({ db, from: config.mailFrom });
  const contacts = createContactService({ db, clock, mailer, baseUrl: config.baseUrl });
  await contacts.add(
    scope,
    CreateContactSchema.parse({
      name: 'Marta Sousa',
      email: 'marta.sousa@example.com',
      externalUrl: 'https://example.com/freelancers/marta-sousa',
      notes: 'Did our Christmas flyers through another site in 2025. Quick, careful with print.',
      tags: ['print', 'met elsewhere'],
    }),
  );
  const notes = createNoteService({
    db,
    clock,
    // The demo invites nobody to a job from here: the jobs demo does that.
    jobInvitations: { invite: async () => ({ email: '' }) },
  });
  await notes.save(
    { ...scope, professionalId },
    { notes: 'Answered within the hour on the logo job.', tags: ['design'], inPool: true },
  );
  const lists = createListService({ db, clock });
  const list = await lists.create(scope, { name: 'For the spring menu' });
  await lists.addItem({ ...scope, listId: list.id, professionalId });
  return [
    `  ${bakery.name}'s pool: Marta Sousa (invited from another site; the invitation is in the dev mailbox)`,
    `  ${bakery.name}'s saved list "For the spring menu"`,
  ];
}
