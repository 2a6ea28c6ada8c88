/**
 * The demo's word of mouth and listings, made through the network services as the API would:
 * an agency's listing waiting for an admin, two businesses connected as trusted colleagues, and
 * a recommendation one of them wrote (which the other sees on the professional's page).
 */
import { SaveListingSchema } from '../core/contracts/network.ts';
import type { Db } from '../server/db/client.ts';
import type { Config } from '../server/env.ts';
import { findUserByEmail } from '../server/features/accounts/queries.ts';
import { createConnectionService } from '../server/features/network/connections.ts';
import { createListingService } from '../server/features/network/listings.ts';
import { createRecommendationService } from '../server/features/network/recommendations.ts';
import { createNotifier } from '../server/features/notifications/index.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createMailer } from '../server/lib/mail.ts';
import type { DemoBusiness } from './demo-jobs.ts';

export async function demoNetwork(
  db: Db,
  config: Config,
  {
    asker,
    colleague,
    colleagueEmail,
    agencyEmail,
    recommendedEmail,
  }: {
    asker: DemoBusiness;
    colleague: DemoBusiness;
    /** The address of an owner of `colleague`, as a person would type it. */
    colleagueEmail: string;
    /** A professional who represents a firm. */
    agencyEmail: string;
    recommendedEmail: string;
  },
): Promise<string[]> {
  const clock = systemClock;
  const notify = createNotifier({
    mailer: createMailer({ db, from: config.mailFrom }),
    baseUrl: config.baseUrl,
    clock,
  });
  const agency = await findUserByEmail(db, agencyEmail);
  const recommended = await findUserByEmail(db, recommendedEmail);
  if (!agency || !recommended) return [];

  await createListingService({ db, clock, notify, mode: config.mode }).save(
    { userId: agency.id },
    SaveListingSchema.parse({
      name: 'Ruiz Commerce Studio',
      description:
        'A studio of four in Buenos Aires setting up and speeding up online shops for small retailers, in English and Spanish.',
      services: ['Shopify store set-up', 'WooCommerce payments and shipping', 'Speed fixes'],
      categorySlugs: ['web-development'],
      teamSize: 4,
      website: 'https://ruiz-commerce.example',
      countries: ['AR', 'US', 'ES'],
      timeZones: ['America/Argentina/Buenos_Aires', 'America/New_York'],
    }),
  );

  const connections = createConnectionService({ db, clock, notify });
  await connections.request(
    { userId: asker.ownerId, businessId: asker.businessId },
    colleagueEmail,
  );
  const waiting = await connections.list({
    userId: colleague.ownerId,
    businessId: colleague.businessId,
  });
  const request = waiting.incoming.find((c) => c.business.id === asker.businessId);
  if (request)
    await connections.accept({
      userId: colleague.ownerId,
      businessId: colleague.businessId,
      connectionId: request.id,
    });

  await createRecommendationService({ db, clock }).save(
    {
      userId: colleague.ownerId,
      businessId: colleague.businessId,
      professionalUserId: recommended.id,
    },
    `${recommended.name} redid our logo and packaging labels in two weeks; clear drafts, no surprises on the invoice.`,
  );

  return [
    `  ${agency.name}'s listing “Ruiz Commerce Studio” waits for an admin at ${config.baseUrl}/admin/listings`,
    `  ${asker.name} and ${colleague.name} are trusted colleagues; ${colleague.name} recommends ${recommended.name}`,
    `  (${asker.name} sees it at ${config.baseUrl}/app/businesses/${asker.businessId}/recommendations/${recommended.id})`,
  ];
}
