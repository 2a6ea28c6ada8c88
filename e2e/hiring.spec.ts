import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';

/** Runs the journey's seed script against the server's database; returns its last line. */
function seed(...args: string[]): string {
  const out = execFileSync('node', ['--import', 'tsx', 'e2e/seed-hiring.ts', ...args, PASSWORD], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR },
    encoding: 'utf8',
  });
  return out.trim().split('\n').pop()!;
}

interface Seeded {
  businessId: string;
  jobId: string;
  owner: string;
  pros: { email: string; name: string; bidId: string }[];
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible({ timeout: 20_000 });
  return page;
}

/** A professional signs the job's NDA and then reads its specification. */
async function signAndRead(page: Page, jobId: string, name: string, scan: boolean) {
  await page.goto(`/app/jobs/${jobId}/nda`);
  await expect(page.getByRole('heading', { name: 'NDA — Digitise our recipe book' })).toBeVisible();
  if (scan) await expectAccessible(page, 'the NDA to sign');
  await page.getByLabel('Your full name').fill(name);
  await page.getByLabel('I agree to the terms of this NDA.').check();
  await page.getByRole('button', { name: 'Sign the NDA' }).click();
  await expect(page.getByText(`You signed as ${name}`)).toBeVisible();
  if (scan) await expectAccessible(page, 'the signed NDA');
  await page.getByRole('link', { name: 'Read the full specification' }).click();
  await expect(page.getByRole('heading', { name: 'Digitise our recipe book' })).toBeVisible();
  await expect(page.getByText('forty family recipes')).toBeVisible();
  if (scan) await expectAccessible(page, 'the specification');
}

/**
 * Hiring on a job that requires an NDA: shortlisting sends the NDA; two professionals sign it and
 * read the specification while the third is refused; the owner proposes interview times, one
 * professional picks one in their own time zone and downloads the invitation; the owner awards
 * the bid and the professional accepts the contract.
 */
test('an owner shortlists under an NDA, interviews across time zones and awards a contract', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const data = JSON.parse(seed('setup')) as Seeded;
  const [ana, bo, cy] = data.pros as [Seeded['pros'][0], Seeded['pros'][0], Seeded['pros'][0]];
  const jobPath = `/app/businesses/${data.businessId}/jobs/${data.jobId}`;

  // The owner shortlists all three bids; the job requires an NDA, so each is sent one.
  const owner = await signIn(browser, data.owner);
  await owner.goto(`${jobPath}/bids`);
  await expect(owner.getByTestId('bid-card')).toHaveCount(3);
  for (const [i, pro] of [ana, bo, cy].entries()) {
    await owner.getByRole('button', { name: `Shortlist ${pro.name}` }).click();
    await expect(owner.getByRole('link', { name: 'Propose interview' })).toHaveCount(i + 1);
  }
  await expectAccessible(owner, 'the bid list with an NDA job’s shortlist');

  // Ana and Bo sign and read the specification.
  const anaPage = await signIn(browser, ana.email);
  await signAndRead(anaPage, data.jobId, ana.name, true);
  const boPage = await signIn(browser, bo.email);
  await signAndRead(boPage, data.jobId, bo.name, false);

  // Cy did not sign: the page and the API both refuse the specification.
  const cyPage = await signIn(browser, cy.email);
  await cyPage.goto(`/app/jobs/${data.jobId}/spec`);
  await expect(
    cyPage.getByText('This job requires an NDA before you read its specification.'),
  ).toBeVisible();
  await expect(cyPage.getByText('forty family recipes')).toHaveCount(0);
  await expectAccessible(cyPage, 'the specification refused without the NDA');
  const refused = await cyPage.request.get(`/api/v1/jobs/${data.jobId}/spec`);
  expect([403, 404]).toContain(refused.status());
  expect(await refused.text()).not.toContain('forty family recipes');

  // The owner proposes two times to Ana, in the business's zone (Lisbon, UTC+1 in July).
  await owner
    .getByRole('navigation', { name: `Next steps with ${ana.name}` })
    .getByRole('link', { name: 'Propose interview' })
    .click();
  await expect(owner.getByText('Times to propose (Europe/Lisbon)')).toBeVisible();
  await owner.getByLabel('Time 1', { exact: true }).fill('2099-07-01T15:00');
  await owner.getByLabel('Time 2', { exact: true }).fill('2099-07-02T16:30');
  await owner.getByLabel('Call link').fill('https://meet.example.com/recipes');
  await expectAccessible(owner, 'the interview proposal form');
  await owner.getByRole('button', { name: 'Send 2 times' }).click();
  await expect(owner).toHaveURL(new RegExp(`${jobPath}/interviews$`));

  // Ana, in New York (UTC−4 in July), sees them in her zone and books the first.
  const interview = JSON.parse(seed('interview', ana.bidId)) as { id: string; icalUid: string };
  await anaPage.goto(`/app/interviews/${interview.id}`);
  await expect(anaPage.getByText(/Times are in your time zone, America\/New_York/)).toBeVisible();
  const first = anaPage.getByRole('radio', { name: /Jul 1, 2099, 10:00\sAM/ });
  await expect(first).toBeVisible();
  await expect(anaPage.getByRole('radio', { name: /Jul 2, 2099, 11:30\sAM/ })).toBeVisible();
  await expect(anaPage.getByText(/Jul 1, 2099, 3:00\sPM for Secret Recipes Ltd/)).toBeVisible();
  await expectAccessible(anaPage, 'the interview times to pick from');
  await first.check();
  await anaPage.getByRole('button', { name: 'Book this time' }).click();
  const calendarLink = anaPage.getByRole('link', { name: 'Add to my calendar (.ics)' });
  await expect(calendarLink).toBeVisible();
  await expect(anaPage.getByText(/For Secret Recipes Ltd: Jul 1, 2099, 3:00\sPM/)).toBeVisible();
  await expectAccessible(anaPage, 'the booked interview');

  // The invitation: one event, its fixed UID, starting at 14:00 UTC.
  const [download] = await Promise.all([anaPage.waitForEvent('download'), calendarLink.click()]);
  const ics = (await readFile(await download.path())).toString('utf8').replace(/\r\n[ \t]/g, '');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
  expect(ics).toContain('METHOD:REQUEST');
  expect(ics).toContain(`UID:${interview.icalUid}`);
  expect(ics).toMatch(/\r?\nDTSTART:20990701T140000Z\r?\n/);
  expect(ics).toContain('END:VCALENDAR');

  // The owner awards Ana's bid; she accepts; the contract is active for both.
  await owner.goto(`${jobPath}/bids/${ana.bidId}/award`);
  await expect(owner.getByRole('heading', { name: 'Award this bid' })).toBeVisible();
  await expect(owner.getByRole('button', { name: `Send the offer to ${ana.name}` })).toBeVisible();
  await expectAccessible(owner, 'the award form');
  await owner.getByRole('button', { name: `Send the offer to ${ana.name}` }).click();
  await expect(owner).toHaveURL(/\/app\/contracts\/[0-9a-f-]+$/);
  const contractPath = new URL(owner.url()).pathname;
  await expect(owner.getByText('Status: Offer waiting')).toBeVisible();
  await expectAccessible(owner, 'the offered contract');

  await anaPage.goto(contractPath);
  await expect(anaPage.getByText('Status: Offer waiting')).toBeVisible();
  await expectAccessible(anaPage, 'the contract offer to answer');
  await anaPage.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(anaPage.getByText('Status: Active')).toBeVisible();
  await expect(anaPage.getByRole('button', { name: 'Accept the contract' })).toHaveCount(0);
  await expectAccessible(anaPage, 'the active contract');

  await owner.reload();
  await expect(owner.getByText('Status: Active')).toBeVisible();
});
