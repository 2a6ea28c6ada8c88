import { expect, test, type Locator } from '@playwright/test';
import { openDatabase } from '../src/server/db/open.ts';
import { loadConfig } from '../src/server/env.ts';
import { createBusinessService } from '../src/server/features/accounts/businesses.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createVerifiedUser } from '../src/server/lib/users.ts';
import type { TestContext } from '../test/harness.ts';
import { buildJob } from '../test/job-factories.ts';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible, uniqueWord } from './helpers.ts';

/**
 * Filters changed together, within the search box's typing pause (250 ms): each must end in the
 * address and in the results. In CI the board kept the word and lost the skill: Enter in the
 * skills filter came before the skill list had arrived, and the filter, which takes listed
 * skills only, dropped the pick. An amount committed after the pause wrote back the currency
 * shown when it was typed, over one chosen meanwhile. And a word typed before the app took the
 * search box over was shown in it, and nothing searched for it.
 */

// A word only this run's jobs have.
const word = uniqueWord('kiln');
const BOTH = 'Shop for the pottery studio';

test.beforeAll(async () => {
  const config = loadConfig({ ...process.env, DATA_DIR: E2E_DATA_DIR });
  const database = await openDatabase(config, { attach: true });
  const { db } = database;
  // The factories read only `db` and `clock` from a test context.
  const ctx = { db, clock: systemClock } as unknown as TestContext;
  try {
    const ownerId = await createVerifiedUser(db, config, {
      email: `board-race-${word}@e2e.example`,
      name: 'Rae Potter',
      password: 'a-long-enough-password',
      timeZone: 'Europe/Lisbon',
      currency: 'EUR',
    });
    const business = await createBusinessService({ db, clock: systemClock }).create(
      { userId: ownerId },
      { name: 'Race Pottery', timeZone: 'Europe/Lisbon', currency: 'EUR' },
    );
    // One job with the word and the skill, one with the word only, one with the skill only.
    for (const [title, summary, skills] of [
      [BOTH, `Sell our ${word} glazes online.`, ['Shopify']],
      ['Poster for the pottery studio', `A poster of the ${word} firing.`, ['Illustration']],
      ['Shop for the bread bakery', 'Sell our bread online.', ['Shopify']],
    ] as const) {
      await buildJob(ctx, {
        businessId: business.id,
        createdBy: ownerId,
        brief: { title, summary, skills: [...skills] },
      });
    }
  } finally {
    await database.shutdown();
  }
});

/**
 * Until the app has taken the server-rendered field over, typing in it reaches no handler.
 * React marks each element it has hydrated with its props, which nothing else sets.
 */
async function untilInteractive(field: Locator) {
  await expect
    .poll(() => field.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps'))))
    .toBe(true);
}

const address = (url: string) => Object.fromEntries(new URL(url).searchParams);

test('a word and a skill chosen within the typing pause both filter the board', async ({
  page,
}) => {
  await page.goto('/jobs');
  const searchBox = page.getByRole('searchbox');
  const skills = page.getByRole('combobox', { name: 'Skills' });
  await untilInteractive(searchBox);
  await untilInteractive(skills);

  // At once, as a quick typist does: nothing waits for the address or for the skill list.
  await searchBox.fill(word);
  await skills.fill('shopify');
  await skills.press('Enter');

  await expect(page.getByRole('list', { name: 'Chosen skills' }).getByRole('listitem')).toHaveText([
    /^Shopify/,
  ]);
  await expect.poll(() => address(page.url())).toEqual({ q: word, skills: 'Shopify' });
  const results = page.getByRole('list', { name: 'Jobs' });
  await expect(results).not.toHaveAttribute('aria-busy', 'true');
  await expect(results.locator(':scope > li')).toHaveText([new RegExp(BOTH)]);

  // Another word and another filter within the pause: the skill stays, and both are added.
  await searchBox.fill(`${word} glazes`);
  await page.getByLabel('Posted').selectOption({ label: 'Last 7 days' });
  await expect
    .poll(() => address(page.url()))
    .toEqual({ q: `${word} glazes`, skills: 'Shopify', posted: '7d' });
  await expect(results).not.toHaveAttribute('aria-busy', 'true');
  await expect(results.locator(':scope > li')).toHaveText([new RegExp(BOTH)]);
  await expect(searchBox).toHaveValue(`${word} glazes`);
  await expectAccessible(page, 'job board filtered within the typing pause');
});

test('a currency chosen while an amount is being typed is the currency of the amount', async ({
  page,
}) => {
  await page.goto('/jobs');
  const from = page.getByLabel(/^From/);
  const currency = page.getByLabel('Currency');
  await untilInteractive(from);
  await untilInteractive(currency);

  // The amount is committed after the pause, from what the page showed as it was typed (USD).
  await from.fill('100');
  await currency.selectOption('EUR');

  await expect.poll(() => address(page.url())).toEqual({ min: '100', currency: 'EUR' });
  await expect(currency).toHaveValue('EUR');
  await expect(from).toHaveValue('100');
});

test('a word typed before the board is interactive is searched for', async ({ page }) => {
  // The app's scripts are held back until the word is in the server-rendered search box.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/**/*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/jobs', { waitUntil: 'commit' });
  const searchBox = page.getByRole('searchbox');
  await searchBox.fill(word);
  release();

  await expect.poll(() => address(page.url())).toEqual({ q: word });
  const results = page.getByRole('list', { name: 'Jobs' });
  await expect(results).not.toHaveAttribute('aria-busy', 'true');
  await expect(results.locator(':scope > li')).toHaveCount(2);
  await expect(searchBox).toHaveValue(word);
});
