import type { Logger } from 'pino';
import type { ClusterExecutor } from '../cluster/executor.js';
import type { ModelChain } from '../llm/chain.js';
import type { ChainLinkName } from '../llm/provider-names.js';
import type { ChatMessage } from '../llm/types.js';
import type { OfflineProvider } from '../offline/provider.js';
import type { TaskLabel } from '../routing/tasks.js';
import { parseCompletion } from '../tools/parse.js';
import { standardTools, type Risk, type ToolCall } from '../tools/registry.js';
import { effectiveRisk } from '../tools/risk.js';
import type { ToolModule } from '../tools/tool-module.js';
import type { AnyToolCall, CallOf, ToolRegistry } from '../tools/tool-registry.js';
import { callKey } from './call-key.js';
import { throwIfAborted } from './cancelled.js';
import { addUsage, decisionStep, storedState, tokensUsed, type Conversation } from './conversation.js';
import { toolMessage, type IdentifiedCall } from './messages.js';
import { takeModelTurn, type ModelTurn } from './model-turn.js';
import { agentStateSchemaFor, type AgentState, type AgentStep, type AgentUsage } from './stored-state.js';
import { agentSystemPrompt } from './system-prompt.js';
import { toolsForTask } from './task-tools.js';
import { answerCalls, identify, type CallAnswering } from './tool-calls.js';
import { DEFAULT_RESULT_CHARS, decisionContent, type ApprovalDecision } from './tool-message-content.js';
import { assistantTurnFor, refusedTurnMessages } from './turn-messages.js';
import { fenceClusterData } from './untrusted-data.js';

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
    /** Tool calls of one model turn that run (default 5); the model is told the others were not run. */
    maxToolCallsPerTurn?: number;
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
  /**
   * For a task that may only read: a change the model asks for anyway ends the run as a proposal (an approval
   * card; it never runs here) instead of being refused. The change tools are still not offered. Alert investigations.
   */
  proposeChanges?: boolean;
}

type Usage = AgentUsage;
type FailureCode = 'invalid_calls' | 'no_model' | 'budget' | 'steps';

export type AgentOutcome<C extends AnyToolCall = ToolCall> =
  | { kind: 'answer'; text: string; producedBy: ChainLinkName; model: string | null; steps: AgentStep<C>[]; usage: Usage }
  | {
      kind: 'needs_approval';
      call: C;
      risk: Risk;
      /** The model's prose around the call, if any. */
      explanation: string | null;
      /** The model had read cluster data (tool results) in this conversation before proposing the change. */
      readClusterData: boolean;
      producedBy: ChainLinkName;
      model: string | null;
      steps: AgentStep<C>[];
      usage: Usage;
      state: AgentState<C>;
    }
  | { kind: 'failed'; reason: string; code: FailureCode; steps: AgentStep<C>[]; usage: Usage };

export interface Agent<C extends AnyToolCall = ToolCall> {
  run(req: AgentRequest): Promise<AgentOutcome<C>>;
  /** Continues a run paused for approval, telling the model what happened to its change. */
  resume(state: AgentState<C>, decision: ApprovalDecision, signal?: AbortSignal): Promise<AgentOutcome<C>>;
}

const DEFAULT_MAX_STEPS = 6;
const DEFAULT_MAX_TOKENS = 24_000;
const DEFAULT_MAX_TOOL_CALLS_PER_TURN = 5;
const COMPLETION_RESERVE = 2_048;

/** The agent over the standard tools, or over `tools` when given. */
export function createAgent(deps: AgentDeps): Agent;
export function createAgent<T extends ToolModule>(deps: AgentDeps, tools: ToolRegistry<T>): Agent<CallOf<T>>;
export function createAgent(deps: AgentDeps, tools: ToolRegistry = standardTools): Agent<AnyToolCall> {
  const maxSteps = deps.limits?.maxSteps ?? DEFAULT_MAX_STEPS;
  const maxTokens = deps.limits?.maxTokens ?? DEFAULT_MAX_TOKENS;
  const resultChars = deps.limits?.resultChars ?? DEFAULT_RESULT_CHARS;
  const keyOf = (call: AnyToolCall) => callKey(call, deps.defaultNamespace, tools);
  const maxCallsPerTurn = deps.limits?.maxToolCallsPerTurn ?? DEFAULT_MAX_TOOL_CALLS_PER_TURN;
  const answering: CallAnswering = { executor: deps.executor, tools, logger: deps.logger, resultChars, maxCallsPerTurn, keyOf };
  const stateSchema = agentStateSchemaFor(tools);

  function failed(conv: Conversation, code: FailureCode, reason: string): AgentOutcome<AnyToolCall> {
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

  /** A rough count (4 characters a token) of what the next prompt costs, so an oversized one is not sent. */
  function estimatedPromptTokens(conv: Conversation): number {
    const chars = JSON.stringify(conv.messages).length + JSON.stringify(toolsForTask(conv.task, tools)).length;
    return Math.ceil(chars / 4);
  }

  async function loop(conv: Conversation, signal: AbortSignal | undefined): Promise<AgentOutcome<AnyToolCall>> {
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
        tools: toolsForTask(conv.task, tools),
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

      const parsed = parseCompletion(turn.raw, tools);
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
      const change = await answerCalls(answering, conv, calls, signal);
      if (change) return needsApproval(conv, change, turn, parsed.text);
    }
  }

  function needsApproval(
    conv: Conversation,
    change: IdentifiedCall,
    turn: ModelTurn,
    explanation: string | null,
  ): AgentOutcome<AnyToolCall> {
    const state = storedState(conv, { call: change.call, toolCallId: change.id });
    deps.logger.info({ tool: change.call.name, turns: conv.turns }, 'agent run paused for approval');
    const riskOptions = { protectedNamespaces: deps.protectedNamespaces, defaultNamespace: deps.defaultNamespace };
    return {
      kind: 'needs_approval',
      call: change.call,
      risk: effectiveRisk(change.call, riskOptions, tools),
      explanation: explanation === null || explanation.trim() === '' ? null : explanation,
      // Every step is a tool run whose result (or error) the model read.
      readClusterData: conv.steps.length > 0,
      producedBy: turn.producedBy,
      model: turn.model,
      steps: conv.steps,
      usage: conv.usage,
      // A copy, so whatever the caller does with it cannot reach a run still in memory.
      state: structuredClone(state),
    };
  }

  async function run(req: AgentRequest): Promise<AgentOutcome<AnyToolCall>> {
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
      ...(req.proposeChanges ? { proposeChanges: true } : {}),
    };
    return loop(conv, req.signal);
  }

  /** An approved change's result and a failed one's error come from the cluster: fenced like any tool result. */
  function decisionMessage(tool: string, decision: ApprovalDecision): string {
    const content = decisionContent(decision, resultChars);
    return decision.status === 'approved' || decision.status === 'failed' ? fenceClusterData(tool, content) : content;
  }

  async function resume(stored: AgentState<AnyToolCall>, decision: ApprovalDecision, signal?: AbortSignal) {
    throwIfAborted(signal);
    // Validated again: the state came back from storage.
    const state = stateSchema.parse(JSON.parse(JSON.stringify(stored)));
    const { call, toolCallId } = state.pending;
    const conv: Conversation = {
      task: state.task,
      locale: state.locale,
      links: state.links,
      messages: [...state.messages, toolMessage(toolCallId, decisionMessage(call.name, decision))],
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
