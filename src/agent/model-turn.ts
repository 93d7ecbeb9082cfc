import type OpenAI from 'openai';
import type { Logger } from 'pino';
import type { ModelChain } from '../llm/chain.js';
import { OFFLINE_PROVIDER, type ChainLinkName, type ProviderName } from '../llm/provider-names.js';
import { ChainCancelledError, ChainExhaustedError, type ChatMessage } from '../llm/types.js';
import type { OfflineProvider } from '../offline/provider.js';
import { AgentCancelledError } from './cancelled.js';
import type { AgentUsage } from './stored-state.js';

export interface ModelTurn {
  raw: unknown;
  producedBy: ChainLinkName;
  model: string | null;
  usage: AgentUsage;
}

export type ModelTurnResult = { kind: 'turn'; turn: ModelTurn; offline: boolean } | { kind: 'no_model'; reason: string };

export interface ModelTurnDeps {
  chain: ModelChain;
  offline: OfflineProvider;
  logger: Logger;
}

export interface ModelTurnRequest {
  links: readonly ChainLinkName[];
  /** Already fell back to the offline provider in this run: stay there. */
  offline: boolean;
  messages: ChatMessage[];
  tools: OpenAI.ChatCompletionTool[];
  locale: 'en' | 'zh-TW';
  /** Completion cap; undefined leaves the provider's default. */
  maxTokens: number | undefined;
  signal?: AbortSignal | undefined;
  /** Namespaces in scope, asked for only when the offline provider takes the turn. */
  namespaces: () => Promise<readonly string[]>;
}

const NO_USAGE: AgentUsage = { promptTokens: 0, completionTokens: 0, costUsd: 0 };

async function offlineTurn(deps: ModelTurnDeps, req: ModelTurnRequest): Promise<ModelTurnResult> {
  const { raw } = deps.offline.complete(req.messages, { locale: req.locale, namespaces: await req.namespaces() });
  return { kind: 'turn', turn: { raw, producedBy: OFFLINE_PROVIDER, model: null, usage: { ...NO_USAGE } }, offline: true };
}

/**
 * One model turn: the real links of the chain in order; when every one of them fails (or there are none)
 * and the router's list ends with 'offline', the offline provider takes this turn and the rest of the run.
 */
export async function takeModelTurn(deps: ModelTurnDeps, req: ModelTurnRequest): Promise<ModelTurnResult> {
  const modelLinks = req.links.filter((link): link is ProviderName => link !== OFFLINE_PROVIDER);
  const offlineAllowed = req.links.includes(OFFLINE_PROVIDER);
  if (req.offline) return offlineTurn(deps, req);
  if (modelLinks.length === 0) {
    return offlineAllowed ? offlineTurn(deps, req) : { kind: 'no_model', reason: 'the chain has no links' };
  }
  try {
    const answer = await deps.chain.complete(modelLinks, {
      messages: req.messages,
      ...(req.tools.length > 0 ? { tools: req.tools } : {}),
      ...(req.maxTokens === undefined ? {} : { maxTokens: req.maxTokens }),
      ...(req.signal ? { signal: req.signal } : {}),
    });
    return {
      kind: 'turn',
      turn: { raw: answer.raw, producedBy: answer.provider, model: answer.model, usage: answer.usage },
      offline: false,
    };
  } catch (error) {
    if (error instanceof ChainCancelledError || req.signal?.aborted) throw new AgentCancelledError();
    if (!(error instanceof ChainExhaustedError)) throw error;
    if (!offlineAllowed) return { kind: 'no_model', reason: error.message };
    deps.logger.warn({ tried: error.tried }, 'every model failed; the offline provider continues this request');
    return offlineTurn(deps, req);
  }
}
