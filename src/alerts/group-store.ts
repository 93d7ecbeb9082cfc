import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { luaScript } from '../lua-script.js';
import { alertGroupSchema, type AlertGroup } from './group-record.js';

/** Groups are kept this long after their last change (a month of history for /status-like questions and silences). */
const KEEP_SECONDS = 30 * 24 * 3600;
const MAX_ATTEMPTS = 50;

export function alertGroupKey(keyPrefix: string, id: string): string {
  return `${keyPrefix}alert:group:${id}`;
}

/**
 * Compare-and-set on the record's write counter `v`: the write happens only if nobody wrote since we read.
 * ARGV: expected counter ("0" when the record did not exist), new JSON, TTL seconds.
 */
const casScript = luaScript(`
local v = redis.call('HGET', KEYS[1], 'v') or '0'
if v ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tostring(tonumber(v) + 1), 'json', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`);

export interface AlertGroupUpdate {
  before: AlertGroup | undefined;
  after: AlertGroup | undefined;
  /** False when the mutation asked for no write. */
  written: boolean;
}

export interface AlertGroupStore {
  get(id: string): Promise<AlertGroup | undefined>;
  /**
   * Reads the group, applies `mutate`, and writes the result only if nobody else wrote in between (else reads and
   * applies again). `mutate` returns undefined for "no write"; it may run more than once, so it must be pure.
   */
  update(id: string, mutate: (current: AlertGroup | undefined) => AlertGroup | undefined): Promise<AlertGroupUpdate>;
}

export function createAlertGroupStore(deps: { redis: Redis; keyPrefix: string; logger: Logger }): AlertGroupStore {
  const { redis, keyPrefix, logger } = deps;

  async function read(id: string): Promise<{ v: string; group: AlertGroup | undefined }> {
    const [v, json] = await redis.hmget(alertGroupKey(keyPrefix, id), 'v', 'json');
    if (json === null || json === undefined) return { v: v ?? '0', group: undefined };
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      raw = undefined;
    }
    const parsed = alertGroupSchema.safeParse(raw);
    if (!parsed.success) {
      // A record this version cannot read is treated as absent: the next notification starts the group afresh.
      logger.error({ alert_group: id, problem: parsed.error.issues[0]?.message }, 'stored alert group is invalid; ignoring it');
      return { v: v ?? '0', group: undefined };
    }
    return { v: v ?? '0', group: parsed.data };
  }

  return {
    async get(id) {
      return (await read(id)).group;
    },
    async update(id, mutate) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const { v, group } = await read(id);
        const next = mutate(group);
        if (next === undefined) return { before: group, after: group, written: false };
        const json = JSON.stringify(alertGroupSchema.parse(next));
        const ok = await casScript.run(redis, [alertGroupKey(keyPrefix, id)], [v, json, KEEP_SECONDS]);
        if (ok === 1) return { before: group, after: next, written: true };
        // Someone wrote in between: a short random pause spreads out writers that collided.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
      }
      throw new Error(`alert group ${id}: too many concurrent writers`);
    },
  };
}
