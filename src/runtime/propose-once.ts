import type { Redis } from 'ioredis';
import type { ProposeResult } from '../approvals/flow.js';

const KEEP_SECONDS = 86_400;

/**
 * Proposes at most once per key. Two runs of one job can overlap (its lock ran out while Redis was away and the
 * job was started again while the first run still finished), so the claim is one atomic SET NX, not a check and a
 * later write. Undefined: another run claimed it. A proposal that throws gives the claim back for the retry.
 */
export async function proposeOnce(redis: Redis, key: string, propose: () => Promise<ProposeResult>): Promise<ProposeResult | undefined> {
  const claimed = await redis.set(key, 'proposing', 'EX', KEEP_SECONDS, 'NX');
  if (claimed !== 'OK') return undefined;
  let proposed: ProposeResult;
  try {
    proposed = await propose();
  } catch (error) {
    await redis.del(key).catch(() => undefined);
    throw error;
  }
  await redis.set(key, proposed.kind === 'card' ? proposed.record.id : proposed.kind, 'EX', KEEP_SECONDS);
  return proposed;
}
