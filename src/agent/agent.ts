import type { Logger } from 'pino';
import { runTool, isClusterError, type ClusterExecutor } from '../cluster/executor.js';
import type { ModelChain } from '../llm/chain.js';
import type { ChainLinkName } from '../llm/provider-names.js';
import type { ChatMessage } from '../llm/types.js';
import type { OfflineProvider } from '../offline/provider.js';
import type { TaskLabel } from '../routing/tasks.js';
import { callKey } from './call-key.js';
import { throwIfAborted } from './cancelled.js';
import { toolMessage, type IdentifiedCall } from './messages.js';
import { takeModelTurn, type ModelTurn } from './model-turn.js';
import { agentSystemPrompt } from './system-prompt.js';
import { taskAllowsChanges, toolsForTask } from './task-tools.js';
import { agentStateSchema, type AgentState, type AgentStep, type AgentUsage } from './stored-state.js';
import {
  DEFAULT_RESULT_CHARS,
  decisionContent,
  errorContent,
  repeatContent,
  resultContent,
  type ApprovalDecision,
} from './tool-message-content.js';
import { assistantTurnFor, refusedTurnMessages } from './turn-messages.js';
import { effectiveRisk, isReadOnly, type Risk, type ToolCall } from '../tools/catalog.js';
import { parseCompletion } from '../tools/parse.js';

export { agentStateSchema, type AgentState, type AgentStep } from './stored-state.js';
export { AgentCancelledError } from './cancelled.js';
export type { ApprovalDecision } from './tool-message-content.js';

export interface AgentDeps {
  chain: ModelChain;
  executor: ClusterExecutor;
  logger: Logger;
  offline: OfflineProvider;
  protectedNamespaces: readonly string[];
  defaultNamespace: string;
  limits?: {
    /** Model turns per run (default 6). */
    maxSteps?: number;
    /** Prompt + completion tokens per run, all turns together (default 24000). */
    maxTokens?: number;
    /** Characters of one tool result sent back to the model (default 6000). */
    resultChars?: number;
  };
}

export interface AgentRequest {
  text: string;
  locale: 'en' | 'zh-TW';
  task: TaskLabel;
  /** From the router; may end with 'offline'. */
  links: ChainLinkName[];
  history?: { role: 'user' | 'assistant'; content: string }[];
  signal?: AbortSignal;
}

type Usage = AgentUsage;

export type AgentOutcome =
  | { kind: 'answer'; text: string; producedBy: ChainLinkName; model: string | null; steps: AgentStep[]; usage: Usage }
  | {
      kind: 'needs_approval';
      call: ToolCall;
      risk: Risk;
      /** The model's prose around the call, if any. */
      explanation: string | null;
      producedBy: ChainLinkName;
      model: string | null;
      steps: AgentStep[];
      usage: Usage;
      state: AgentState;
    }
  | { kind: 'failed'; reason: string; code: 'invalid_calls' | 'no_model' | 'budget' | 'steps'; steps: AgentStep[]; usage: Usage };

export interface Agent {
  run(req: AgentRequest): Promise<AgentOutcome>;
  /** Continues a run paused for approval, telling the model what happened to its change. */
  resume(state: AgentState, decision: ApprovalDecision, signal?: AbortSignal): Promise<AgentOutcome>;
}

const DEFAULT_MAX_STEPS = 6;
const DEFAULT_MAX_TOKENS = 24_000;
const COMPLETION_RESERVE = 2_048;

/** One run's working state; AgentState is its stored form. */
interface Conversation {
  task: TaskLabel;
  locale: 'en' | 'zh-TW';
  links: ChainLinkName[];
  messages: ChatMessage[];
  turns: number;
  maxTurns: number;
  usage: Usage;
  steps: AgentStep[];
  seen: Map<string, number>;
  decided: Set<string>;
  correctionsLeft: number;
  offline: boolean;
  /** Fetched once, only if the offline provider needs it. */
  namespaceList?: Promise<readonly string[]>;
}

export function createAgent(deps: AgentDeps): Agent {
  const maxSteps = deps.limits?.maxSteps ?? DEFAULT_MAX_STEPS;
  const maxTokens = deps.limits?.maxTokens ?? DEFAULT_MAX_TOKENS;
  const resultChars = deps.limits?.resultChars ?? DEFAULT_RESULT_CHARS;
  const keyOf = (call: ToolCall) => callKey(call, deps.defaultNamespace);

  function failed(conv: Conversation, code: 'invalid_calls' | 'no_model' | 'budget' | 'steps', reason: string): AgentOutcome {
    deps.logger.info({ code, turns: conv.turns, tokens: tokensUsed(conv) }, 'agent run ended without an answer');
    return { kind: 'failed', code, reason, steps: conv.steps, usage: conv.usage };
  }

  async function namespacesInScope(): Promise<readonly string[]> {
    try {
      return await deps.executor.listNamespaces();
    } catch (error) {
      deps.logger.warn({ err: error }, 'namespaces could not be listed for the offline provider');
      return [];
    }
  }

  function tokensUsed(conv: Conversation): number {
    return conv.usage.promptTokens + conv.usage.completionTokens;
  }

  /** A rough count (4 characters a token) of what the next prompt costs, so an oversized one is not sent. */
  function estimatedPromptTokens(conv: Conversation): number {
    const chars = JSON.stringify(conv.messages).length + JSON.stringify(toolsForTask(conv.task)).length;
    return Math.ceil(chars / 4);
  }

  async function loop(conv: Conversation, signal: AbortSignal | undefined): Promise<AgentOutcome> {
    for (;;) {
      throwIfAborted(signal);
      if (conv.turns >= conv.maxTurns) return failed(conv, 'steps', `no final answer after ${conv.turns} model turns`);
      const promptTokens = estimatedPromptTokens(conv);
      const left = maxTokens - tokensUsed(conv) - promptTokens;
      if (!conv.offline && left <= 0) {
        return failed(conv, 'budget', `token budget of ${maxTokens} spent (${tokensUsed(conv)} used, next prompt about ${promptTokens})`);
      }
      const taken = await takeModelTurn(deps, {
        links: conv.links,
        offline: conv.offline,
        messages: conv.messages,
        tools: toolsForTask(conv.task),
        locale: conv.locale,
        // Capped only near the end of the budget: a fixed max_tokens can overflow a small model's context.
        maxTokens: left < COMPLETION_RESERVE ? left : undefined,
        signal,
        namespaces: () => (conv.namespaceList ??= namespacesInScope()),
      });
      if (taken.kind === 'no_model') return failed(conv, 'no_model', taken.reason);
      throwIfAborted(signal);
      const { turn } = taken;
      conv.turns += 1;
      conv.offline = taken.offline;
      conv.usage = addUsage(conv.usage, turn.usage);

      const parsed = parseCompletion(turn.raw);
      deps.logger.debug({ turn: conv.turns, producedBy: turn.producedBy, parsed: parsed.kind }, 'agent model turn');
      if (parsed.kind === 'answer' && parsed.text.trim() !== '') {
        return { kind: 'answer', text: parsed.text, producedBy: turn.producedBy, model: turn.model, steps: conv.steps, usage: conv.usage };
      }
      if (parsed.kind !== 'calls') {
        const reason = parsed.kind === 'refused' ? parsed.reason : 'the reply was empty';
        if (conv.correctionsLeft <= 0) return failed(conv, 'invalid_calls', `the model's reply was refused again: ${reason}`);
        conv.correctionsLeft -= 1;
        conv.messages.push(...refusedTurnMessages(turn.raw, reason));
        continue;
      }
      const calls = identify(conv, parsed.calls, parsed.toolCallIds);
      conv.messages.push(assistantTurnFor(turn.raw, calls));
      const paused = await answerCalls(conv, calls, turn, parsed.text, signal);
      if (paused) return paused;
    }
  }

  /** Provider ids are kept; a call read from text, or an id already used in this conversation, gets a fresh one. */
  function identify(conv: Conversation, calls: ToolCall[], ids: (string | undefined)[]): IdentifiedCall[] {
    const used = new Set(conv.messages.flatMap((m) => (m.role === 'assistant' && m.tool_calls ? m.tool_calls.map((c) => c.id) : [])));
    return calls.map((call, index) => {
      const given = ids[index];
      const id = given !== undefined && !used.has(given) ? given : `call_agent_${conv.turns}_${index + 1}`;
      used.add(id);
      return { id, call };
    });
  }

  /**
   * Answers one turn's calls. A change this task may make pauses the run for approval (the first such call;
   * nothing else of the turn runs); otherwise reads run in order, repeats are answered from before, and
   * calls that may not run are answered with why.
   */
  async function answerCalls(
    conv: Conversation,
    calls: IdentifiedCall[],
    turn: ModelTurn,
    explanation: string | null,
    signal: AbortSignal | undefined,
  ): Promise<AgentOutcome | null> {
    const refusal = (call: ToolCall): string | null => {
      if (conv.decided.has(keyOf(call))) {
        return errorContent(
          'already_decided',
          'a person already decided on this exact change in this conversation; it is not proposed again',
        );
      }
      if (!isReadOnly(call.name) && !taskAllowsChanges(conv.task)) {
        return errorContent('not_allowed', 'this request may only read the cluster; changes are not available here');
      }
      return null;
    };
    const change = calls.find(({ call }) => !isReadOnly(call.name) && refusal(call) === null);
    if (change) {
      for (const { id, call } of calls) {
        if (id === change.id) continue;
        conv.messages.push(
          toolMessage(
            id,
            refusal(call) ??
              errorContent(
                'not_run',
                'not run: a change in the same turn is waiting for approval, and only one change is handled at a time',
              ),
          ),
        );
      }
      return needsApproval(conv, change, turn, explanation);
    }
    for (const identified of calls) {
      throwIfAborted(signal);
      const refused = refusal(identified.call);
      if (refused) conv.messages.push(toolMessage(identified.id, refused));
      else await runRead(conv, identified);
    }
    return null;
  }

  async function runRead(conv: Conversation, { id, call }: IdentifiedCall): Promise<void> {
    const key = keyOf(call);
    const earlier = conv.seen.get(key);
    const earlierMessage = earlier === undefined ? undefined : conv.messages[earlier];
    if (earlierMessage?.role === 'tool' && typeof earlierMessage.content === 'string') {
      conv.messages.push(toolMessage(id, repeatContent(earlierMessage.content)));
      return;
    }
    const started = performance.now();
    let content: string;
    try {
      const result = await runTool(deps.executor, call);
      content = resultContent(result, resultChars);
      conv.steps.push({ call, ok: true, durationMs: Math.round(performance.now() - started) });
    } catch (error) {
      // Cluster errors go back to the model so it can react; anything else is logged and reported the same way.
      const code = isClusterError(error) ? error.code : 'tool_failed';
      const message = isClusterError(error) ? error.message : 'the tool failed unexpectedly';
      if (!isClusterError(error)) deps.logger.error({ err: error, tool: call.name }, 'tool failed unexpectedly');
      content = errorContent(code, message);
      conv.steps.push({ call, ok: false, error: { code, message }, durationMs: Math.round(performance.now() - started) });
    }
    conv.seen.set(key, conv.messages.length);
    conv.messages.push(toolMessage(id, content));
  }

  function needsApproval(conv: Conversation, change: IdentifiedCall, turn: ModelTurn, explanation: string | null): AgentOutcome {
    const state: AgentState = {
      version: 1,
      task: conv.task,
      locale: conv.locale,
      links: conv.links,
      messages: conv.messages,
      pending: { call: change.call, toolCallId: change.id },
      turns: conv.turns,
      usage: conv.usage,
      steps: conv.steps,
      seen: [...conv.seen].map(([key, messageIndex]) => ({ key, messageIndex })),
      decided: [...conv.decided],
      correctionsLeft: conv.correctionsLeft,
      offline: conv.offline,
    };
    deps.logger.info({ tool: change.call.name, turns: conv.turns }, 'agent run paused for approval');
    return {
      kind: 'needs_approval',
      call: change.call,
      risk: effectiveRisk(change.call, { protectedNamespaces: deps.protectedNamespaces, defaultNamespace: deps.defaultNamespace }),
      explanation: explanation === null || explanation.trim() === '' ? null : explanation,
      producedBy: turn.producedBy,
      model: turn.model,
      steps: conv.steps,
      usage: conv.usage,
      // A copy, so whatever the caller does with it cannot reach a run still in memory.
      state: structuredClone(state),
    };
  }

  async function run(req: AgentRequest): Promise<AgentOutcome> {
    throwIfAborted(req.signal);
    const conv: Conversation = {
      task: req.task,
      locale: req.locale,
      links: [...req.links],
      messages: [
        { role: 'system', content: agentSystemPrompt(req.locale, req.task, deps.defaultNamespace) },
        ...(req.history ?? []).map((m): ChatMessage => ({ role: m.role, content: m.content })),
        { role: 'user', content: req.text },
      ],
      turns: 0,
      maxTurns: maxSteps,
      usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
      steps: [],
      seen: new Map(),
      decided: new Set(),
      correctionsLeft: 1,
      offline: false,
    };
    return loop(conv, req.signal);
  }

  async function resume(stored: AgentState, decision: ApprovalDecision, signal?: AbortSignal): Promise<AgentOutcome> {
    throwIfAborted(signal);
    // Validated again: the state came back from storage.
    const state = agentStateSchema.parse(JSON.parse(JSON.stringify(stored)));
    const { call, toolCallId } = state.pending;
    const conv: Conversation = {
      task: state.task,
      locale: state.locale,
      links: state.links,
      messages: [...state.messages, toolMessage(toolCallId, decisionContent(decision, resultChars))],
      turns: state.turns,
      // The outcome must reach the person: a run paused on its last turn still gets one to say it.
      maxTurns: Math.max(maxSteps, state.turns + 1),
      usage: state.usage,
      steps: [...state.steps, ...decisionStep(call, decision)],
      seen: new Map(state.seen.map(({ key, messageIndex }) => [key, messageIndex])),
      decided: new Set([...state.decided, keyOf(call)]),
      correctionsLeft: state.correctionsLeft,
      offline: state.offline,
    };
    deps.logger.info({ tool: call.name, decision: decision.status }, 'agent run resumed after the approval decision');
    return loop(conv, signal);
  }

  return { run, resume };
}

/** The approved change ran in the execute worker; its duration is measured there, not here. */
function decisionStep(call: ToolCall, decision: ApprovalDecision): AgentStep[] {
  if (decision.status === 'approved') return [{ call, ok: true, durationMs: 0 }];
  if (decision.status === 'failed') {
    return [{ call, ok: false, error: { code: 'failed', message: decision.reason ?? 'the change failed' }, durationMs: 0 }];
  }
  return [];
}

function addUsage(a: Usage, b: Usage): Usage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}
