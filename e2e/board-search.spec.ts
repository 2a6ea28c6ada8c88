import { expect, test } from '@playwright/test';

/**
 * A search sent with Enter is committed at once; the commit the typing pause had scheduled must
 * not follow it. It did: a visitor who searched and at once followed a link was sent back to
 * the board when the pause ended while the next page's code was still loading. The next page's
 * scripts are held back here so the board is still on screen when the pause ends.
 */
test('a search sent with Enter does not pull a visitor back to the board when they leave at once', async ({
  page,
}) => {
  await page.goto('/jobs');
  await page.waitForLoadState('networkidle');
  // Hydrated once the search box drives the address (before, Enter submits the server's form).
  await expect(async () => {
    await page.getByRole('searchbox').fill('logo');
    await page.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(/[?&]q=logo/, { timeout: 1_000 });
  }).toPass();

  await page.route('**/assets/**/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.getByRole('searchbox').fill('bakery');
  await page.getByRole('searchbox').press('Enter');
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await expect(page.getByLabel('E-mail')).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/sign-in\?/);
});
