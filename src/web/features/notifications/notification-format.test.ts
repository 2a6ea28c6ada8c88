import { describe, expect, it } from 'vitest';
import {
  NotificationsQuerySchema,
  UpdateNotificationPreferencesSchema,
  type NotificationPreference,
} from '../../../core/contracts/notifications.ts';
import {
  appLink,
  parseContractChange,
  badgeText,
  bellLabel,
  countAnnouncement,
  CHANNEL_CHOICES,
  parseStreamEvent,
  preferenceChanges,
  reconnectDelay,
  validateNotificationsSearch,
} from './notification-format.ts';

const notification = {
  id: '0190f5c2-7f1e-7a3b-9c4d-5e6f7a8b9c0d',
  type: 'team.invitation',
  title: 'Bright Bakery invited you to its team',
  body: null,
  link: '/invitations/abc',
  readAt: null,
  createdAt: '2026-12-04T17:00:00.000Z',
};

describe('the bell', () => {
  it('names the unread count for screen readers, and says nothing of none', () => {
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(1)).toBe('Notifications, 1 unread');
    expect(bellLabel(0)).toBe('Notifications');
  });

  it('caps the badge at 99+ so it keeps its size', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('what a screen reader hears when the count changes', () => {
  it('says how many arrived and how many are unread', () => {
    expect(countAnnouncement(0, 1)).toBe('A new notification, 1 unread');
    expect(countAnnouncement(2, 5)).toBe('3 new notifications, 5 unread');
  });

  it('says nothing on the first count, or when the count falls or stays', () => {
    expect(countAnnouncement(undefined, 4)).toBe('');
    expect(countAnnouncement(4, 3)).toBe('');
    expect(countAnnouncement(3, 3)).toBe('');
  });
});

describe('a notification’s link', () => {
  it('is followed when it is a path inside Handoff', () => {
    expect(appLink('/invitations/abc')).toBe('/invitations/abc');
    expect(appLink('/jobs/1?x=2#y')).toBe('/jobs/1?x=2#y');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
  ])('is not followed when it is %j', (link) => expect(appLink(link)).toBeNull());
});

describe('a live stream message', () => {
  it('is read when it matches the contract, with or without the notification', () => {
    expect(parseStreamEvent(JSON.stringify({ unread: 2, notification }))).toEqual({
      unread: 2,
      notification,
    });
    expect(parseStreamEvent('{"unread":0}')).toEqual({ unread: 0 });
  });

  it.each(['', 'not json', '{}', '{"unread":-1}', '{"unread":"3"}', 'null'])(
    'is ignored when it is %j',
    (data) => expect(parseStreamEvent(data)).toBeNull(),
  );
});

describe('a live contract event', () => {
  const contractId = '0193a0f4-6a1e-7c3d-9b2a-5e8f1c2d3b4a';
  it('is read when it names a contract and a known topic', () => {
    expect(parseContractChange(JSON.stringify({ contractId, topic: 'time' }))).toEqual({
      contractId,
      topic: 'time',
    });
  });

  it.each(['', 'nope', '{}', JSON.stringify({ contractId, topic: 'gossip' }), '{"topic":"time"}'])(
    'is ignored when it is %j',
    (data) => expect(parseContractChange(data)).toBeNull(),
  );
});

describe('reconnecting after the browser gave up on the stream', () => {
  it('waits longer each time, from 2 seconds up to 5 minutes', () => {
    const delays = [0, 1, 2, 3, 7, 8, 50].map(reconnectDelay);
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000]);
  });
});

describe('the notifications page address', () => {
  it('keeps only the unread filter, and the API reads the list query it makes', () => {
    expect(validateNotificationsSearch({ show: 'unread' })).toEqual({ show: 'unread' });
    expect(validateNotificationsSearch({ show: 'read' })).toEqual({});
    expect(validateNotificationsSearch({})).toEqual({});
    // What queries.ts sends for the unread filter is what the contract accepts.
    expect(NotificationsQuerySchema.parse({ limit: '20', unread: 'true' })).toMatchObject({
      limit: 20,
      unread: true,
    });
  });
});

describe('saving preferences', () => {
  const saved: NotificationPreference[] = [
    { type: 'team.invitation', label: 'Team', description: '', channel: 'email' },
    { type: 'job.invitation', label: 'Jobs', description: '', channel: 'in_app' },
  ];

  it('sends only the types whose choice changed, in a body the contract accepts', () => {
    const body = preferenceChanges(saved, { 'team.invitation': 'email', 'job.invitation': 'off' });
    expect(body).toEqual({ items: [{ type: 'job.invitation', channel: 'off' }] });
    expect(UpdateNotificationPreferencesSchema.safeParse(body).success).toBe(true);
  });

  it('sends nothing when every choice is what is saved', () => {
    expect(preferenceChanges(saved, {})).toBeNull();
    expect(preferenceChanges(saved, { 'team.invitation': 'email' })).toBeNull();
  });

  it('offers every channel of the contract, once', () => {
    expect(CHANNEL_CHOICES.map((c) => c.value).sort()).toEqual(['email', 'in_app', 'off']);
  });
});
