import { describe, expect, it } from 'vitest';
import { overlapMinutes, utcWindow, windowLength, zoneOffsetMinutes } from './working-window.ts';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('zoneOffsetMinutes', () => {
  it('follows daylight saving: New York is 5 h behind UTC in January and 4 h in July', () => {
    expect(zoneOffsetMinutes('America/New_York', winter)).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', summer)).toBe(-240);
  });
  it('handles half-hour zones and UTC', () => {
    expect(zoneOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(zoneOffsetMinutes('UTC', winter)).toBe(0);
  });
});

describe('utcWindow', () => {
  it('moves a Berlin 09:00–17:00 day to 08:00–16:00 UTC in winter', () => {
    expect(utcWindow('Europe/Berlin', { start: '09:00', end: '17:00' }, winter)).toEqual({
      start: 8 * 60,
      end: 16 * 60,
    });
  });
  it('wraps past midnight UTC for Tokyo (09:00–18:00 is 00:00–09:00 UTC) and Los Angeles evenings', () => {
    expect(utcWindow('Asia/Tokyo', { start: '09:00', end: '18:00' }, winter)).toEqual({
      start: 0,
      end: 9 * 60,
    });
    const la = utcWindow('America/Los_Angeles', { start: '14:00', end: '20:00' }, winter);
    expect(la).toEqual({ start: 22 * 60, end: 4 * 60 });
    expect(windowLength(la)).toBe(6 * 60);
  });
});

describe('overlapMinutes', () => {
  it('counts the shared part of two plain windows', () => {
    expect(overlapMinutes({ start: 480, end: 960 }, { start: 780, end: 1260 })).toBe(180);
  });
  it('is zero for windows that do not meet', () => {
    expect(overlapMinutes({ start: 0, end: 540 }, { start: 600, end: 1000 })).toBe(0);
  });
  it('counts overlap across midnight UTC on either side', () => {
    // 22:00–04:00 and 02:00–10:00 share 02:00–04:00.
    expect(overlapMinutes({ start: 1320, end: 240 }, { start: 120, end: 600 })).toBe(120);
    expect(overlapMinutes({ start: 120, end: 600 }, { start: 1320, end: 240 })).toBe(120);
    // Both wrap: 20:00–02:00 and 23:00–05:00 share 23:00–02:00.
    expect(overlapMinutes({ start: 1200, end: 120 }, { start: 1380, end: 300 })).toBe(180);
  });
  it('New York 09:00–17:00 and Berlin 09:00–17:00 share two hours in winter', () => {
    const ny = utcWindow('America/New_York', { start: '09:00', end: '17:00' }, winter);
    const berlin = utcWindow('Europe/Berlin', { start: '09:00', end: '17:00' }, winter);
    expect(overlapMinutes(ny, berlin)).toBe(120);
  });
  it('never exceeds the shorter window', () => {
    expect(overlapMinutes({ start: 0, end: 0 }, { start: 600, end: 660 })).toBe(60);
  });
});
