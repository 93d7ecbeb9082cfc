import { describe, expect, it } from 'vitest';
import { proposeJobId, proposeJobSchema } from './propose-job.js';

const restart = { name: 'restart_deployment', arguments: { name: 'web', namespace: 'prod' } };

describe('the id of a /run change handed to the workers', () => {
  it('is the same for the same message, so a redelivered update proposes once', () => {
    expect(proposeJobId(10, 20, restart)).toBe(proposeJobId(10, 20, { ...restart }));
    expect(proposeJobId(10, 20, restart)).toMatch(/^p[a-f0-9]{12}$/);
  });

  it('differs for another message, another chat, or the message edited into another change', () => {
    const ids = new Set([
      proposeJobId(10, 20, restart),
      proposeJobId(10, 21, restart),
      proposeJobId(11, 20, restart),
      proposeJobId(10, 20, { ...restart, arguments: { name: 'api', namespace: 'prod' } }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('fits the job schema the worker reads back', () => {
    const job = { id: proposeJobId(1, 2, restart), call: restart, chatId: 1, requesterId: 3, locale: 'en', requestedAt: 0 };
    expect(proposeJobSchema.parse(job)).toEqual(job);
  });
});
