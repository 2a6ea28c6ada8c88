import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { E2E_DATA_DIR } from '../playwright.config.ts';
import { expectAccessible } from './helpers.ts';

const PASSWORD = 'a-long-enough-password';
const HOURLY = 'Online shop upkeep for Crumb & Co.';
const FIXED = 'Product descriptions for the Christmas range';

interface Seeded {
  businessId: string;
  contractId: string;
  fixedContractId: string;
  owner: string;
  pro: string;
}

/** The demo's running contracts (`demoWork`) for fresh people; see e2e/seed-workspace-done.ts. */
function seed(): Seeded {
  const out = execFileSync(
    'node',
    ['--import', 'tsx', 'e2e/seed-workspace-done.ts', 'setup', PASSWORD],
    { env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function signIn(browser: Browser, email: string, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible({ timeout: 20_000 });
  return page;
}

/** Date and time parts of an instant on a zone's wall clock. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: parts.weekday ?? '',
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** Hours since the Lisbon week (Monday 00:00) began. */
function hoursIntoLisbonWeek(now: Date) {
  const w = wallClock(now, 'Europe/Lisbon');
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(w.weekday);
  return day * 24 + w.hour + w.minute / 60;
}

/** The day after tomorrow at 10:00 on a Lisbon clock: the datetime-local value and the instant. */
function lisbonMorning(daysAhead: number) {
  const day = new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString('en-CA', {
    timeZone: 'Europe/Lisbon',
  });
  // Lisbon is UTC+0 in winter and UTC+1 in summer: the offset that reads back as 10:00.
  const instant = [0, 1]
    .map((h) => new Date(`${day}T${String(10 - h).padStart(2, '0')}:00:00Z`))
    .find((d) => wallClock(d, 'Europe/Lisbon').time === '10:00')!;
  return { local: `${day}T10:00`, instant };
}

/** The dashboard's card of one contract. */
const card = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/**
 * Issue 12's "Done means", as a new user tries it on the demo's data: the dashboard shows the
 * hourly contract at risk for its overdue report; the professional runs a timer across a reload,
 * types in time and is refused past the cap, and sends the late report; the owner comments and
 * the dashboard's verdict changes; the owner approves the week beside the week approved
 * automatically; a meeting booked on a Lisbon clock reads right in New York, in its .ics and in
 * the calendar feed; an issue crosses the board by keyboard.
 */
test('the demo contract runs a week: dashboard, time, a late report, approval, a meeting, the board', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const now = new Date();
  const seeded = seed();
  const base = `/app/contracts/${seeded.contractId}`;
  const dashboardUrl = `/app/businesses/${seeded.businessId}/contracts`;

  // ——— The owner's dashboard: at risk, and why ———
  const owner = await signIn(browser, seeded.owner, 'Europe/Lisbon');
  await owner.goto(dashboardUrl);
  const hourly = card(owner, HOURLY);
  await expect(hourly.getByText('At risk')).toBeVisible();
  const overdue = hourly.getByRole('list', { name: 'Why' });
  await expect(overdue).toContainText(/has not come \(2 days overdue\)/);
  // The reason writes its date as the rest of the card does, never as an ISO date.
  const nextDue = await hourly
    .getByRole('term')
    .filter({ hasText: 'Next report due' })
    .locator('xpath=following-sibling::dd')
    .innerText();
  await expect(overdue).toContainText(`The report due on ${nextDue} has not come`);
  await expect(overdue).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(hourly.getByText(/ h of 10 h$/)).toBeVisible();
  await expect(hourly.getByText(/€.* of €4,000\.00/)).toBeVisible();
  await expect(hourly.getByText(/· 25%$/)).toBeVisible();
  await expect(hourly.getByRole('img', { name: /^Hours per week, last 8 weeks/ })).toBeVisible();
  await expect(hourly.getByRole('img', { name: /^Budget burn: €/ })).toBeVisible();
  await hourly.getByText('Numbers by week').click();
  await expect(
    hourly.getByRole('table', { name: `Hours and spending per week of ${HOURLY}` }),
  ).toBeVisible();
  await expect(card(owner, FIXED).getByText('On track')).toBeVisible();
  await expectAccessible(owner, 'the owner’s dashboard');

  // ——— The professional's week: timer, manual time, the cap ———
  const pro = await signIn(browser, seeded.pro, 'America/New_York');
  await pro.goto(`${base}/time`);
  await expect(pro.getByTestId('week-total')).toContainText('of 10 h');
  await expectAccessible(pro, 'the time page');
  await pro.getByLabel('What are you working on?').fill('Allergen labels: cakes');
  await pro.getByRole('button', { name: 'Start timer' }).click();
  await expect(pro.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
  await pro.reload();
  // The server holds the timer: it still runs after a reload.
  await expect(pro.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
  await pro.getByRole('button', { name: 'Stop' }).click();
  await expect(pro.getByRole('button', { name: 'Start timer' })).toBeVisible();

  const addTime = async (start: Date, hours: string, memo: string) => {
    const wall = wallClock(start, 'America/New_York');
    await pro.getByLabel('Day').fill(wall.day);
    await pro.getByLabel('Start').fill(wall.time);
    await pro.getByLabel('Hours').fill(hours);
    await pro.getByLabel('Memo').fill(memo);
    await pro.getByRole('button', { name: 'Add time' }).click();
  };
  // Early on a Monday the week has no past to log into: the manual part needs some.
  const intoWeek = hoursIntoLisbonWeek(now);
  if (intoWeek > 2) {
    await addTime(new Date(now.getTime() - 100 * 60_000), '0.5', 'Gift cards: the receipt e-mail');
    await expect(pro.getByText('Time added.')).toBeVisible();
    await expect(pro.getByText('Gift cards: the receipt e-mail')).toBeVisible();
  }
  // Whatever this week holds, ten hours more pass the cap; the entry must fit in the week.
  const long = Math.min(10, Math.floor(intoWeek * 4) / 4 - 0.25);
  if (long >= 0.5) {
    const total = await pro.getByTestId('week-total').innerText();
    const used = Number(/^([\d.]+)/.exec(total)?.[1] ?? '0');
    // An entry longer than the room left (and short enough to have ended by now) is refused.
    if (10 - used < long) {
      await addTime(new Date(now.getTime() - (long * 60 + 5) * 60_000), String(long), 'Too much');
      await expect(pro.getByText(/would pass the cap/)).toBeVisible();
      await expectAccessible(pro, 'the time page with the cap refusal');
    }
  }

  // ——— The late report, sent ———
  await pro.goto(`${base}/reports`);
  await expect(pro.getByText(/It was due 2 days ago; it will be marked late\./)).toBeVisible();
  await expectAccessible(pro, 'the reports page with the late report');
  await pro
    .getByLabel('What is done')
    .fill('Allergen labels on half the products; gift cards reviewed.');
  await pro.getByLabel('What comes next').fill('The other labels; gift cards live on Friday.');
  await expect(pro.getByLabel('Hours in this period')).not.toHaveValue('');
  await pro.getByLabel('Hours in this period').fill('7.5');
  await pro.getByLabel('Percent complete').fill('40');
  await pro.getByRole('button', { name: 'Send report' }).click();
  const sent = pro.getByRole('listitem').filter({ hasText: '40% complete' });
  await expect(sent.getByText('Late', { exact: true })).toBeVisible();

  // ——— The owner reads it, comments, and the dashboard changes its verdict ———
  await owner.goto(`${base}/reports`);
  const report = owner.getByRole('listitem').filter({ hasText: '40% complete' });
  await expect(report.getByText('Allergen labels on half the products')).toBeVisible();
  await report.getByLabel('Comment').fill('Thank you — Friday works for the gift cards.');
  await report.getByRole('button', { name: 'Comment' }).click();
  await expect(report.getByRole('list', { name: 'Comments' })).toContainText('Friday works');
  await expectAccessible(owner, 'the reports page with a comment');
  // The professional's open page shows the comment without a reload.
  await expect(pro.getByText('Thank you — Friday works for the gift cards.')).toBeVisible({
    timeout: 15_000,
  });
  await owner.goto(dashboardUrl);
  await expect(hourly.getByText('On track')).toBeVisible();
  await expect(hourly.getByRole('list', { name: 'Why' })).toHaveCount(0);
  await expect(hourly.getByText(/· 40%$/)).toBeVisible();

  // ——— The owner approves this week; the week before last was approved automatically ———
  await owner.goto(`${base}/time`);
  await owner.getByRole('button', { name: 'Approve the week' }).click();
  await expect(owner.getByRole('button', { name: 'Approve the week' })).toBeHidden();
  await expect(owner.getByText(/^Approved on /)).toBeVisible();
  await expectAccessible(owner, 'the approved week');
  await owner.getByRole('button', { name: 'Previous week' }).click();
  await expect(owner.getByText(/^Approved on /)).toBeVisible();
  await owner.getByRole('button', { name: 'Previous week' }).click();
  await expect(owner.getByText(/^Approved automatically on /)).toBeVisible();
  await expect(owner.getByText('approved automatically').first()).toBeVisible();
  await expectAccessible(owner, 'the week approved automatically');

  // ——— A meeting on a Lisbon clock, read in New York, in its .ics and in the feed ———
  const title = 'Gift cards go live';
  const { local, instant } = lisbonMorning(3);
  await owner.goto(`${base}/meetings`);
  await expect(owner.getByRole('article', { name: 'Kickoff' })).toBeVisible();
  await owner.getByRole('button', { name: 'Book a meeting' }).click();
  await owner.getByLabel('Title').fill(title);
  await owner.getByLabel('Starts (your time, Europe/Lisbon)').fill(local);
  await expectAccessible(owner, 'the booking form');
  await owner.getByRole('button', { name: 'Book and send invitations' }).click();
  const booked = owner.getByRole('article', { name: title });
  await expect(booked.locator('time').first()).toHaveAttribute('datetime', instant.toISOString());
  await expect(booked.locator('time').first()).toContainText('10:00');

  await pro.goto(`${base}/meetings`);
  const seen = pro.getByRole('article', { name: title });
  const newYork = instant.toLocaleTimeString('en-US', {
    timeZone: 'America/New_York',
    hour: 'numeric',
    minute: '2-digit',
  });
  await expect(seen.locator('time').first()).toContainText(newYork);
  await expectAccessible(pro, 'the meetings page');
  const href = await seen.getByRole('link', { name: /Download \.ics/ }).getAttribute('href');
  const ics = await (await pro.request.get(new URL(href ?? '', pro.url()).href)).text();
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
  expect(event.summary).toBe(title);
  expect(event.startDate.toJSDate().toISOString()).toBe(instant.toISOString());

  await pro.getByRole('button', { name: 'Make my calendar feed' }).click();
  await expect(pro.getByLabel('Subscribe (webcal)')).toHaveValue(/^webcal:\/\//);
  const feedUrl = await pro.getByLabel('Web address (https)').inputValue();
  // The feed's address names the deployment's base URL; ask this server for its path.
  const feed = await pro.request.get(new URL(new URL(feedUrl).pathname, pro.url()).href);
  expect(feed.status()).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const listed = calendar
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .find((e) => e.summary === title);
  expect(listed?.startDate.toJSDate().toISOString()).toBe(instant.toISOString());
  await expectAccessible(pro, 'the meetings page with the feed address');

  // ——— An issue across the board, by keyboard ———
  await owner.goto(`${base}/issues`);
  const column = (name: string) => owner.getByRole('region', { name: new RegExp(`^${name}`) });
  await expect(
    column('Open').getByRole('link', { name: /#5 Update the allergen labels/ }),
  ).toBeVisible();
  await expectAccessible(owner, 'the issue board');
  const handle = owner.getByRole('button', { name: /^Move #5 Update the allergen labels/ });
  await handle.focus();
  await owner.keyboard.press('ArrowRight');
  await expect(owner.getByTestId('board-announcer')).toHaveText(
    /^#5 moved to In progress, position \d of 2\.$/,
  );
  await expect(column('In progress').getByRole('link', { name: /#5/ })).toBeVisible();
  await owner.getByRole('button', { name: /^Move #5 Update the allergen labels/ }).focus();
  await owner.keyboard.press('ArrowRight');
  await expect(column('In review').getByRole('link', { name: /#5/ })).toBeVisible();
  await expectAccessible(owner, 'the board after the moves');
  // The professional's board agrees.
  await pro.goto(`${base}/issues`);
  await expect(
    pro.getByRole('region', { name: /^In review/ }).getByRole('link', { name: /#5/ }),
  ).toBeVisible();
});
