/**
 * Data the workspace journey starts from, written into the running e2e server's database: fresh
 * people (an owner whose bakery keeps Lisbon time and euros, a professional in New York, another
 * for a fixed-price contract) given the demo's own running contracts by `demoWork`, so the
 * journey walks the demo's data. Prints the addresses and ids as JSON.
 *
 * Run with `node --import tsx e2e/seed-workspace-done.ts setup <password>` and DATA_DIR set to
 * the server's.
 */
import { demoWork } from '../src/cli/demo-work.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { professionalProfiles } from '../src/server/db/schema/index.ts';
import { loadConfig } from '../src/server/env.ts';
import { createBusinessService } from '../src/server/features/accounts/businesses.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createQueue } from '../src/server/lib/queue.ts';
import { createVerifiedUser } from '../src/server/lib/users.ts';

const [command, password = 'a-long-enough-password'] = process.argv.slice(2);
const config = loadConfig();
const database = await openDatabase(config, { attach: true });
const { db, pool } = database;

try {
  if (command === 'setup') {
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const email = (who: string) => `done-${who}-${tag}@e2e.example`;
    const person = (who: string, name: string, timeZone: string) =>
      createVerifiedUser(db, config, { email: email(who), name, password, timeZone });
    const ownerId = await person('owner', 'Maria Owner', 'Europe/Lisbon');
    const business = await createBusinessService({ db, clock: systemClock }).create(
      { userId: ownerId },
      { name: 'Done Bakery', timeZone: 'Europe/Lisbon', currency: 'EUR' },
    );
    const proId = await person('pro', 'Mateo Pro', 'America/New_York');
    const writerId = await person('writer', 'Olena Writer', 'Europe/Kyiv');
    for (const userId of [proId, writerId])
      await db.insert(professionalProfiles).values({ userId });
    const made = await demoWork(db, config, createQueue({ pool, clock: systemClock }), {
      bakery: {
        name: 'Done Bakery',
        ownerId,
        businessId: business.id,
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
      },
      hourly: { id: proId, email: email('pro') },
      fixed: { id: writerId, email: email('writer') },
    });
    console.log(
      JSON.stringify({
        businessId: business.id,
        contractId: made.hourlyContractId,
        fixedContractId: made.fixedContractId,
        owner: email('owner'),
        pro: email('pro'),
      }),
    );
  } else {
    console.error('usage: seed-workspace-done.ts setup [password]');
    process.exitCode = 2;
  }
} finally {
  await database.shutdown();
}
