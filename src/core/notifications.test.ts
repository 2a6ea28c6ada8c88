import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from './contracts/notifications.ts';
import { deliveriesFor, NOTIFICATION_TYPE_INFO } from './notifications.ts';

describe('deliveriesFor', () => {
  it('in_app writes a notification only; email adds an e-mail; off writes nothing', () => {
    expect(deliveriesFor('in_app')).toEqual({ inApp: true, email: false });
    expect(deliveriesFor('email')).toEqual({ inApp: true, email: true });
    expect(deliveriesFor('off')).toEqual({ inApp: false, email: false });
  });
  it('an address with no account can only be e-mailed', () => {
    expect(deliveriesFor('address-only')).toEqual({ inApp: false, email: true });
  });
});

describe('NOTIFICATION_TYPE_INFO', () => {
  it('labels every type and gives it a default channel', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(NOTIFICATION_TYPE_INFO[type].label).not.toBe('');
      expect(['in_app', 'email', 'off']).toContain(NOTIFICATION_TYPE_INFO[type].defaultChannel);
    }
  });
});
