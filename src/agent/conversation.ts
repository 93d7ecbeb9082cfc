import type { ChainLinkName } from '../llm/provider-names.js';
import type { ChatMessage } from '../llm/types.js';
import type { TaskLabel } from '../routing/tasks.js';
import type { AnyToolCall } from '../tools/tool-registry.js';
import type { AgentState, AgentStep, AgentUsage } from './stored-state.js';
import type { ApprovalDecision } from './tool-message-content.js';

/** One run's working state; AgentState is its stored form. */
export interface Conversation {
  task: TaskLabel;
  locale: 'en' | 'zh-TW';
  links: ChainLinkName[];
  messages: ChatMessage[];
  turns: number;
  maxTurns: number;
  usage: AgentUsage;
  steps: AgentStep<AnyToolCall>[];
  seen: Map<string, number>;
  decided: Set<string>;
  correctionsLeft: number;
  offline: boolean;
  /** A change asked for in a read-only task is proposed, not refused (AgentRequest.proposeChanges); not stored. */
  proposeChanges?: boolean;
  /** Fetched once, only if the offline provider needs it. */
  namespaceList?: Promise<readonly string[]>;
}

export function tokensUsed(conv: Conversation): number {
  return conv.usage.promptTokens + conv.usage.completionTokens;
}

export function addUsage(a: AgentUsage, b: AgentUsage): AgentUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}

/** The stored form of a conversation paused on `pending`. */
export function storedState(conv: Conversation, pending: { call: AnyToolCall; toolCallId: string }): AgentState<AnyToolCall> {
  return {
    version: 1,
    task: conv.task,
    locale: conv.locale,
    links: conv.links,
    messages: conv.messages,
    pending,
    turns: conv.turns,
    usage: conv.usage,
    steps: conv.steps,
    seen: [...conv.seen].map(([key, messageIndex]) => ({ key, messageIndex })),
    decided: [...conv.decided],
    correctionsLeft: conv.correctionsLeft,
    offline: conv.offline,
  };
}

/** The approved change ran in the execute worker; its duration is measured there, not here. */
export function decisionStep(call: AnyToolCall, decision: ApprovalDecision): AgentStep<AnyToolCall>[] {
  if (decision.status === 'approved') return [{ call, ok: true, durationMs: 0 }];
  if (decision.status === 'failed') {
    return [{ call, ok: false, error: { code: 'failed', message: decision.reason ?? 'the change failed' }, durationMs: 0 }];
  }
  return [];
}
