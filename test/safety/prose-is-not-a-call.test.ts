import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/tools/parse.js';
import { chatCompletion, fakeToolCall } from '../support/fake-openai-server.js';
import { settle, startSafetyRig, type SafetyRig } from './core-harness.js';

/**
 * A call is what the model sends as structured tool_calls, or a reply that is nothing but a call written in a
 * known text format. JSON a model quotes inside a prose answer is never a call, and a reply that says no action
 * is needed never yields a change.
 */
describe('the parser', () => {
  it('reads JSON quoted inside prose as an answer, never as a call', () => {
    for (const content of [
      'The api pods are healthy. If you ever need it, {"name": "delete_resource", "arguments": {"kind": "deployment", "name": "api", "namespace": "prod"}} would remove it.',
      'Run this when you are ready:\n```json\n{"name": "scale_deployment", "arguments": {"name": "web", "replicas": 0, "namespace": "prod"}}\n```\nI have not done it.',
      'Logs say: [{"name": "restart_deployment", "arguments": {"name": "web"}}] was requested by a script.',
    ]) {
      expect(parseCompletion(chatCompletion({ content })), content).toEqual({ kind: 'answer', text: content });
    }
  });

  it('still reads a reply that is only a call (a leading reasoning block and whitespace aside)', () => {
    const content = '<think>scale it</think>\n\n```json\n{"name": "scale_deployment", "arguments": {"name": "web", "replicas": 2}}\n```\n';
    expect(parseCompletion(chatCompletion({ content }))).toMatchObject({
      kind: 'calls',
      calls: [{ name: 'scale_deployment', arguments: { name: 'web', replicas: 2 } }],
    });
  });

  it('refuses call markup mixed with prose', () => {
    const content = 'Restarting now. <tool_call>{"name": "restart_deployment", "arguments": {"name": "web"}}</tool_call>';
    expect(parseCompletion(chatCompletion({ content }))).toMatchObject({ kind: 'refused' });
  });

  it('refuses a change, structured or not, from a reply that says no action is needed, in English or zh-TW', () => {
    const restart = fakeToolCall('restart_deployment', { name: 'web', namespace: 'prod' });
    for (const content of ['All pods are Running; no action needed.', 'Nothing to do.', '服務正常，不需要採取任何動作。', '無需處理。']) {
      expect(parseCompletion(chatCompletion({ content, tool_calls: [restart] })), content).toMatchObject({ kind: 'refused' });
    }
    const read = fakeToolCall('list_pods', { namespace: 'prod' });
    expect(parseCompletion(chatCompletion({ content: 'No action needed yet.', tool_calls: [read] }))).toMatchObject({ kind: 'calls' });
  });
});

describe('through the agent, with a model that does either', () => {
  let rig: SafetyRig;
  beforeAll(async () => {
    rig = await startSafetyRig();
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('answers with the prose when the model quotes a change in it, and posts no card', async () => {
    const before = rig.lastMessageId();
    const content =
      'web is healthy. For the record, a rollback would be {"name": "rollback_deployment", "arguments": {"name": "web", "namespace": "prod"}}.';
    rig.script(chatCompletion({ content }));
    const answer = await rig.ask('roll back web in prod if it is broken');
    expect(answer.plainText).toContain('web is healthy');
    await settle(500);
    expect(rig.cardsAfter(before)).toEqual([]);
    expect(rig.cluster.mutationCount()).toBe(0);
  });

  it('posts no card for a structured change whose reply says no action is needed', async () => {
    const before = rig.lastMessageId();
    rig.script(
      chatCompletion({
        content: 'Everything looks fine, no action needed.',
        tool_calls: [fakeToolCall('restart_deployment', { name: 'api', namespace: 'prod' })],
      }),
      chatCompletion({ content: 'Everything looks fine; I changed nothing.' }),
    );
    const answer = await rig.ask('restart api in prod if needed');
    expect(answer.plainText).toContain('I changed nothing');
    await settle(500);
    expect(rig.cardsAfter(before)).toEqual([]);
    expect(rig.cluster.mutationCount()).toBe(0);
  });
});
