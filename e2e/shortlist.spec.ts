import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible, unique } from './helpers.ts';

const PASSWORD = 'shortlist-e2e-password-2026';

/**
 * The owner's shortlist: a job with six bids (written by e2e/seed-shortlist.ts, since the bid
 * form is another part's); moving a slider re-orders them with reasons, shortlisting stops at
 * the cap, a bid is declined with a template, three are compared side by side.
 */
test('an owner weighs, shortlists up to the cap, declines with a template and compares three bids', async ({
  page,
}) => {
  const email = unique('shortlist-owner');
  const out = execFileSync('npx', ['tsx', 'e2e/seed-shortlist.ts', email, PASSWORD], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR },
    encoding: 'utf8',
  });
  const { businessId, jobId } = JSON.parse(out.trim().split('\n').pop()!) as {
    businessId: string;
    jobId: string;
  };

  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome|Overview/ }).first()).toBeVisible({
    timeout: 20_000,
  });

  // From the job's editor, its bids.
  await page.goto(`/app/businesses/${businessId}/jobs/${jobId}`);
  await page.getByRole('link', { name: 'Bids (6)' }).click();
  await expect(page.getByRole('heading', { name: /Bids on/ })).toBeVisible();
  const cards = page.getByTestId('bid-card');
  await expect(cards).toHaveCount(6);
  await expectAccessible(page, 'the bid list');

  // Price alone decides: the cheapest bid comes first, and says why.
  const firstName = () => cards.first().getByRole('heading').innerText();
  const before = await firstName();
  for (const part of ['Feedback', 'Skill match', 'Experience', 'On-time history']) {
    const slider = page.getByLabel(part, { exact: true });
    await slider.focus();
    await slider.press('Home');
  }
  await page.getByLabel('Price', { exact: true }).focus();
  await page.getByLabel('Price', { exact: true }).press('End');
  await expect(page.getByText(/these add up to 100\)/)).toBeVisible();
  await expect(cards.first().getByRole('heading')).toContainText('Ana Cheap');
  expect(before).not.toContain('Ana Cheap');
  await cards.first().getByText(/^Why /).click();
  await expect(cards.first().getByTestId('reasons')).toContainText('Price 50 % below the budget');

  // Shortlist three; the fourth meets the cap.
  for (const name of ['Ana Cheap', 'Eli Newcomer', 'Dev Middle']) {
    await page.getByRole('button', { name: `Shortlist ${name}` }).click();
    await expect(page.getByRole('link', { name: 'Award…' })).toHaveCount(
      ['Ana Cheap', 'Eli Newcomer', 'Dev Middle'].indexOf(name) + 1,
    );
  }
  await page.getByRole('button', { name: 'Shortlist Bruno Rated' }).click();
  await expect(page.getByText(/The shortlist is full: it holds 3 bids/)).toBeVisible();
  await expectAccessible(page, 'the bid list with a full shortlist');

  // Decline one with the built-in template.
  await page.getByRole('button', { name: 'Decline… Farah Pricey’s bid' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decline Farah Pricey’s bid?' });
  await expect(dialog.getByLabel('Message')).toHaveValue(/Thank you for your bid/);
  await expectAccessible(page, 'the decline dialog');
  await dialog.getByRole('button', { name: 'Decline and send' }).click();
  await expect(dialog).toBeHidden();
  await page.getByText(/^Declined \(1\)/).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Farah Pricey');
  await page.getByText(/^All \(/).click();

  // Compare three.
  for (const name of ['Ana Cheap', 'Eli Newcomer', 'Dev Middle'])
    await page.getByLabel(`Compare ${name}’s bid`).check();
  await page.getByRole('button', { name: 'Compare 3 selected' }).click();
  await expect(page.getByRole('heading', { name: 'Comparing 3 bids' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Ana Cheap/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Milestones' })).toBeVisible();
  await expectAccessible(page, 'the comparison');

  // On a phone the table scrolls sideways and the row names stay in view.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByRole('rowheader', { name: 'Terms' })).toBeInViewport();

  // On a phone the bid list starts with the bids; the weights open from a button above them.
  await page.goBack();
  await expect(cards.first()).toBeInViewport();
  await expect(page.getByLabel('Price', { exact: true })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('bid-list-390.png'), fullPage: false });
  await page.getByRole('button', { name: 'Adjust what matters (weights)' }).click();
  await expect(page.getByLabel('Price', { exact: true })).toBeVisible();
  await expectAccessible(page, 'the bid list on a phone with the weights open');
});
