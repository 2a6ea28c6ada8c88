import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_BASE_URL, E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible, unique } from './helpers.ts';

/** Every console error and uncaught exception of the page, as a visitor's browser would log them. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

test('public pages load without a console error, signed out and signed in', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { name: /job board/i, level: 1 })).toBeVisible();
  await page.goto('/sign-in');
  await expect(page.getByLabel('E-mail')).toBeVisible();
  // Let any late request (the "who am I" of a signed-out visitor) finish before judging.
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);

  // Signed in (through the API: the sign-up journey has its own spec), the same pages again.
  const signedUp = await page.request.post('/api/auth/sign-up/email', {
    headers: { origin: new URL(page.url()).origin },
    data: { name: 'Pia Public', email: unique('pia'), password: 'correct-horse-battery-staple' },
  });
  expect(signedUp.status()).toBe(200);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Open your dashboard' })).toBeVisible();
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { name: /job board/i, level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('an unknown address and a malformed job address answer 404 with a friendly page', async ({
  page,
}) => {
  for (const path of [
    '/no-such-page',
    '/jobs/not-a-job',
    '/jobs/01890a5d-ac96-774b-bcce-b302099a8057',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the start page' })).toBeVisible();
    await expect(page.getByText(/Invalid UUID/)).toHaveCount(0);
  }
  await expectAccessible(page, 'the not-found page');
});

const ADMIN = { email: 'public-pages-admin@e2e.example', password: 'admin-password-123' };

/** Confirms `email` (publishing a public job needs it) from the dev mailbox, as its admin reads it. */
async function confirmAddress(browser: Browser, email: string, owner: BrowserContext) {
  execFileSync(
    'node',
    ['bin/handoff.js', 'create-admin', '--email', ADMIN.email, '--name', 'Pages Admin'],
    { env: { ...process.env, DATA_DIR: E2E_DATA_DIR, HANDOFF_ADMIN_PASSWORD: ADMIN.password } },
  );
  const admin = await browser.newContext();
  const signedIn = await admin.request.post('/api/auth/sign-in/email', {
    headers: { origin: new URL(E2E_BASE_URL).origin },
    data: ADMIN,
  });
  expect(signedIn.status()).toBe(200);
  const mailbox = await admin.request.get(`/api/v1/admin/mailbox?to=${encodeURIComponent(email)}`);
  const { items } = (await mailbox.json()) as { items: { subject: string; text: string }[] };
  await admin.close();
  const link = /https?:\/\/\S+/.exec(
    items.find((m) => /confirm/i.test(m.subject))?.text ?? '',
  )?.[0];
  if (!link) throw new Error(`no confirmation link in the mail to ${email}`);
  await owner.request.get(link);
}

test('the landing page and the board arrive rendered, and the app takes them over without a mismatch or a refetch', async ({
  page,
  browser,
}) => {
  // A business publishes a job (through the API: the jobs spec has the editor's journey).
  const owner = await browser.newContext();
  const ownerEmail = unique('ssr-owner');
  const origin = { origin: new URL(E2E_BASE_URL).origin };
  const signedUp = await owner.request.post('/api/auth/sign-up/email', {
    headers: origin,
    data: { name: 'Olu Owner', email: ownerEmail, password: 'correct-horse-battery-staple' },
  });
  expect(signedUp.status()).toBe(200);
  await confirmAddress(browser, ownerEmail, owner);
  const business = await owner.request.post('/api/v1/businesses', {
    headers: origin,
    data: { name: 'Rendered Bakery', timeZone: 'Europe/Lisbon', currency: 'EUR' },
  });
  const businessId = ((await business.json()) as { id: string }).id;
  const title = `Menu boards for ${unique('ssr-job')}`;
  const created = await owner.request.post(`/api/v1/businesses/${businessId}/jobs`, {
    headers: origin,
    data: { brief: { title, summary: 'Three chalk-style menu boards for the shop window.' } },
  });
  const jobId = ((await created.json()) as { id: string }).id;
  const published = await owner.request.post(
    `/api/v1/businesses/${businessId}/jobs/${jobId}/publish`,
    { headers: origin, data: {} },
  );
  expect(published.status()).toBe(200);
  await owner.close();

  // Without JavaScript, the content is already there: it came in the HTML.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const bare = await noScript.newPage();
  await bare.goto('/');
  await expect(bare.getByRole('heading', { level: 1 })).toContainText('Hand it off');
  await bare.goto('/jobs');
  await expect(bare.getByRole('heading', { name: 'Job board', level: 1 })).toBeVisible();
  await expect(bare.getByRole('link', { name: title })).toBeVisible();
  await bare.goto(`/jobs/${jobId}`);
  await expect(bare.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const utcTitle = await bare.locator('time[datetime]').first().getAttribute('title');
  expect(utcTitle).toMatch(/\S/);
  await noScript.close();

  // Once hydrated, the page turns to the viewer's time zone (the server wrote UTC).
  const farAway = await browser.newContext({ timezoneId: 'Pacific/Auckland' });
  const there = await farAway.newPage();
  await there.goto(`/jobs/${jobId}`);
  await expect(there.locator('time[datetime]').first()).toHaveAttribute('title', /\S/);
  await expect(there.locator('time[datetime]').first()).not.toHaveAttribute(
    'title',
    utcTitle ?? '',
  );
  await farAway.close();

  // With it, React hydrates that HTML: no hydration warning or error, and the board's data is
  // not asked for again.
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Create an account' }).first()).toBeVisible();
  await page.goto('/jobs');
  await page.waitForLoadState('networkidle');
  expect(apiCalls.filter((p) => p === '/api/v1/jobs' || p === '/api/v1/categories')).toEqual([]);
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The job is not fetched again; its answered questions (not part of the server's page data)
  // are, by the lazily loaded bid actions.
  expect(apiCalls.filter((p) => p.startsWith('/api/v1/jobs') && !p.endsWith('/questions'))).toEqual(
    [],
  );
  await expectAccessible(page, 'the server-rendered job page');
  await page.goto('/jobs');
  // Hydrated: the search box drives the address.
  await page.getByRole('searchbox').fill('logo');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/[?&]q=logo/);
  await expect(page.getByRole('heading', { name: 'Job board', level: 1 })).toBeVisible();
  // And the hydrated app navigates on its own, to a page that loads with its route.
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await expect(page.getByLabel('E-mail')).toBeVisible();
  expect(messages.filter((m) => /hydrat|Server HTML replaced|error/i.test(m))).toEqual([]);
});

test('a rendered page asks for the app only after its content is painted', async ({ page }) => {
  // The app's modules, fetched while the HTML was still being laid out, held up the first paint
  // on a slow phone (src/web/boot.ts): only the small entry script may be asked for before it.
  for (const path of ['/', '/jobs']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const { paintedAt, scripts } = await page.evaluate(() => {
      const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
      return {
        paintedAt: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        scripts: performance
          .getEntriesByType('resource')
          .filter((r) => new URL(r.name).pathname.endsWith('.js') && r.name !== entry)
          .map((r) => ({ name: new URL(r.name).pathname, requestedAt: r.startTime })),
      };
    });
    expect(paintedAt, path).not.toBeNull();
    // The app did load (and the page works: the hydration test above uses it).
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(
      scripts.filter((s) => s.requestedAt < paintedAt!),
      `${path}: scripts asked for before the first paint at ${paintedAt} ms`,
    ).toEqual([]);
  }
});
