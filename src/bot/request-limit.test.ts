import { describe, expect, it } from 'vitest';
import { mayBecomeWork } from './request-limit.js';

const message = (text: string | undefined) =>
  ({ message: text === undefined ? undefined : { text } }) as Parameters<typeof mayBecomeWork>[0];

describe('mayBecomeWork', () => {
  it('counts free text and /run, in any spelling of the command', () => {
    for (const text of ['list pods in prod', '  早安', '/run', '/run list_nodes', '/RUN@chatops_bot list_nodes']) {
      expect(mayBecomeWork(message(text)), text).toBe(true);
    }
  });

  it('never counts other commands, or updates without text (taps, joins)', () => {
    for (const text of ['/help', '/status', '/lang', '/approvals', '/runbook', '/cancel'])
      expect(mayBecomeWork(message(text)), text).toBe(false);
    expect(mayBecomeWork(message(undefined))).toBe(false);
  });
});
