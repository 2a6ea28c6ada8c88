/**
 * Data the issues journey starts from, written into the running e2e server's database: an
 * owner whose business (Europe/Lisbon) has an active hourly contract with a professional, and
 * the addresses and the contract's id printed as JSON.
 *
 * Run with `node --import tsx e2e/seed-work-issues.ts setup <password>` and DATA_DIR set to
 * the server's.
 */
import { openDatabase } from '../src/server/db/open.ts';
import { professionalProfiles } from '../src/server/db/schema/index.ts';
import { loadConfig } from '../src/server/env.ts';
import { createBusinessService } from '../src/server/features/accounts/businesses.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createVerifiedUser } from '../src/server/lib/users.ts';
import { buildContract } from '../test/contract-factories.ts';
import type { TestContext } from '../test/harness.ts';

const [command, password = 'a-long-enough-password'] = process.argv.slice(2);
const config = loadConfig();
const database = await openDatabase(config, { attach: true });
const { db } = database;
// The factories read only `db` and `clock` from a test context.
const ctx = { db, clock: systemClock } as unknown as TestContext;

try {
  if (command === 'setup') {
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const email = (who: string) => `issues-${who}-${tag}@e2e.example`;
    const ownerId = await createVerifiedUser(db, config, {
      email: email('owner'),
      name: 'Iris Owner',
      password,
      timeZone: 'Europe/Lisbon',
    });
    const business = await createBusinessService({ db, clock: systemClock }).create(
      { userId: ownerId },
      { name: 'Tracker Bakery', timeZone: 'Europe/Lisbon', currency: 'EUR' },
    );
    const proId = await createVerifiedUser(db, config, {
      email: email('pro'),
      name: 'Pat Pro',
      password,
      timeZone: 'America/New_York',
    });
    await db.insert(professionalProfiles).values({ userId: proId });
    const contract = await buildContract(ctx, {
      businessId: business.id,
      professionalId: proId,
      title: 'Online ordering for the bakery',
    });
    console.log(
      JSON.stringify({ contractId: contract.id, owner: email('owner'), pro: email('pro') }),
    );
  } else {
    console.error('usage: seed-work-issues.ts setup [password]');
    process.exitCode = 2;
  }
} finally {
  await database.shutdown();
}
