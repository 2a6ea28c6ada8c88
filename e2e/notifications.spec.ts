import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signUp, unique } from './helpers.ts';

// Strong enough for a strength check on sign-up, not only for a length check.
const PASSWORD = 'quartz-lantern-meadow-57';

/** The bell is the one visible link named "Notifications…" (phone and desktop each draw one). */
const bell = (page: Page) => page.getByRole('link', { name: /^Notifications(, \d+ unread)?$/ });

// Needs the server side of notifications (the `notify` branch of issue 8): until it is merged,
// /api/v1/notifications answers 404 and there is nothing to ring the bell. Enable on merge
// (it passed on a local merge of `notify` and `notifweb`, with the other journeys).
test('an owner invites a professional to the team; the professional’s bell lights up without a reload, the notification leads to the invitation, and a type can be turned off', async ({
  browser,
}) => {
  const proEmail = unique('notif-pro');

  // B: the professional, signed in and looking at the overview.
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  await pro.goto('/sign-up?as=professional');
  await signUp(pro, 'Aisha Bello', proEmail, { password: PASSWORD });
  await expect(bell(pro)).toHaveAccessibleName('Notifications');
  await bell(pro).click();
  await expect(pro.getByText('No notifications yet')).toBeVisible();
  await expectAccessible(pro, 'empty notifications page');
  await pro.getByRole('link', { name: 'Overview' }).click();

  // A: the owner invites the professional's address to the team.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto('/sign-up');
  await signUp(owner, 'Maria Santos', unique('notif-owner'), {
    business: 'Bright Bakery',
    password: PASSWORD,
  });
  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await owner.getByLabel('E-mail address').fill(proEmail);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation for ${proEmail} created.`)).toBeVisible();

  // B, no reload: the live stream brings the count.
  await expect(bell(pro)).toHaveAccessibleName('Notifications, 1 unread');
  await bell(pro).click();
  await expect(pro.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  const list = pro.getByRole('list', { name: 'Notifications' });
  const item = list.getByRole('listitem').filter({ hasText: /Bright Bakery/ });
  await expect(item).toHaveCount(1);
  await expect(item.getByText('Unread:')).toBeAttached();
  await expect(item.getByRole('link')).toHaveAttribute('href', /^\/invitations\/[^/]+$/);
  await expectAccessible(pro, 'notifications page');

  await pro.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell(pro)).toHaveAccessibleName('Notifications');
  await expect(item.getByText('Unread:')).not.toBeAttached();
  await expect(pro.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  await pro.getByRole('button', { name: 'Unread' }).click();
  await expect(pro.getByText('You’re all caught up')).toBeVisible();
  await pro.getByRole('button', { name: 'All', exact: true }).click();

  // The notification leads to the invitation itself.
  await item.getByRole('link').click();
  await expect(pro).toHaveURL(/\/invitations\//);
  await expect(pro.getByRole('heading', { name: 'Join Bright Bakery' })).toBeVisible();

  // Preferences: reached from the notifications page; turning a type off is kept.
  await pro.goto('/notifications');
  await pro.getByRole('link', { name: 'Preferences', exact: true }).click();
  await expect(pro.getByRole('heading', { name: 'Notification preferences' })).toBeVisible();
  await expect(pro.getByText(/are always sent/)).toBeVisible();
  const firstType = pro.getByRole('group').first();
  const typeName = await firstType.locator('legend').innerText();
  await firstType.getByRole('radio', { name: 'Off' }).check();
  await pro.getByRole('button', { name: 'Save preferences' }).click();
  await expect(pro.getByText('Saved.')).toBeVisible();
  await expectAccessible(pro, 'notification preferences');
  await pro.reload();
  await expect(
    pro.getByRole('group', { name: typeName }).getByRole('radio', { name: 'Off' }),
  ).toBeChecked();

  // And from account settings.
  await pro.getByRole('link', { name: 'Account settings' }).click();
  await pro.getByRole('link', { name: 'Notification preferences' }).click();
  await expect(pro).toHaveURL(/\/settings\/notifications$/);

  await ownerContext.close();
  await proContext.close();
});
