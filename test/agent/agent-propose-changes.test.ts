import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nemotronSays, nemotronToolCall, startHarness, toolNamesOf, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const READ_TOOLS = [
  'list_pods',
  'get_pod_logs',
  'describe_resource',
  'list_events',
  'list_deployments',
  'get_rollout_history',
  'list_nodes',
];

describe('a read-only task that may propose (alert investigations: AgentRequest.proposeChanges)', () => {
  it('offers read tools only, and ends with a change the model asks for anyway as a proposal, never run', async () => {
    h.nemotron.respondWith((_body, n) =>
      n === 1
        ? nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'prod' } }])
        : nemotronToolCall([{ name: 'rollback_deployment', arguments: { name: 'api', namespace: 'prod' } }]),
    );
    const outcome = await h.agent.run({
      text: 'Why is the alert KubePodCrashLooping firing in namespace prod?',
      locale: 'en',
      task: 'incident_analysis',
      links: ['nvidia'],
      proposeChanges: true,
    });
    expect(outcome).toMatchObject({ kind: 'needs_approval', call: { name: 'rollback_deployment', arguments: { name: 'api' } } });
    expect(h.cluster.mutationCount()).toBe(0);
    for (const request of h.nemotron.chatRequests()) expect(toolNamesOf(request.body)).toEqual(READ_TOOLS);
  });

  it('without it, the same task refuses the change and goes on (a typed incident analysis)', async () => {
    h.nemotron.respondWith((_body, n) =>
      n === 1
        ? nemotronToolCall([{ name: 'rollback_deployment', arguments: { name: 'api', namespace: 'prod' } }])
        : nemotronSays('Roll back api.'),
    );
    const outcome = await h.agent.run({ text: 'why is api failing in prod?', locale: 'en', task: 'incident_analysis', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'answer', text: 'Roll back api.' });
    expect(h.cluster.mutationCount()).toBe(0);
  });
});
