import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { runAuditCommand } from '../../src/audit/audit-command.js';
import { createAuditTrail } from '../../src/audit/trail.js';
import { NO_METRICS } from '../../src/metrics/registry.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let prefix: string;

beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = uniquePrefix('audit-cli');
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
});

describe('audit --since (against a real stream)', () => {
  it('prints the last day of the trail as JSON lines that parse back to the entries', async () => {
    const now = Date.now();
    const trail = createAuditTrail({ redis, keyPrefix: prefix, now: () => now, logger: captureLogger().logger, metrics: NO_METRICS });
    await trail.append({ kind: 'request', at: now - 25 * 3_600_000, detail: 'yesterday and more' });
    await trail.append({ kind: 'approval', approvalId: 'AAAAAAAAAAAAAAAAAAAAAA', decision: 'rejected', approver: 7 });
    await trail.append({ kind: 'execution', tool: 'restart_deployment', outcome: 'succeeded', durationMs: 950 });

    const lines: string[] = [];
    await runAuditCommand({ since: '24h' }, { trail, write: (line) => lines.push(line), now });
    const printed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatchObject({ kind: 'approval', decision: 'rejected', approver: 7, at: now });
    expect(printed[1]).toMatchObject({ kind: 'execution', outcome: 'succeeded', durationMs: 950 });
    expect(printed[1]?.['time']).toBe(new Date(now).toISOString());
    expect(typeof printed[0]?.['id']).toBe('string');
  });
});
