/**
 * Issue 11's "Done means", tried as a new owner would, in one journey: eight bids from
 * different professionals; the weights moved and the order changing with its reasons; three
 * shortlisted on a job that requires an NDA; two sign it and the third cannot read the
 * specification by any address (page or API); the two do a trial, scored and compared side by
 * side; an interview booked across time zones (owner in Lisbon, professional in New York), each
 * seeing their own local time, with an .ics that ical.js reads; the award, accepted, makes an
 * active contract. Every page visited is scanned with axe.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { parseInvitation } from '../test/ics.ts';
import { expectAccessible } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';
const TRIAL = 'Close one sample month';

function seed(...args: string[]): string {
  const out = execFileSync(
    'node',
    ['--import', 'tsx', 'e2e/seed-hiring-done.ts', ...args, PASSWORD],
    { env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, encoding: 'utf8' },
  );
  return out.trim().split('\n').pop()!;
}

interface Pro {
  email: string;
  name: string;
  bidId: string;
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible({ timeout: 20_000 });
  return page;
}

/** Every slider but `keep` to 0, `keep` to 100: that part alone orders the list. */
async function weighOnly(page: Page, keep: string) {
  for (const part of ['Feedback', 'Skill match', 'Price', 'Experience', 'On-time history']) {
    const slider = page.getByLabel(part, { exact: true });
    await slider.focus();
    await slider.press(part === keep ? 'End' : 'Home');
  }
}

async function signNdaAndRead(page: Page, jobId: string, name: string) {
  await page.goto(`/app/jobs/${jobId}/nda`);
  await expect(page.getByRole('heading', { name: /^NDA — / })).toBeVisible();
  await expectAccessible(page, `the NDA for ${name} to sign`);
  await page.getByLabel('Your full name').fill(name);
  await page.getByLabel('I agree to the terms of this NDA.').check();
  await page.getByRole('button', { name: 'Sign the NDA' }).click();
  await expect(page.getByText(`You signed as ${name}`)).toBeVisible();
  await page.getByRole('link', { name: 'Read the full specification' }).click();
  await expect(page.getByText('supplier price list')).toBeVisible();
  await expectAccessible(page, `the specification ${name} reads`);
}

async function acceptAndSubmitTrial(page: Page, trialId: string, notes: string) {
  await page.goto(`/app/trials/${trialId}`);
  await expect(page.getByRole('heading', { name: TRIAL })).toBeVisible();
  await expectAccessible(page, 'the trial invitation');
  await page.getByRole('button', { name: 'Accept the trial' }).click();
  await expect(page.getByRole('heading', { name: 'Your work' })).toBeVisible();
  await page.getByLabel('Notes').fill(notes);
  await page.getByLabel('Links (one per line)').fill('https://example.com/sample-month');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByText('Submitted. The business has been told.')).toBeVisible();
}

test('Done means: eight bids to an active contract through weights, NDA, trial, interview and award', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const data = JSON.parse(seed('setup')) as {
    businessId: string;
    jobId: string;
    owner: string;
    pros: Pro[];
  };
  const byName = (name: string) => data.pros.find((p) => p.name === name)!;
  const [ana, bruno, cy] = ['Ana Cheap', 'Bruno Rated', 'Cy Steady'].map(byName) as [Pro, Pro, Pro];
  const jobPath = `/app/businesses/${data.businessId}/jobs/${data.jobId}`;

  // Eight bids, best first with the default weights.
  const owner = await signIn(browser, data.owner);
  await owner.goto(`${jobPath}/bids`);
  const cards = owner.getByTestId('bid-card');
  await expect(cards).toHaveCount(8);
  await expectAccessible(owner, 'the bid list with eight bids');
  const firstBefore = await cards.first().getByRole('heading').innerText();

  // Price alone: the cheapest comes first, and its reasons say why.
  await weighOnly(owner, 'Price');
  await expect(cards.first().getByRole('heading')).toContainText('Ana Cheap');
  expect(firstBefore).not.toContain('Ana Cheap');
  await cards.first().getByText(/^Why /).click();
  await expect(cards.first().getByTestId('reasons')).toContainText('Price 50 % below the budget');
  // The whole bid opens on demand.
  await cards.first().getByText('Read the whole bid').click();
  await expect(cards.first().getByTestId('bid-detail')).toContainText('First month closed');
  await expectAccessible(owner, 'the bid list re-ranked by price, a bid opened');

  // Shortlist three; the job requires an NDA, so each is sent one.
  for (const [i, pro] of [ana, bruno, cy].entries()) {
    await owner.getByRole('button', { name: `Shortlist ${pro.name}` }).click();
    await expect(owner.getByRole('link', { name: 'Propose interview' })).toHaveCount(i + 1);
  }
  await expectAccessible(owner, 'the bid list with three shortlisted');

  // Two sign and read the specification.
  const anaPage = await signIn(browser, ana.email);
  await signNdaAndRead(anaPage, data.jobId, ana.name);
  const brunoPage = await signIn(browser, bruno.email);
  await signNdaAndRead(brunoPage, data.jobId, bruno.name);

  // The third did not sign: the page and the API both refuse.
  const cyPage = await signIn(browser, cy.email);
  await cyPage.goto(`/app/jobs/${data.jobId}/spec`);
  await expect(
    cyPage.getByText('This job requires an NDA before you read its specification.'),
  ).toBeVisible();
  await expect(cyPage.getByText('supplier price list')).toHaveCount(0);
  await expectAccessible(cyPage, 'the specification refused without the NDA');
  const refused = await cyPage.request.get(`/api/v1/jobs/${data.jobId}/spec`);
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  expect(await refused.text()).not.toContain('supplier price list');
  // Nor does the job's public page or its data carry it.
  for (const url of [`/api/v1/jobs/${data.jobId}`, `/jobs/${data.jobId}`]) {
    const res = await cyPage.request.get(url);
    expect(await res.text(), url).not.toContain('supplier price list');
  }

  // A trial for the two who signed.
  await owner.goto(`${jobPath}/trials`);
  await owner.getByRole('button', { name: 'New trial' }).click();
  await owner.getByLabel('Title').fill(TRIAL);
  await owner.getByLabel('Instructions').fill('Reconcile the **sample month** we attached.');
  await owner.getByLabel('Deadline (Europe/Lisbon)').fill('2099-06-01T17:00');
  await owner.getByLabel(cy.name).uncheck();
  await expect(owner.getByLabel(ana.name)).toBeChecked();
  await expect(owner.getByLabel(bruno.name)).toBeChecked();
  await expectAccessible(owner, 'the new trial form');
  await owner.getByRole('button', { name: 'Send the trial' }).click();
  await expect(
    owner.getByRole('region', { name: `${ana.name}’s submission` }).getByText('Invited'),
  ).toBeVisible();

  // Each finds it in their trials, accepts and submits.
  await anaPage.goto('/app/trials');
  await expect(anaPage.getByRole('link', { name: TRIAL })).toBeVisible();
  await expect(anaPage.getByText('Accept or decline')).toBeVisible();
  await expectAccessible(anaPage, 'a professional’s trials');
  const trialId = new URL(
    await anaPage.getByRole('link', { name: TRIAL }).evaluate((a) => (a as HTMLAnchorElement).href),
  ).pathname
    .split('/')
    .pop()!;
  await acceptAndSubmitTrial(anaPage, trialId, 'Ana’s month, reconciled');
  await acceptAndSubmitTrial(brunoPage, trialId, 'Bruno’s month, with notes on VAT');
  await anaPage.goto('/app/trials');
  await expect(anaPage.getByRole('listitem').filter({ hasText: TRIAL })).toContainText(
    'Status: Submitted',
  );

  // The owner scores both against the rubric, side by side.
  await owner.reload();
  const columns = [ana, bruno].map((p) =>
    owner.getByRole('region', { name: `${p.name}’s submission` }),
  );
  await expect(columns[0]!.getByText('Ana’s month, reconciled')).toBeVisible();
  await expect(columns[1]!.getByText('Bruno’s month, with notes on VAT')).toBeVisible();
  for (const [column, points] of [
    [columns[0]!, ['5', '4', '5']],
    [columns[1]!, ['4', '3', '5']],
  ] as const) {
    const selects = column.getByRole('combobox');
    for (let i = 0; i < points.length; i++) await selects.nth(i).selectOption(points[i]!);
    await column.getByRole('button', { name: 'Save score' }).click();
    await expect(column.getByText('Score saved.')).toBeVisible();
  }
  // Weights 3, 2, 1: (5×3 + 4×2 + 5) / 30 = 93.3; (4×3 + 3×2 + 5) / 30 = 76.7.
  await expect(columns[0]!.getByText('Score 93.3 / 100')).toBeVisible();
  await expect(columns[1]!.getByText('Score 76.7 / 100')).toBeVisible();
  await expectAccessible(owner, 'the trial comparison with scores');

  // The bid comparison shows the two with their trial results.
  await owner.goto(`${jobPath}/compare?bids=${ana.bidId},${bruno.bidId}`);
  await expect(owner.getByRole('heading', { name: 'Comparing 2 bids' })).toBeVisible();
  await expect(owner.getByRole('rowheader', { name: 'Trials' })).toBeVisible();
  await expect(owner.getByText(/93\.3/).first()).toBeVisible();
  await expectAccessible(owner, 'the bid comparison with trial scores');

  // An interview: the owner proposes in Lisbon time (UTC+1 in July)…
  await owner.goto(`${jobPath}/bids/${ana.bidId}/interview`);
  await expect(owner.getByText('Times to propose (Europe/Lisbon)')).toBeVisible();
  await owner.getByLabel('Time 1', { exact: true }).fill('2099-07-01T15:00');
  await owner.getByLabel('Time 2', { exact: true }).fill('2099-07-02T16:30');
  await owner.getByLabel('Call link').fill('https://meet.example.com/bakery-books');
  await expectAccessible(owner, 'the interview proposal form');
  await owner.getByRole('button', { name: 'Send 2 times' }).click();
  await expect(owner).toHaveURL(new RegExp(`${jobPath}/interviews$`));

  // …Ana, in New York (UTC−4), sees them in her time and books the first.
  const interview = JSON.parse(seed('interview', ana.bidId)) as { id: string; icalUid: string };
  await anaPage.goto(`/app/interviews/${interview.id}`);
  await expect(anaPage.getByText(/Times are in your time zone, America\/New_York/)).toBeVisible();
  const first = anaPage.getByRole('radio', { name: /Jul 1, 2099, 10:00\sAM/ });
  await expectAccessible(anaPage, 'the interview times to pick from');
  await first.check();
  await anaPage.getByRole('button', { name: 'Book this time' }).click();
  const calendarLink = anaPage.getByRole('link', { name: 'Add to my calendar (.ics)' });
  await expect(calendarLink).toBeVisible();
  await expectAccessible(anaPage, 'the booked interview');

  // The owner sees the booked time in Lisbon's.
  await owner.reload();
  await expect(owner.getByText(/Jul 1, 2099, 3:00\sPM/).first()).toBeVisible();
  await expectAccessible(owner, 'the job’s interviews with one booked');

  // The invitation, read by ical.js: one event at 14:00 UTC, with the call link.
  const [download] = await Promise.all([anaPage.waitForEvent('download'), calendarLink.click()]);
  const invitation = parseInvitation((await readFile(await download.path())).toString('utf8'));
  expect(invitation).toMatchObject({ method: 'REQUEST', uid: interview.icalUid });
  expect(invitation.start.toISOString()).toBe('2099-07-01T14:00:00.000Z');
  expect(`${invitation.location ?? ''} ${invitation.description}`).toContain(
    'https://meet.example.com/bakery-books',
  );

  // The award: an offer Ana accepts; the contract is active for both.
  await owner.goto(`${jobPath}/bids/${ana.bidId}/award`);
  await expect(owner.getByRole('heading', { name: 'Award this bid' })).toBeVisible();
  await expectAccessible(owner, 'the award form');
  await owner.getByRole('button', { name: `Send the offer to ${ana.name}` }).click();
  await expect(owner).toHaveURL(/\/app\/contracts\/[0-9a-f-]+$/);
  const contractPath = new URL(owner.url()).pathname;
  await expect(owner.getByText('Status: Offer waiting')).toBeVisible();

  await anaPage.goto(contractPath);
  await expectAccessible(anaPage, 'the contract offer to answer');
  await anaPage.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(anaPage.getByText('Status: Active')).toBeVisible();
  await expectAccessible(anaPage, 'the active contract');
  await owner.reload();
  await expect(owner.getByText('Status: Active')).toBeVisible();
});
