import { expect, test, type Page } from '@playwright/test';
import { E2E_BASE_URL } from '../playwright.config.ts';
import { confirmAddress, createAdmin, expectAccessible, signUp, unique } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';
const ADMIN = {
  email: 'bids-admin@e2e.example',
  password: 'admin-password-123',
  name: 'Bids Admin',
};
const QUESTION = 'Which booking plugins have you set up before?';

test.beforeAll(() => createAdmin(ADMIN));

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A published public job of the owner's business, made through the API (the jobs journey tests the editor). */
async function publishJob(page: Page): Promise<{ businessId: string; jobId: string }> {
  const headers = { origin: E2E_BASE_URL };
  const me = await (await page.request.get('/api/v1/me')).json();
  const businessId: string = me.memberships[0].businessId;
  const created = await page.request.post(`/api/v1/businesses/${businessId}/jobs`, {
    headers,
    data: {
      brief: {
        title: 'Booking page for cake tastings',
        summary:
          'Customers should book a 30-minute cake tasting at our shop online and pay a deposit. Today they phone us and we miss calls while baking. You will add the page to our WordPress site.',
        category: 'web-development',
        skills: ['WordPress', 'Booking systems'],
        budget: { type: 'fixed', currency: 'EUR', min: 80000, max: 150000 },
        deadline: inDays(40),
        screeningQuestions: [QUESTION],
      },
      spec: {
        description: 'Tastings run Tuesday to Saturday, 10:00–17:00, at most three a day.',
        deliverables: [{ id: 'd1', text: 'A booking page on our site' }],
        acceptanceCriteria: [
          {
            id: 'a1',
            text: 'A customer books and pays a €20 deposit in under 2 minutes',
            deliverableId: 'd1',
          },
        ],
        requirements: [
          { id: 'r1', text: 'At most 3 tastings a day', priority: 'must', deliverableId: 'd1' },
        ],
        successDefinition: 'We take 20 bookings in the first month without a phone call.',
        constraints: 'Stay on our WordPress site.',
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const jobId: string = (await created.json()).id;
  const published = await page.request.post(
    `/api/v1/businesses/${businessId}/jobs/${jobId}/publish`,
    { headers, data: { visibility: 'public' } },
  );
  expect(published.status(), await published.text()).toBe(200);
  return { businessId, jobId };
}

/** Signs up from a page that already carries `as=professional` and `next`. */
async function signUpAsProfessional(page: Page, name: string, email: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await expect(page.getByLabel(/I’m a professional/)).toBeChecked();
  await page.getByRole('button', { name: 'Create account' }).click();
}

test('a visitor signs up from a job, comes back to it, bids with milestones, edits the bid and asks a question; the business answers; another professional reads the answer without the asker', async ({
  browser,
}) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto('/sign-up');
  const ownerEmail = unique('bids-owner');
  await signUp(owner, 'Rosa Lima', ownerEmail, { business: 'Rosa Bakes', password: PASSWORD });
  await confirmAddress(browser, owner, ownerEmail, ADMIN);
  const { businessId, jobId } = await publishJob(owner);

  // An anonymous visitor on the job is led to sign up, and comes back to the same job.
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  await pro.goto(`/jobs/${jobId}`);
  await expect(pro.getByRole('heading', { name: 'Booking page for cake tastings' })).toBeVisible();
  await expectAccessible(pro, 'job page, anonymous');
  await pro.getByRole('link', { name: 'Sign up to bid' }).click();
  await signUpAsProfessional(pro, 'Bruno Quintela', unique('bids-pro'));
  await expect(pro).toHaveURL(new RegExp(`/jobs/${jobId}$`), { timeout: 20_000 });

  // The bid: a fixed price split into two milestones that add up to it.
  await pro.getByRole('link', { name: 'Bid on this job' }).click();
  await expect(pro.getByRole('heading', { name: 'Bid on this job' })).toBeVisible();
  await pro.getByLabel('Total price (EUR)').fill('1200');
  await pro.getByLabel('Duration (days)').fill('14');
  await pro.getByRole('button', { name: 'Add a milestone' }).click();
  await pro.getByLabel('Milestone 1 title').fill('Booking page on a copy of the site');
  await pro.getByLabel('Amount (EUR)').first().fill('500');
  await pro.getByRole('button', { name: 'Add a milestone' }).click();
  await pro.getByLabel('Milestone 2 title').fill('Deposits and launch');
  await pro.getByLabel('Amount (EUR)').nth(1).fill('600');
  await pro.getByLabel('Cover letter').fill('I set up booking for two cafés in Porto last year.');
  await pro.getByLabel(QUESTION).fill('Amelia and Bookly.');
  await pro.getByRole('button', { name: 'Send bid' }).click();
  // The server names the field in plain words: the milestones do not add up.
  await expect(
    pro.getByText('The milestones add up to €1,100.00 but the total is €1,200.00'),
  ).toBeVisible();
  await pro.getByLabel('Amount (EUR)').nth(1).fill('700');
  await pro.getByRole('button', { name: 'Send bid' }).click();
  await expect(pro.getByText('Your bid is sent.')).toBeVisible();
  await expectAccessible(pro, 'bid form');

  // Editing while it is only submitted.
  await pro
    .getByLabel('Cover letter')
    .fill('I set up booking for two cafés and a bakery in Porto.');
  await pro.getByRole('button', { name: 'Save changes' }).click();
  await expect(pro.getByText('Your changes are saved.')).toBeVisible();

  await pro.getByRole('link', { name: 'See all your bids' }).click();
  await expect(pro.getByRole('heading', { name: 'Your bids' })).toBeVisible();
  await expect(
    pro.getByRole('link', { name: 'Booking page for cake tastings', exact: true }),
  ).toBeVisible();
  await expect(pro.getByText(/€1,200\.00/)).toBeVisible();
  await expectAccessible(pro, 'your bids');

  // A question on the job.
  await pro.goto(`/jobs/${jobId}`);
  await expect(pro.getByText('Your bid:')).toBeVisible();
  await pro.getByRole('button', { name: 'Ask a question' }).click();
  await pro
    .getByLabel('Your question to the business')
    .fill('Do you already take card payments online?');
  await pro.getByRole('button', { name: 'Send question' }).click();
  await expect(pro.getByText('Sent. You will be told when the business answers.')).toBeVisible();
  await expectAccessible(pro, 'job page with the professional’s actions');

  // The business answers it.
  await owner.goto(`/app/businesses/${businessId}/jobs/${jobId}/questions`);
  await expect(owner.getByText('Do you already take card payments online?')).toBeVisible();
  await expect(owner.getByText('By a bidder')).toBeVisible();
  await expect(owner.getByText('Bruno Quintela')).toHaveCount(0);
  await expectAccessible(owner, 'questions page');
  await owner.getByLabel('Your answer').fill('Yes, through Stripe on our shop.');
  await owner.getByRole('button', { name: 'Publish answer' }).click();
  await expect(owner.getByText('Yes, through Stripe on our shop.')).toBeVisible();

  // Another professional reads the answer; nothing says who asked.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(`/sign-up?as=professional&next=${encodeURIComponent(`/jobs/${jobId}`)}`);
  await signUpAsProfessional(other, 'Carla Dias', unique('bids-other'));
  await expect(other).toHaveURL(new RegExp(`/jobs/${jobId}$`), { timeout: 20_000 });
  const qa = other.getByRole('region', { name: 'Questions and answers' });
  await expect(qa).toContainText('Do you already take card payments online?');
  await expect(qa).toContainText('Yes, through Stripe on our shop.');
  await expect(other.getByText('Bruno Quintela')).toHaveCount(0);
  await expect(other.getByRole('link', { name: 'Bid on this job' })).toBeVisible();
  await other.getByRole('button', { name: 'Save for later' }).click();
  await expect(other.getByRole('button', { name: 'Saved' })).toBeVisible();
  await expectAccessible(other, 'job page for another professional');

  await Promise.all([ownerContext.close(), proContext.close(), otherContext.close()]);
});
