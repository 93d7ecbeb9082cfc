import type { Logger } from 'pino';
import { isClusterError, type ClusterExecutor } from '../cluster/executor.js';
import { isReadTool } from '../tools/tool-module.js';
import { toolOf, type AnyToolCall, type ToolRegistry } from '../tools/tool-registry.js';
import { throwIfAborted } from './cancelled.js';
import type { Conversation } from './conversation.js';
import { toolMessage, type IdentifiedCall } from './messages.js';
import { taskAllowsChanges } from './task-tools.js';
import { errorContent, repeatContent, resultContent } from './tool-message-content.js';
import { fenceClusterData, fenceOverhead, unfenceClusterData } from './untrusted-data.js';

/** What answering a turn's calls needs. */
export interface CallAnswering {
  executor: ClusterExecutor;
  tools: ToolRegistry;
  logger: Logger;
  /** Characters of one tool result sent back to the model. */
  resultChars: number;
  /** Calls of one turn that are answered; the ones after them are not run. */
  maxCallsPerTurn: number;
  keyOf(call: AnyToolCall): string;
}

/** Provider ids are kept; a call read from text, or an id already used in this conversation, gets a fresh one. */
export function identify(conv: Conversation, calls: AnyToolCall[], ids: (string | undefined)[]): IdentifiedCall[] {
  const used = new Set(conv.messages.flatMap((m) => (m.role === 'assistant' && m.tool_calls ? m.tool_calls.map((c) => c.id) : [])));
  return calls.map((call, index) => {
    const given = ids[index];
    const id = given !== undefined && !used.has(given) ? given : `call_agent_${conv.turns}_${index + 1}`;
    used.add(id);
    return { id, call };
  });
}

/**
 * Answers one turn's calls. Only the first `maxCallsPerTurn` are considered; the rest are answered "not run".
 * A change this task may make pauses the run for approval (the first such call; nothing else of the turn runs)
 * and is returned; otherwise reads run in order, repeats are answered from before, and calls that may not run
 * are answered with why. At most one change is proposed per turn.
 */
export async function answerCalls(
  ctx: CallAnswering,
  conv: Conversation,
  turnCalls: IdentifiedCall[],
  signal: AbortSignal | undefined,
): Promise<IdentifiedCall | null> {
  const calls = turnCalls.slice(0, ctx.maxCallsPerTurn);
  const overCap = turnCalls.slice(ctx.maxCallsPerTurn);
  const answerOverCap = () => {
    if (overCap.length === 0) return;
    ctx.logger.warn({ calls: turnCalls.length, cap: ctx.maxCallsPerTurn }, 'a model turn asked for more tool calls than run per turn');
    const notRun = `not run: at most ${ctx.maxCallsPerTurn} tool calls of one turn run and this turn had ${turnCalls.length}; ask again in a later turn if you still need it`;
    for (const { id } of overCap) conv.messages.push(toolMessage(id, errorContent('too_many_calls', notRun)));
  };
  const isChange = (call: AnyToolCall) => !isReadTool(toolOf(ctx.tools, call));
  const refusal = (call: AnyToolCall): string | null => {
    if (conv.decided.has(ctx.keyOf(call))) {
      return errorContent(
        'already_decided',
        'a person already decided on this exact change in this conversation; it is not proposed again',
      );
    }
    if (isChange(call) && !taskAllowsChanges(conv.task) && !conv.proposeChanges) {
      return errorContent('not_allowed', 'this request may only read the cluster; changes are not available here');
    }
    return null;
  };
  const change = calls.find(({ call }) => isChange(call) && refusal(call) === null);
  if (change) {
    for (const { id, call } of calls) {
      if (id === change.id) continue;
      const notRun = 'not run: a change in the same turn is waiting for approval, and only one change is handled at a time';
      conv.messages.push(toolMessage(id, refusal(call) ?? errorContent('not_run', notRun)));
    }
    answerOverCap();
    return change;
  }
  for (const identified of calls) {
    throwIfAborted(signal);
    const refused = refusal(identified.call);
    if (refused) conv.messages.push(toolMessage(identified.id, refused));
    else await runRead(ctx, conv, identified);
  }
  answerOverCap();
  return null;
}

async function runRead(ctx: CallAnswering, conv: Conversation, { id, call }: IdentifiedCall): Promise<void> {
  const key = ctx.keyOf(call);
  const earlier = conv.seen.get(key);
  const earlierMessage = earlier === undefined ? undefined : conv.messages[earlier];
  if (earlierMessage?.role === 'tool' && typeof earlierMessage.content === 'string') {
    conv.messages.push(toolMessage(id, fenceClusterData(call.name, repeatContent(unfenceClusterData(earlierMessage.content)))));
    return;
  }
  const tool = toolOf(ctx.tools, call);
  const started = performance.now();
  let content: string;
  try {
    const result = await tool.run(call.arguments, ctx.executor);
    const forModel = isReadTool(tool) && tool.forModel ? tool.forModel(result) : result;
    content = resultContent(forModel, Math.max(200, ctx.resultChars - fenceOverhead(call.name)));
    conv.steps.push({ call, ok: true, durationMs: Math.round(performance.now() - started) });
  } catch (error) {
    // Cluster errors go back to the model so it can react; anything else is logged and reported the same way.
    const code = isClusterError(error) ? error.code : 'tool_failed';
    const message = isClusterError(error) ? error.message : 'the tool failed unexpectedly';
    if (!isClusterError(error)) ctx.logger.error({ err: error, tool: call.name }, 'tool failed unexpectedly');
    content = errorContent(code, message);
    conv.steps.push({ call, ok: false, error: { code, message }, durationMs: Math.round(performance.now() - started) });
  }
  conv.seen.set(key, conv.messages.length);
  // What the cluster said (and a cluster error's message) is data for the model, never instructions.
  conv.messages.push(toolMessage(id, fenceClusterData(call.name, content)));
}
