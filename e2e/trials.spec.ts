import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';

/** Runs the journey's seed script against the server's database. */
function seed(...args: string[]): string {
  return execFileSync('node', ['--import', 'tsx', 'e2e/seed-trials.ts', ...args, PASSWORD], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR },
    encoding: 'utf8',
  });
}

interface Seeded {
  businessId: string;
  jobId: string;
  owner: string;
  pros: { email: string; name: string }[];
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

/** A professional opens the trial, accepts it, adds a file and notes, and submits. */
async function acceptAndSubmit(page: Page, trialId: string, notes: string, file: string) {
  await page.goto(`/app/trials/${trialId}`);
  await expect(page.getByRole('heading', { name: 'Sketch three directions' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept the trial' }).click();
  await expect(page.getByRole('heading', { name: 'Your work' })).toBeVisible();
  await page.locator('#trial-file').setInputFiles({
    name: file,
    mimeType: 'text/plain',
    buffer: Buffer.from(`${notes} — the sketches, described.`),
  });
  await expect(page.getByRole('link', { name: new RegExp(file) })).toBeVisible();
  await page.getByLabel('Notes').fill(notes);
  await page.getByLabel('Links (one per line)').fill('https://example.com/sketches');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByText('Submitted. The business has been told.')).toBeVisible();
}

test('an owner trials two shortlisted professionals, one submits late, both are scored side by side', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const data = JSON.parse(seed('setup').trim().split('\n').pop()!) as Seeded;
  const trialsPage = `/app/businesses/${data.businessId}/jobs/${data.jobId}/trials`;

  // The owner sends a trial to both shortlisted bids.
  const owner = await signIn(browser, data.owner);
  await owner.goto(trialsPage);
  await owner.getByRole('button', { name: 'New trial' }).click();
  await owner.getByLabel('Title').fill('Sketch three directions');
  await owner.getByLabel('Instructions').fill('Three rough **logo directions**, one page each.');
  await owner.getByLabel('Deadline (Europe/Lisbon)').fill('2099-06-01T17:00');
  await owner.getByLabel('Paid amount (optional)').fill('150');
  await expect(owner.getByLabel('Ana Pro')).toBeChecked();
  await expect(owner.getByLabel('Bo Pro')).toBeChecked();
  await expectAccessible(owner, 'the new trial form');
  await owner.getByRole('button', { name: 'Send the trial' }).click();
  const card = owner.getByRole('region', { name: 'Ana Pro’s submission' });
  await expect(card.getByText('Invited')).toBeVisible();

  // Each professional finds it in their own trials.
  const ana = await signIn(browser, data.pros[0]!.email);
  const mine = (await (await ana.request.get('/api/v1/me/trials')).json()) as {
    items: { id: string }[];
  };
  const trialId = mine.items[0]!.id;
  await acceptAndSubmit(ana, trialId, 'Ana’s three directions', 'ana-sketches.txt');
  await expectAccessible(ana, 'a professional’s submitted trial');

  // Bo accepts, the deadline passes, and Bo's submission is taken but marked late.
  const bo = await signIn(browser, data.pros[1]!.email);
  await bo.goto(`/app/trials/${trialId}`);
  await bo.getByRole('button', { name: 'Accept the trial' }).click();
  await expect(bo.getByRole('heading', { name: 'Your work' })).toBeVisible();
  seed('expire', trialId);
  await bo.reload();
  await expect(bo.getByText(/marked late/)).toBeVisible();
  await bo.getByLabel('Notes').fill('Bo’s directions, a little late');
  await bo.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(bo.getByText('Submitted. The business has been told.')).toBeVisible();
  await expect(bo.getByText('Late', { exact: true })).toBeVisible();
  // Nothing of Ana's work reaches Bo.
  await expect(bo.getByText('Ana’s three directions')).toHaveCount(0);

  // The owner compares both submissions side by side and scores each against the rubric.
  await owner.reload();
  const anaColumn = owner.getByRole('region', { name: 'Ana Pro’s submission' });
  const boColumn = owner.getByRole('region', { name: 'Bo Pro’s submission' });
  await expect(anaColumn.getByText('Ana’s three directions')).toBeVisible();
  await expect(boColumn.getByText('Bo’s directions, a little late')).toBeVisible();
  await expect(boColumn.getByText('Late', { exact: true })).toBeVisible();
  await expect(anaColumn.getByRole('link', { name: /ana-sketches\.txt/ })).toBeVisible();

  // Weights 3, 2, 1: all fives is 100; 4, 3, 5 is (4×3 + 3×2 + 5×1) / 30 = 76.7.
  for (const [column, points] of [
    [anaColumn, ['5', '5', '5']],
    [boColumn, ['4', '3', '5']],
  ] as const) {
    const selects = column.getByRole('combobox');
    for (let i = 0; i < points.length; i++) await selects.nth(i).selectOption(points[i]!);
    await column.getByRole('button', { name: 'Save score' }).click();
    await expect(column.getByText('Score saved.')).toBeVisible();
  }
  await expect(anaColumn.getByText('Score 100 / 100')).toBeVisible();
  await expect(boColumn.getByText('Score 76.7 / 100')).toBeVisible();
  await expectAccessible(owner, 'the trial comparison with scores');
});
