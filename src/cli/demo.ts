import { count } from 'drizzle-orm';
import type { BusinessRole } from '../core/roles.ts';
import type { Db } from '../server/db/client.ts';
import { businessMembers, professionalProfiles, users } from '../server/db/schema/index.ts';
import type { Config } from '../server/env.ts';
import { createBusinessService } from '../server/features/accounts/businesses.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createVerifiedUser } from '../server/lib/users.ts';

export const DEMO_PASSWORD = 'handoff-demo-2026';

interface DemoPerson {
  name: string;
  email: string;
  timeZone: string;
  currency: string;
}

const businesses: {
  name: string;
  timeZone: string;
  currency: string;
  team: (DemoPerson & { role: BusinessRole })[];
}[] = [
  {
    name: 'Crumb & Co. Bakery',
    timeZone: 'Europe/Lisbon',
    currency: 'EUR',
    team: [
      {
        name: 'Maria Santos',
        email: 'maria@crumb.example',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
        role: 'owner',
      },
      {
        name: 'Tomás Ferreira',
        email: 'tomas@crumb.example',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
        role: 'manager',
      },
      {
        name: 'Inês Costa',
        email: 'ines@crumb.example',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
        role: 'viewer',
      },
    ],
  },
  {
    name: 'Northwind Outfitters',
    timeZone: 'America/Chicago',
    currency: 'USD',
    team: [
      {
        name: 'Dana Brooks',
        email: 'dana@northwind.example',
        timeZone: 'America/Chicago',
        currency: 'USD',
        role: 'owner',
      },
      {
        name: 'Lee Park',
        email: 'lee@northwind.example',
        timeZone: 'America/Chicago',
        currency: 'USD',
        role: 'manager',
      },
    ],
  },
  {
    name: 'Kestrel Consulting',
    timeZone: 'Europe/London',
    currency: 'GBP',
    team: [
      {
        name: 'Priya Shah',
        email: 'priya@kestrel.example',
        timeZone: 'Europe/London',
        currency: 'GBP',
        role: 'owner',
      },
    ],
  },
];

const professionals: (DemoPerson & { headline: string; bio: string })[] = [
  {
    name: 'Aisha Bello',
    email: 'aisha@pro.example',
    timeZone: 'Africa/Lagos',
    currency: 'USD',
    headline: 'Brand and logo designer',
    bio: 'Eight years of identities for food and retail brands; fast first drafts, three revision rounds.',
  },
  {
    name: 'Mateo Ruiz',
    email: 'mateo@pro.example',
    timeZone: 'America/Argentina/Buenos_Aires',
    currency: 'USD',
    headline: 'Shopify and WooCommerce developer',
    bio: 'Store set-ups, payment and shipping integrations, speed fixes. Overlaps US mornings.',
  },
  {
    name: 'Yuki Tanaka',
    email: 'yuki@pro.example',
    timeZone: 'Asia/Tokyo',
    currency: 'JPY',
    headline: 'Bookkeeper for small online shops',
    bio: 'Monthly reconciliations in Xero and QuickBooks, VAT and sales-tax summaries.',
  },
  {
    name: 'Olena Kovalenko',
    email: 'olena@pro.example',
    timeZone: 'Europe/Kyiv',
    currency: 'EUR',
    headline: 'Copywriter, English and Ukrainian',
    bio: 'Product pages, newsletters and About pages that sound like you, not like a template.',
  },
];

/** Fills an empty database with believable businesses, teams and professionals; prints how to sign in. */
export async function runDemo(db: Db, config: Config): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) {
    console.error(
      'The database already has accounts; the demo only fills an empty one. Use a fresh DATA_DIR.',
    );
    return 1;
  }
  const service = createBusinessService({ db, clock: systemClock });
  const lines: string[] = [];
  for (const b of businesses) {
    const [owner, ...rest] = b.team;
    if (!owner) continue;
    const ownerId = await createVerifiedUser(db, config, { ...owner, password: DEMO_PASSWORD });
    const business = await service.create(ownerId, {
      name: b.name,
      timeZone: b.timeZone,
      currency: b.currency,
    });
    lines.push(`  ${owner.email.padEnd(26)} owner of ${b.name}`);
    for (const member of rest) {
      const id = await createVerifiedUser(db, config, { ...member, password: DEMO_PASSWORD });
      await db
        .insert(businessMembers)
        .values({ businessId: business.id, userId: id, role: member.role });
      lines.push(`  ${member.email.padEnd(26)} ${member.role} at ${b.name}`);
    }
  }
  for (const p of professionals) {
    const id = await createVerifiedUser(db, config, { ...p, password: DEMO_PASSWORD });
    await db.insert(professionalProfiles).values({ userId: id, headline: p.headline, bio: p.bio });
    lines.push(`  ${p.email.padEnd(26)} professional — ${p.headline}`);
  }
  console.log(
    `Demo data is in. Sign in at ${config.baseUrl} with any of these (password: ${DEMO_PASSWORD}):\n`,
  );
  console.log(lines.join('\n'));
  console.log(
    '\nAn admin is not part of the demo: make one with `npx handoff create-admin --email you@example.com`.',
  );
  return 0;
}
