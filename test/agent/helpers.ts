import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { DEFAULT_PROTECTED_NAMESPACES } from '../../src/cluster/namespace-scope.js';
import { createScopedExecutor } from '../../src/cluster/scoped-executor.js';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/cluster/simulated.js';
import { createModelChain } from '../../src/llm/chain.js';
import { withProviderDefaults } from '../../src/llm/provider-defaults.js';
import type { ProviderName } from '../../src/llm/provider-names.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { createOfflineProvider } from '../../src/offline/provider.js';
import { createAgent, type Agent, type AgentDeps } from '../../src/agent/agent.js';
import { isFencedClusterData, unfenceClusterData } from '../../src/agent/untrusted-data.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer, type FakeReply } from '../support/fake-openai-server.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

/** A fixed clock, so the simulated cluster (pod ages, crash loops, logs) is the same on every run. */
export const SIMULATED_NOW = Date.parse('2025-03-01T10:00:00Z');
export const NEMOTRON_MODEL = 'nvidia/nemotron-mini-4b-instruct';
/** The line every offline answer ends with, written out so a lost or changed marker fails the tests. */
export const OFFLINE_MARKER_EN = '🔌 Offline provider: rule-based answer, no AI model was used.';
export const OFFLINE_MARKER_ZH_TW = '🔌 離線模式：依規則產生的回覆，未使用 AI 模型。';

export interface Harness {
  agent: Agent;
  /** What `agent` was made from, to make another one (over another registry) against the same fakes. */
  deps: AgentDeps;
  /** The simulated cluster behind the scoped executor, to check what ran. */
  cluster: SimulatedCluster;
  executor: AgentDeps['executor'];
  /** A fake OpenAI-compatible server playing NVIDIA NIM's Nemotron. */
  nemotron: FakeOpenAiServer;
  /** A second fake provider, playing Gemini, for fallback tests. */
  gemini: FakeOpenAiServer;
  redis: Redis;
  prefix: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  nemotronBudgetMs?: number;
  limits?: AgentDeps['limits'];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const redis = testRedis();
  const prefix = uniquePrefix('agent');
  const nemotron = await startFakeOpenAiServer({ models: [NEMOTRON_MODEL] });
  const gemini = await startFakeOpenAiServer({ models: ['gemini-fake'] });
  gemini.respondWith(() => ({ json: chatCompletion({ content: 'answer from the fake Gemini', model: 'gemini-fake' }) }));
  const logger = pino({ level: 'silent' });
  const settings = (name: ProviderName, baseUrl: string, model: string, budgetMs: number) =>
    withProviderDefaults({ name, baseUrl, model, apiKey: `key-${name}`, budgetMs, limitPerMinute: null });
  const chain = createModelChain({
    providers: [
      settings('nvidia', nemotron.baseUrl, NEMOTRON_MODEL, options.nemotronBudgetMs ?? 5_000),
      settings('gemini', gemini.baseUrl, 'gemini-fake', 5_000),
    ],
    redis,
    logger,
    keyPrefix: prefix,
    retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
  });
  const cluster = createSimulatedCluster({ now: () => SIMULATED_NOW });
  const executor = createScopedExecutor(cluster, {
    defaultNamespace: 'default',
    allowedNamespaces: [],
    protectedNamespaces: DEFAULT_PROTECTED_NAMESPACES,
  });
  const deps: AgentDeps = {
    chain,
    executor,
    logger,
    offline: createOfflineProvider({ defaultNamespace: 'default', t: createTranslator() }),
    protectedNamespaces: DEFAULT_PROTECTED_NAMESPACES,
    defaultNamespace: 'default',
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const agent = createAgent(deps);
  return {
    agent,
    deps,
    cluster,
    executor,
    nemotron,
    gemini,
    redis,
    prefix,
    async close() {
      await Promise.all([nemotron.close(), gemini.close()]);
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}

/** Nemotron's habit: tool calls as text inside <TOOLCALL>[...]</TOOLCALL>, no structured tool_calls. */
export function nemotronToolCall(
  calls: { name: string; arguments: Record<string, unknown> }[],
  usage?: { prompt_tokens: number; completion_tokens: number },
): FakeReply {
  return {
    json: chatCompletion({
      content: `<TOOLCALL>${JSON.stringify(calls)}</TOOLCALL>`,
      model: NEMOTRON_MODEL,
      ...(usage ? { usage } : {}),
    }),
  };
}

export function nemotronSays(content: string): FakeReply {
  return { json: chatCompletion({ content, model: NEMOTRON_MODEL }) };
}

export interface SeenMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: { id: string; type?: string; function: { name: string; arguments: string } }[];
}

/** The messages of a chat-completion request body. */
export function messagesOf(body: unknown): SeenMessage[] {
  return (body as { messages: SeenMessage[] }).messages;
}

/** The JSON of a tool message that carries cluster data, read from inside its untrusted-data fence (which must be there). */
export function fencedJson(content: unknown): Record<string, unknown> {
  const text = String(content);
  if (!isFencedClusterData(text)) throw new Error(`the tool message is not fenced as cluster data: ${text.slice(0, 80)}`);
  return JSON.parse(unfenceClusterData(text)) as Record<string, unknown>;
}

/** The parsed JSON of the last tool message of a request (inside its fence when it carries cluster data). */
export function lastToolResult(body: unknown): Record<string, unknown> {
  const tool = messagesOf(body)
    .filter((m) => m.role === 'tool')
    .at(-1);
  if (!tool) throw new Error('the request has no tool message');
  return JSON.parse(unfenceClusterData(String(tool.content))) as Record<string, unknown>;
}

export function toolNamesOf(body: unknown): string[] {
  return ((body as { tools?: { function: { name: string } }[] }).tools ?? []).map((tool) => tool.function.name);
}
