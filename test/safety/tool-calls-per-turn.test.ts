import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletion, fakeToolCall } from '../support/fake-openai-server.js';
import { settle, startSafetyRig, type SafetyRig } from './core-harness.js';

/**
 * One model turn runs at most AGENT_MAX_TOOL_CALLS_PER_TURN tool calls (here the default, 5); the model is told
 * the others were not run. At most one change is proposed per turn.
 */
let rig: SafetyRig;
beforeAll(async () => {
  rig = await startSafetyRig();
});
afterAll(async () => {
  await rig.stop();
});

const eightReads = [
  fakeToolCall('list_pods', { namespace: 'prod' }, { id: 'r1' }),
  fakeToolCall('list_pods', { namespace: 'staging' }, { id: 'r2' }),
  fakeToolCall('list_deployments', { namespace: 'prod' }, { id: 'r3' }),
  fakeToolCall('list_deployments', { namespace: 'staging' }, { id: 'r4' }),
  fakeToolCall('list_events', { namespace: 'prod' }, { id: 'r5' }),
  fakeToolCall('list_events', { namespace: 'staging' }, { id: 'r6' }),
  fakeToolCall('list_nodes', {}, { id: 'r7' }),
  fakeToolCall('get_rollout_history', { name: 'web', namespace: 'prod' }, { id: 'r8' }),
];

interface SentMessage {
  role: string;
  tool_call_id?: string;
  content?: unknown;
}

describe('tool calls per model turn', () => {
  it('runs the first five of eight reads and tells the model the other three were not run', async () => {
    const callsBefore = rig.cluster.calls().length;
    const requestsBefore = rig.model.chatRequests().length;
    rig.script(chatCompletion({ tool_calls: eightReads }), chatCompletion({ content: 'Here is what I found.' }));
    const answer = await rig.ask('show me everything about prod and staging');
    expect(answer.plainText).toContain('Here is what I found');

    const reads = rig.cluster.calls().slice(callsBefore);
    expect(reads.map((call) => call.name)).toEqual(['list_pods', 'list_pods', 'list_deployments', 'list_deployments', 'list_events']);
    const followUp = rig.model.chatRequests()[requestsBefore + 1]?.body as { messages: SentMessage[] };
    const toolMessages = followUp.messages.filter((m) => m.role === 'tool');
    const notRun = toolMessages.filter((m) => String(m.content).includes('too_many_calls'));
    expect(notRun.map((m) => m.tool_call_id).sort()).toEqual(['r6', 'r7', 'r8']);
    expect(toolMessages).toHaveLength(8);
  });

  it('proposes one change from a turn that asks for two, and runs neither', async () => {
    const before = rig.lastMessageId();
    rig.script(
      chatCompletion({
        tool_calls: [
          fakeToolCall('restart_deployment', { name: 'web', namespace: 'prod' }),
          fakeToolCall('scale_deployment', { name: 'api', namespace: 'prod', replicas: 0 }),
        ],
      }),
    );
    await rig.ask('restart web and scale api to zero in prod');
    await rig.h.emulator.waitFor(() => rig.cardsAfter(before)[0], 15_000);
    await settle(800);
    const cards = rig.cardsAfter(before);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.plainText).toContain('restart_deployment');
    expect(rig.cluster.mutationCount()).toBe(0);
  });
});
