import { expect } from 'vitest';

/**
 * Vitest's asymmetric matchers (expect.any, expect.stringContaining, ...) are typed `any`, so each one placed in an
 * expected object is an unchecked `any` assignment. These return the same matchers typed `unknown`: toEqual and
 * toMatchObject still see the matcher, and no `any` flows into the test's types.
 */
export const match = {
  any: (type: unknown): unknown => expect.any(type),
  stringContaining: (text: string): unknown => expect.stringContaining(text),
  stringMatching: (pattern: string | RegExp): unknown => expect.stringMatching(pattern),
  objectContaining: (object: Record<string, unknown>): unknown => expect.objectContaining(object),
};
