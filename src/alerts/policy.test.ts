import { describe, expect, it } from 'vitest';
import { mayActOnAlert, offeredAlertActions } from './policy.js';

const NOW = Date.parse('2025-06-02T10:00:00Z');
const ALICE = { userId: 1, name: 'Alice' };

describe('who may act on an alert', () => {
  it('lets only approvers silence; investigating and acknowledging are open to every allowed user', () => {
    const settings = { approverIds: [1] };
    expect(mayActOnAlert('silence', 1, settings)).toBe(true);
    expect(mayActOnAlert('silence', 2, settings)).toBe(false);
    expect(mayActOnAlert('investigate', 2, settings)).toBe(true);
    expect(mayActOnAlert('acknowledge', 2, settings)).toBe(true);
  });
});

describe('the buttons an alert message offers', () => {
  it('offers all three while a group fires and nobody has acted', () => {
    expect(offeredAlertActions({ status: 'firing' }, NOW)).toEqual(['investigate', 'silence', 'acknowledge']);
  });

  it('drops Acknowledge once somebody took it, and Silence while a silence runs', () => {
    const acknowledgedBy = { ...ALICE, at: NOW };
    expect(offeredAlertActions({ status: 'firing', acknowledgedBy }, NOW)).toEqual(['investigate', 'silence']);
    const silence = { id: 's1', by: ALICE, at: NOW, until: NOW + 3_600_000 };
    expect(offeredAlertActions({ status: 'firing', silence }, NOW)).toEqual(['investigate', 'acknowledge']);
    expect(offeredAlertActions({ status: 'firing', silence, acknowledgedBy }, NOW)).toEqual(['investigate']);
  });

  it('offers Silence again once the silence has ended', () => {
    const silence = { id: 's1', by: ALICE, at: NOW - 7_200_000, until: NOW - 1 };
    expect(offeredAlertActions({ status: 'firing', silence }, NOW)).toContain('silence');
  });

  it('offers nothing once the group resolved', () => {
    expect(offeredAlertActions({ status: 'resolved' }, NOW)).toEqual([]);
  });
});
