import { z } from 'zod';
import { PROVIDER_NAMES, OFFLINE_PROVIDER, type ChainLinkName } from '../llm/provider-names.js';
import type { ChatMessage } from '../llm/types.js';
import { taskLabelSchema } from '../routing/tasks.js';
import { standardTools, type ToolCall } from '../tools/registry.js';
import type { ToolModule } from '../tools/tool-module.js';
import type { AnyToolCall, CallOf, ToolRegistry } from '../tools/tool-registry.js';
import { validateToolCall } from '../tools/validate-tool-call.js';

/** A tool call read back from JSON is checked against the registry again: stored state is a boundary too. */
export function toolCallSchemaFor<T extends ToolModule>(tools: ToolRegistry<T>) {
  return z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()) }).transform((value, ctx): CallOf<T> => {
    const checked = validateToolCall(value.name, value.arguments, tools);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.reason });
      return z.NEVER;
    }
    return checked.call;
  });
}

export const chainLinkNameSchema = z.enum([...PROVIDER_NAMES, OFFLINE_PROVIDER]) satisfies z.ZodType<ChainLinkName>;

export const usageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type AgentUsage = z.infer<typeof usageSchema>;

/** One tool execution: what ran, whether it worked, how long it took. */
export interface AgentStep<C extends AnyToolCall = ToolCall> {
  call: C;
  ok: boolean;
  error?: { code: string; message: string } | undefined;
  durationMs: number;
}

function agentStepSchemaFor<T extends ToolModule>(tools: ToolRegistry<T>) {
  return z.object({
    call: toolCallSchemaFor(tools),
    ok: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    durationMs: z.number().nonnegative(),
  }) satisfies z.ZodType<AgentStep<CallOf<T>>>;
}

const historyToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});
// Loose objects: a provider's extra fields (Gemini's thought_signature) must survive the round trip.
const chatMessageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: z.string() }),
  z.looseObject({ role: z.literal('user'), content: z.string() }),
  z.looseObject({ role: z.literal('assistant'), content: z.string().nullable(), tool_calls: z.array(historyToolCallSchema).optional() }),
  z.looseObject({ role: z.literal('tool'), tool_call_id: z.string(), content: z.string() }),
]);
const chatMessagesSchema = z
  .array(chatMessageSchema)
  // The shapes above are the subset of the SDK's message params the agent writes; the SDK type has no zod twin.
  .transform((messages) => messages as ChatMessage[]);

/**
 * Everything needed to continue a conversation paused for approval, its calls checked against `tools`.
 * JSON-serialisable: the worker stores it with the approval and hands it back to `resume` once a person decided
 * (or the deadline passed).
 */
export function agentStateSchemaFor<T extends ToolModule>(tools: ToolRegistry<T>) {
  return z.object({
    version: z.literal(1),
    task: taskLabelSchema,
    locale: z.enum(['en', 'zh-TW']),
    links: z.array(chainLinkNameSchema),
    messages: chatMessagesSchema,
    /** The change waiting for a person, and the tool_call id its outcome must answer. */
    pending: z.object({ call: toolCallSchemaFor(tools), toolCallId: z.string().min(1) }),
    /** Model turns used so far. */
    turns: z.number().int().nonnegative(),
    usage: usageSchema,
    steps: z.array(agentStepSchemaFor(tools)),
    /** Calls already answered: canonical key → index of the tool message holding the answer. */
    seen: z.array(z.object({ key: z.string(), messageIndex: z.number().int().nonnegative() })),
    /** Calls a person decided on; proposing one again is refused, never a second approval. */
    decided: z.array(z.string()),
    correctionsLeft: z.number().int().nonnegative(),
    /** The run had fallen back to the offline provider; it finishes there. */
    offline: z.boolean(),
  });
}

/** The stored state of a run over the standard tools. */
export const agentStateSchema = agentStateSchemaFor(standardTools);

type StoredState = z.output<typeof agentStateSchema>;
export type AgentState<C extends AnyToolCall = ToolCall> = Omit<StoredState, 'pending' | 'steps'> & {
  pending: { call: C; toolCallId: string };
  steps: AgentStep<C>[];
};
