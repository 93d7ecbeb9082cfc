import { describe, expect, it } from 'vitest';
import { ownNamespace, SERVICE_ACCOUNT_NAMESPACE_FILE } from './own-namespace.js';

const noFile = () => undefined;

describe('the namespace the bot runs in', () => {
  it('is POD_NAMESPACE when that is a namespace name', () => {
    expect(ownNamespace({ env: { POD_NAMESPACE: ' chatops\n' }, readFile: noFile })).toBe('chatops');
  });

  it("is the service account's namespace file otherwise", () => {
    const files: Record<string, string> = { [SERVICE_ACCOUNT_NAMESPACE_FILE]: 'ops-bots\n' };
    expect(ownNamespace({ env: {}, readFile: (path) => files[path] })).toBe('ops-bots');
  });

  it('is unknown outside a pod, and a value that is not a namespace name is not trusted', () => {
    expect(ownNamespace({ env: {}, readFile: noFile })).toBeUndefined();
    expect(
      ownNamespace({
        env: {},
        readFile: () => {
          throw new Error('ENOENT');
        },
      }),
    ).toBeUndefined();
    expect(ownNamespace({ env: { POD_NAMESPACE: 'Not A Namespace' }, readFile: () => 'also not/valid' })).toBeUndefined();
  });
});
