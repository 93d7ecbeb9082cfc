import { describe, expect, it } from 'vitest';
import { parsePythonicCalls } from './pythonic-calls.js';

describe('parsePythonicCalls', () => {
  it('reads a list of calls with Python literal arguments', () => {
    expect(
      parsePythonicCalls(
        `[list_pods(namespace="prod", label_selector='app=web'), get_pod_logs(pod="a", previous=True, tail_lines=20), list_nodes()]`,
      ),
    ).toEqual({
      ok: true,
      calls: [
        { name: 'list_pods', arguments: { namespace: 'prod', label_selector: 'app=web' } },
        { name: 'get_pod_logs', arguments: { pod: 'a', previous: true, tail_lines: 20 } },
        { name: 'list_nodes', arguments: {} },
      ],
    });
  });

  it('reports a list that stops in the middle as truncated and trailing text as broken', () => {
    expect(parsePythonicCalls('[scale_deployment(name="web", replicas=')).toMatchObject({ ok: false, truncated: true });
    expect(parsePythonicCalls('[list_nodes()] and then')).toMatchObject({ ok: false, truncated: false });
    expect(parsePythonicCalls('[list_pods(prod)]')).toMatchObject({ ok: false, truncated: false });
  });
});
