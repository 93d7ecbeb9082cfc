import { OFFLINE_PROVIDER, type ChainLinkName, type ProviderName } from '../llm/provider-names.js';
import type { TaskLabel, TaskMode } from './tasks.js';

export interface Route {
  task: TaskLabel;
  mode: TaskMode;
  /** Configured links only, in order; `offline` (no model, always available) ends the tool chains. */
  chain: ChainLinkName[];
  /** The full chain of real providers from DESIGN's table: what to name when `chain` is empty. */
  wanted: ProviderName[];
}

interface RouteRule {
  mode: TaskMode;
  links: readonly ChainLinkName[];
}

/** The routing table (README, "How a message is handled"). status_query is answered from the status snapshot, without a model. */
export const ROUTING_TABLE: Readonly<Record<TaskLabel, RouteRule>> = {
  general_chat: { mode: 'sync', links: ['ollama', 'gemini'] },
  simple_qa: { mode: 'sync', links: ['ollama', 'gemini', 'anthropic'] },
  status_query: { mode: 'sync', links: [] },
  k8s_operation: { mode: 'background', links: ['nvidia', 'gemini', OFFLINE_PROVIDER] },
  tool_calling: { mode: 'background', links: ['nvidia', 'gemini', OFFLINE_PROVIDER] },
  incident_analysis: { mode: 'background', links: ['anthropic', 'gemini', OFFLINE_PROVIDER] },
  playbook_generation: { mode: 'background', links: ['anthropic', 'gemini'] },
};

function isProvider(link: ChainLinkName): link is ProviderName {
  return link !== OFFLINE_PROVIDER;
}

/** Task → mode and the model chain, keeping only the providers that are configured. */
export function routeTask(task: TaskLabel, configured: ReadonlySet<ProviderName>): Route {
  const rule = ROUTING_TABLE[task];
  const wanted = rule.links.filter(isProvider);
  const chain = rule.links.filter((link) => !isProvider(link) || configured.has(link));
  return { task, mode: rule.mode, chain, wanted };
}
