import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from './contracts/notifications.ts';
import {
  ACCOUNT_MESSAGE_TYPES,
  deliveriesFor,
  isAccountMessageType,
  NOTIFICATION_TYPE_INFO,
} from './notifications.ts';

describe('deliveriesFor', () => {
  it('in_app writes a notification only; email adds an e-mail; off writes nothing', () => {
    expect(deliveriesFor('in_app')).toEqual({ inApp: true, email: false });
    expect(deliveriesFor('email')).toEqual({ inApp: true, email: true });
    expect(deliveriesFor('off')).toEqual({ inApp: false, email: false });
  });
  it('an address with no account can only be e-mailed', () => {
    expect(deliveriesFor('address-only')).toEqual({ inApp: false, email: true });
  });
  it('an account message is always e-mailed and never shown in the app', () => {
    expect(deliveriesFor('account')).toEqual({ inApp: false, email: true });
  });
});

describe('ACCOUNT_MESSAGE_TYPES', () => {
  it('are not preferences: none is a notification type, and the guard tells them apart', () => {
    for (const type of ACCOUNT_MESSAGE_TYPES) {
      expect(NOTIFICATION_TYPES as readonly string[]).not.toContain(type);
      expect(isAccountMessageType(type)).toBe(true);
    }
    for (const type of NOTIFICATION_TYPES) expect(isAccountMessageType(type)).toBe(false);
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
