import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, unique } from './helpers.ts';

const PASSWORD = 'quartz-lantern-meadow-57';
// Saves and uploads wait on a shared, busy machine; these waits are ceilings, not delays.
const slow = { timeout: 30_000 };

/** A real image, made here: what a professional would pick from their disk. */
const image = (width: number, height: number, color: string) =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();

test('a professional completes a profile with a portfolio image, sees the meter reach 100 %, and opens the public page', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/sign-up?as=professional');
  // As helpers.ts `signUp`, with room for a slow password hash under load.
  await page.getByLabel('Your name').fill('Rita Almeida');
  await page.getByLabel('E-mail').fill(unique('profile-pro'));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('I run a business and want to hand off work').uncheck();
  await page.getByLabel(/I’m a professional/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible(slow);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Your professional profile' })).toBeVisible(slow);
  await expect(page.getByTestId('completeness-percent')).toHaveText('0 %');
  await expectAccessible(page, 'empty profile editor');

  // A "what's missing" link takes the keyboard to its field.
  await page.getByRole('link', { name: 'Write a headline that says what you do' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();

  // About you, with a photo.
  await page.locator('#profile-photo').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: await image(600, 600, '#c0563a'),
  });
  await expect(page.getByRole('img', { name: 'Your photo' })).toBeVisible(slow);
  await page.getByLabel('Headline').fill('Bookkeeper for small bakeries');
  await page
    .getByLabel('Bio')
    .fill(
      'I keep the books of **small food businesses**: monthly closes, VAT returns and reports you can read.',
    );
  await page.getByRole('button', { name: 'Save about you' }).click();
  await expect(page.getByRole('region', { name: 'About you' }).getByText('Saved')).toBeVisible(
    slow,
  );

  // Skills and categories.
  const skills = page.getByRole('region', { name: 'Skills and categories' });
  for (const [i, [name, years]] of [
    ['Bookkeeping', '8'],
    ['Xero', '5'],
    ['VAT returns', '6'],
  ].entries()) {
    await skills.getByRole('button', { name: 'Add a skill' }).click();
    await skills.getByLabel(`Skill ${i + 1}`, { exact: true }).fill(name!);
    await skills.getByLabel('Years', { exact: true }).nth(i).fill(years!);
  }
  await skills.getByLabel('Bookkeeping', { exact: true }).check();
  await skills.getByRole('button', { name: 'Save skills and categories' }).click();
  await expect(skills.getByText('Saved')).toBeVisible(slow);

  // Rate.
  const rate = page.getByRole('region', { name: 'Rate and availability' });
  await rate.getByLabel('Hourly rate', { exact: true }).fill('45');
  await rate.getByLabel('Currency', { exact: true }).selectOption('EUR');
  await rate.getByRole('button', { name: 'Save rate and availability' }).click();
  await expect(rate.getByText('Saved')).toBeVisible(slow);

  // Where and when.
  const hours = page.getByRole('region', { name: 'Where and when you work' });
  await hours.getByLabel('Time zone', { exact: true }).selectOption('Europe/Lisbon');
  await hours.getByRole('button', { name: 'Set working hours' }).click();
  await hours.getByLabel('Country you work from', { exact: true }).selectOption('PT');
  await hours.getByRole('button', { name: 'Add a language' }).click();
  await hours.getByRole('button', { name: 'Save where and when you work' }).click();
  await expect(hours.getByText('Saved')).toBeVisible(slow);

  // Résumé.
  const resume = page.getByRole('region', { name: 'Résumé' });
  await resume.getByRole('button', { name: 'Add a position' }).click();
  await resume.getByLabel('Company', { exact: true }).fill('Padaria Lda');
  await resume.getByLabel('Role', { exact: true }).fill('Bookkeeper');
  await resume.getByLabel('From (month)', { exact: true }).fill('2019-01');
  await resume.getByRole('button', { name: 'Save résumé' }).click();
  await expect(resume.getByText('Saved')).toBeVisible(slow);

  // Portfolio: an item, saved, then an image on it.
  const portfolio = page.getByRole('region', { name: 'Portfolio' });
  await portfolio.getByRole('button', { name: 'Add a portfolio item' }).click();
  await portfolio.getByLabel('Title', { exact: true }).fill('Monthly close for a bakery chain');
  await portfolio.getByRole('button', { name: 'Save portfolio' }).click();
  await expect(portfolio.getByText('Saved')).toBeVisible(slow);
  await portfolio.locator('input[type=file]').setInputFiles({
    name: 'report.png',
    mimeType: 'image/png',
    buffer: await image(1600, 900, '#0a78c8'),
  });
  // Re-encoded: an opaque PNG comes back as a JPEG.
  await expect(portfolio.getByRole('img', { name: 'report.jpg' })).toBeVisible(slow);

  await expect(page.getByTestId('completeness-percent')).toHaveText('100 %', slow);
  await expect(page.getByText('Your profile is complete.')).toBeVisible();
  await expectAccessible(page, 'complete profile editor');

  // The public page.
  await page.getByRole('link', { name: 'View public profile' }).click();
  await expect(page).toHaveURL(/\/pros\/rita-almeida$/);
  await expect(page.getByRole('heading', { name: 'Rita Almeida' })).toBeVisible(slow);
  await expect(page.getByText('Bookkeeper for small bakeries')).toBeVisible();
  await expect(page.locator('strong', { hasText: 'small food businesses' })).toBeVisible();
  await expect(page.getByText('Xero · 5 years')).toBeVisible();
  await expect(page.getByRole('img', { name: /Monthly close for a bakery chain/ })).toBeVisible();
  await expect(page.getByText('New on Handoff')).toBeVisible();
  await expectAccessible(page, 'public profile page');

  // On a phone.
  await page.setViewportSize({ width: 375, height: 740 });
  await expectAccessible(page, 'public profile page on a phone');
});
