import { describe, expect, it } from 'vitest';
import { agentJobRef, agentJobSchema } from '../../src/jobs/agent-job.js';

describe('agent job references', () => {
  it('are stable per Telegram message and never read as an integer (BullMQ refuses integer-like ids)', () => {
    expect(agentJobRef(1001, 5)).toBe(agentJobRef(1001, 5));
    expect(agentJobRef(1001, 5)).not.toBe(agentJobRef(1001, 6));
    for (let m = 0; m < 5000; m++) {
      const ref = agentJobRef(-100123, m);
      expect(ref).not.toMatch(/^\d+$/);
      expect(agentJobSchema.shape.ref.safeParse(ref).success).toBe(true);
    }
  });
});
