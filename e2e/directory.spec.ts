import { expect, test } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/open.ts';
import { loadConfig } from '../src/server/env.ts';
import { newId } from '../src/server/lib/ids.ts';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible, signUp, unique } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';

/**
 * Professionals written straight into the directory's columns, as the profiles work's service
 * writes them (its pages are another part of this issue): one in Lisbon who fits, one in Tokyo
 * whose day never meets New York's, one whose rate is above the owner's range.
 */
const PROS = [
  { name: 'Marta Figueira', rateUsd: 4000, start: 9 * 60, end: 17 * 60, country: 'PT' },
  { name: 'Kenji Sato', rateUsd: 4500, start: 0, end: 8 * 60, country: 'JP' },
  { name: 'Rhea Costly', rateUsd: 20000, start: 12 * 60, end: 20 * 60, country: 'GB' },
];

test.beforeAll(async () => {
  const config = loadConfig({ ...process.env, DATA_DIR: E2E_DATA_DIR });
  const database = await openDatabase(config, { attach: true });
  try {
    for (const p of PROS) {
      const id = newId();
      const slug = p.name.toLowerCase().replace(/ /g, '-');
      await database.db.execute(sql`
        insert into users (id, name, email, email_verified)
        values (${id}, ${p.name}, ${`${slug}@e2e.example`}, true)
        on conflict (email) do nothing`);
      await database.db.execute(sql`
        insert into professional_profiles (user_id, slug, headline, hourly_rate_amount,
          hourly_rate_currency, rate_usd, work_start_utc, work_end_utc, country,
          skill_slugs, category_slugs, years_experience, search)
        select id, ${slug}, 'Packaging and label designer', ${p.rateUsd}, 'USD', ${p.rateUsd},
          ${p.start}, ${p.end}, ${p.country}, array['figma', 'illustration'], array['design'], 6,
          setweight(to_tsvector('english', ${p.name}), 'A')
            || setweight(to_tsvector('english', 'Packaging and label designer figma illustration'), 'B')
        from users where email = ${`${slug}@e2e.example`}
        on conflict (user_id) do nothing`);
    }
  } finally {
    await database.shutdown();
  }
});

test('an owner in New York finds a professional by skill, rate and shared working hours', async ({
  browser,
}) => {
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/sign-up');
  await signUp(page, 'Nora Owner', unique('nora'), {
    business: 'Harbor Bakery',
    password: PASSWORD,
  });

  await page.getByRole('link', { name: 'Find talent' }).click();
  await expect(page.getByRole('heading', { name: 'Find professionals' })).toBeVisible();
  await expect(page.getByLabel('Search for')).toHaveValue(/.+/);
  const results = page.getByRole('list', { name: 'Professionals and businesses' });
  // The three seeded here, among any professionals the journeys before this one made.
  for (const { name } of PROS)
    await expect(results.getByRole('heading', { name, exact: true })).toBeVisible();
  await expectAccessible(page, 'the directory');

  await page.getByLabel('Skills (all of)').fill('figma');
  await page.getByLabel('Skills (all of)').press('Enter');
  await page.getByLabel('To', { exact: true }).fill('100');
  await page.getByLabel('To', { exact: true }).press('Enter');
  await expect(results.getByRole('article')).toHaveCount(2);
  await page.getByLabel('Shared working hours').selectOption('2');

  // New York 09–17 is 14–22 UTC: Lisbon's 09–17 UTC shares three hours, Tokyo's none.
  await expect(results.getByRole('article')).toHaveCount(1);
  const card = results.getByRole('article').first();
  await expect(card.getByRole('heading', { name: 'Marta Figueira' })).toBeVisible();
  await expect(card).toContainText('$40.00 / hour');
  await expect(card).toContainText('3 h of your working day shared');
  await expect(card).toContainText('New');
  // The address keeps the filters: the search can be shared.
  await expect(page).toHaveURL(/skills=figma/);
  await expect(page).toHaveURL(/overlap=2/);
  await expectAccessible(page, 'the directory, filtered');

  // On a phone the filters fold away behind a button.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByRole('button', { name: /Filters/ })).toBeVisible();
  await expect(page.getByLabel('Skills (all of)')).toBeHidden();
  await page.getByRole('button', { name: /Filters/ }).click();
  await expect(page.getByLabel('Skills (all of)')).toBeVisible();
  await expectAccessible(page, 'the directory on a phone');
  await context.close();
});
