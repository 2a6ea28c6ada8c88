import { expect, test, type Page } from '@playwright/test';
import {
  confirmAddress,
  createAdmin,
  expectAccessible,
  signUp,
  unique,
  uniqueWord,
} from './helpers.ts';

const PASSWORD = 'a-long-enough-password';

const ADMIN = {
  email: 'jobs-admin@e2e.example',
  password: 'admin-password-123',
  name: 'Jobs Admin',
};

test.beforeAll(() => createAdmin(ADMIN));

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The score the live checker shows ("Score 42 of 100"). */
async function score(page: Page): Promise<number> {
  const text = await page
    .getByRole('region', { name: 'Requirements check' })
    .getByText(/^Score \d+/)
    .first()
    .innerText();
  return Number(/Score (\d+)/.exec(text)?.[1]);
}

test('an owner turns a vague job into a clear one and publishes it; a professional finds it on the board by a skill and a word, and cannot reach its specification', async ({
  browser,
}) => {
  // A word of the summary that no other job has, and a marker only the specification holds.
  const word = uniqueWord('raku');
  const secret = `SUPPLIERLIST${Date.now()}`;
  const title = 'Online shop for a ceramics studio';

  const ownerContext = await browser.newContext();
  const page = await ownerContext.newPage();
  await page.goto('/sign-up');
  const ownerEmail = unique('jobs-owner');
  await signUp(page, 'Hana Kim', ownerEmail, { business: 'Kim Ceramics', password: PASSWORD });
  // Publishing a public job needs a verified address.
  await confirmAddress(browser, page, ownerEmail, ADMIN);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Jobs', exact: true })
    .click();
  await expectAccessible(page, 'empty job list');
  await page.getByRole('link', { name: 'New job' }).first().click();
  await page.getByLabel('Job title').fill(title);
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const [, businessId, jobId] =
    /businesses\/([0-9a-f-]{36})\/jobs\/([0-9a-f-]{36})/.exec(page.url()) ?? [];

  // The vague first try: the checker points at the exact words, live, as the owner types.
  await page.getByLabel('Summary').fill('Need a nice modern website ASAP. Details TBD.');
  const checker = page.getByRole('region', { name: 'Requirements check' });
  await expect(checker).toContainText('ASAP');
  await expect(checker).toContainText('TBD');
  expect(await score(page)).toBeLessThan(50);
  await expectAccessible(page, 'job editor with findings');
  await checker.getByRole('button').filter({ hasText: 'ASAP' }).first().click();
  await expect(page.getByLabel('Summary')).toBeFocused();

  // Fixing it: a brief a professional can bid on…
  await page
    .getByLabel('Summary')
    .fill(
      `Kim Ceramics makes ${word} pottery in a small studio and sells it at markets. We want an online shop on Shopify with our 40 products, photos we already have, and payments by card. You will set up the theme, load the products from our spreadsheet and show our staff how to add new ones.`,
    );
  const skills = page.getByRole('combobox', { name: 'Skills' });
  await skills.fill('Shopify');
  await skills.press('Enter');
  await page.getByLabel('From', { exact: true }).fill('800');
  await page.getByLabel('Up to', { exact: true }).fill('1200');
  await page.getByRole('group', { name: 'When it must be done' }).getByText('By a date').click();
  await page.getByLabel('Deadline').fill(day(30));

  // …and a specification that leaves nothing to guess.
  await page.getByRole('tab', { name: /Full specification/ }).click();
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill(`Our suppliers are in ${secret}; keep it private.`);
  await page.getByRole('button', { name: 'Add a deliverable', exact: true }).click();
  await page
    .getByLabel('Deliverable 1', { exact: true })
    .fill('A Shopify store with 5 pages: home, shop, about, contact and FAQ');
  await page.getByRole('button', { name: 'Add a deliverable', exact: true }).click();
  await page
    .getByLabel('Deliverable 2', { exact: true })
    .fill('A 2-page guide to adding a product');
  await page.getByRole('button', { name: 'Add a criterion', exact: true }).click();
  await page
    .getByLabel('Criterion 1', { exact: true })
    .fill('All 5 pages load in under 2 seconds on a 4G connection');
  await page.getByLabel(/Accepts deliverable.*criterion 1/).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Add a criterion', exact: true }).click();
  await page
    .getByLabel('Criterion 2', { exact: true })
    .fill('A staff member adds a product by following the guide in under 10 minutes');
  await page.getByLabel(/Accepts deliverable.*criterion 2/).selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Add a requirement', exact: true }).click();
  await page
    .getByLabel('Requirement 1', { exact: true })
    .fill('All 40 products imported with their photos');
  await page.getByRole('group', { name: 'Priority of requirement 1' }).getByText('Must').click();
  await page.getByLabel('Deliverable that carries requirement 1').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Add a requirement', exact: true }).click();
  await page.getByLabel('Requirement 2', { exact: true }).fill('A gift-card product');
  await page.getByRole('group', { name: 'Priority of requirement 2' }).getByText('Could').click();
  await page.getByLabel('Deliverable that carries requirement 2').selectOption({ index: 1 });
  await page
    .getByLabel('Definition of success')
    .fill('We take 20 paid orders online in the first month without asking for help.');

  await expect(checker).toContainText('Ready');
  expect(await score(page)).toBeGreaterThanOrEqual(80);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);

  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Public/).check();
  await dialog.getByLabel('NDA required').check();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Version 1')).toBeVisible();
  await expectAccessible(page, 'published job');

  // Two editors at once (a second tab): the save made on top of the other's is refused, not merged.
  await page.getByLabel('Constraints').fill('Use our brand colours only.');
  const other = await ownerContext.newPage();
  await other.goto(page.url());
  await other.getByRole('tab', { name: /Full specification/ }).click();
  await other.getByLabel('Constraints').fill('Keep our current domain name.');
  await other.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(other.getByText('Unsaved changes')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Someone else saved this job after you opened it/)).toBeVisible();
  await other.close();

  // Someone else, signed up as a professional, searches the board by a skill and a word.
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  await pro.goto('/sign-up?as=professional');
  await signUp(pro, 'Aiko Tanaka', unique('jobs-pro'), { password: PASSWORD });
  await pro.goto('/jobs');
  // The app has replaced the server's anonymous page once it shows who is signed in.
  await expect(pro.getByRole('link', { name: 'Open Handoff' })).toBeVisible();
  // At once, within the search box's typing pause: both filters apply.
  await pro.getByRole('searchbox').fill(word);
  const proSkills = pro.getByRole('combobox', { name: 'Skills' });
  await proSkills.fill('shopify');
  await proSkills.press('Enter');
  await expect
    .poll(() => Object.fromEntries(new URL(pro.url()).searchParams))
    .toEqual({ q: word, skills: 'Shopify' });
  const results = pro.getByRole('list', { name: 'Jobs' });
  // Settled: not still showing, dimmed, the results of one filter (the skill's can hold this
  // spec's jobs of earlier runs) while those of both load.
  await expect(results).not.toHaveAttribute('aria-busy', 'true');
  await expect(results).toHaveCSS('opacity', '1');
  await expect(results.locator(':scope > li')).toHaveText([new RegExp(title)]);
  await expectAccessible(pro, 'job board with results');
  await results.getByRole('link', { name: title }).click();
  await expect(pro.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(pro.getByText(word).first()).toBeVisible();
  await expectAccessible(pro, 'public job page');
  expect(await pro.content()).not.toContain(secret);

  // No URL gives the specification to someone outside the business.
  const base = `/api/v1/businesses/${businessId}/jobs/${jobId}`;
  for (const url of [
    base,
    `${base}/versions`,
    `${base}/versions/1`,
    `${base}/diff?from=1&to=1`,
    `${base}/spec-views`,
    `/api/v1/businesses/${businessId}/jobs`,
  ]) {
    const response = await pro.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).not.toContain(secret);
  }
  const publicJob = await pro.request.get(`/api/v1/jobs/${jobId}`);
  expect(publicJob.status()).toBe(200);
  expect(await publicJob.text()).not.toContain(secret);
  await pro.goto(`/app/businesses/${businessId}/jobs/${jobId}`);
  await expect(pro.getByRole('main')).toBeVisible();
  expect(await pro.content()).not.toContain(secret);

  // The shareable link carries the job's title and summary in the HTML head, for link previews.
  const html = await (await pro.request.get(`/jobs/${jobId}`)).text();
  expect(html).toContain(`<title>${title}`);
  expect(html).toMatch(new RegExp(`<meta name="description" content="[^"]*${word}`));
  expect(html).not.toContain(secret);

  await proContext.close();
  await ownerContext.close();
});
