import { randomBytes } from 'node:crypto';

/** 16 random bytes (128 bits) as base64url: 22 characters, safe in keys and callback data. */
export const APPROVAL_ID_BYTES = 16;
export const APPROVAL_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newApprovalId(): string {
  return randomBytes(APPROVAL_ID_BYTES).toString('base64url');
}

export function isApprovalId(text: string): boolean {
  return APPROVAL_ID_PATTERN.test(text);
}
