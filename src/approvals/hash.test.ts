import { describe, expect, it } from 'vitest';
import { approvalHash } from './hash.js';

describe('approvalHash', () => {
  it('is the sha256 hex of the tool and its arguments', () => {
    expect(approvalHash('restart_deployment', { name: 'web' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of argument keys', () => {
    expect(approvalHash('scale_deployment', { name: 'web', replicas: 3, namespace: 'prod' })).toBe(
      approvalHash('scale_deployment', { namespace: 'prod', replicas: 3, name: 'web' }),
    );
  });

  it('changes when the tool, an argument value, or the set of arguments changes', () => {
    const base = approvalHash('scale_deployment', { name: 'web', replicas: 3 });
    expect(approvalHash('scale_deployment', { name: 'web', replicas: 4 })).not.toBe(base);
    expect(approvalHash('scale_deployment', { name: 'web', replicas: 3, namespace: 'prod' })).not.toBe(base);
    expect(approvalHash('restart_deployment', { name: 'web', replicas: 3 })).not.toBe(base);
  });

  it('hashes an undefined argument like an absent one, as it reads back from Redis', () => {
    expect(approvalHash('restart_deployment', { name: 'web', namespace: undefined })).toBe(
      approvalHash('restart_deployment', { name: 'web' }),
    );
  });

  it('cannot be fooled by moving text between the tool name and the arguments', () => {
    expect(approvalHash('a', { b: 'c' })).not.toBe(approvalHash('a"b', { '': 'c' }));
  });
});
