import type { ClusterExecutor } from '../../src/cluster/executor.js';
import { READ_TOOL_NAMES, WRITE_TOOL_NAMES, type ToolName } from '../../src/tools/registry.js';

export type ToolEffect = 'read' | 'write' | 'preview';

const EFFECT = new Map<string, ToolEffect>([
  ...READ_TOOL_NAMES.map((name) => [name, 'read'] as const),
  ...WRITE_TOOL_NAMES.map((name) => [name, 'write'] as const),
  ['preview', 'preview'],
]);

/**
 * Wraps a cluster backend so a fault test can act before every tool call reaches it (count it somewhere that
 * survives a kill, slow it down, or hang it). Previews count too (effect 'preview'); pings and namespace lists
 * pass straight through.
 */
export function instrumentCluster<C extends ClusterExecutor>(
  inner: C,
  beforeCall: (tool: ToolName | 'preview', effect: ToolEffect) => Promise<void>,
): C {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const effect = typeof property === 'string' ? EFFECT.get(property) : undefined;
      if (!effect || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await beforeCall(property as ToolName | 'preview', effect);
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}
