import { chatCompletion, fakeToolCall, type FakeChatHandler } from '../../test/support/fake-openai-server.js';

export const FAKE_NEMOTRON_MODEL = 'nvidia/nemotron-mini-4b-instruct';
/** In every final answer, so the benchmark can tell a real answer from a failure. */
export const FAKE_ANSWER_MARKER = 'BENCH-ANSWER';

/**
 * A FAKE Nemotron for the worker benchmark, answering at once: a structured list_pods call first, and once the
 * tool result is in the conversation, a final answer.
 */
export const fakeNemotronHandler: FakeChatHandler = (body) => {
  const messages = (body as { messages?: { role?: string }[] }).messages ?? [];
  if (messages.some((m) => m.role === 'tool')) {
    return { json: chatCompletion({ content: `${FAKE_ANSWER_MARKER}: the pods in prod are listed above.`, model: FAKE_NEMOTRON_MODEL }) };
  }
  return { json: chatCompletion({ tool_calls: [fakeToolCall('list_pods', { namespace: 'prod' })], model: FAKE_NEMOTRON_MODEL }) };
};
