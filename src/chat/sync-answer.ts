import type { Logger } from 'pino';
import type { ModelChain } from '../llm/chain.js';
import type { ProviderName } from '../llm/provider-names.js';
import type { ChatAnswer } from '../llm/types.js';
import type { TaskLabel } from '../routing/tasks.js';
import type { ChatMemory } from './memory.js';
import { systemPrompt } from './system-prompt.js';

export interface SyncAnswerRequest {
  chatId: number;
  text: string;
  locale: 'en' | 'zh-TW';
  task: TaskLabel;
  links: ProviderName[];
  signal?: AbortSignal;
}

export interface SyncAnswerer {
  answer(request: SyncAnswerRequest): Promise<ChatAnswer & { text: string }>;
}

/** The sync path: the chat's recent turns + a system prompt in the user's language → the model chain → remember. */
export function createSyncAnswerer(deps: { chain: ModelChain; memory: ChatMemory; logger: Logger }): SyncAnswerer {
  return {
    async answer(request) {
      const history = await deps.memory.recent(request.chatId);
      const answer = await deps.chain.complete(request.links, {
        messages: [
          { role: 'system', content: systemPrompt(request.locale, request.task) },
          ...history,
          { role: 'user', content: request.text },
        ],
        temperature: 0.3,
        maxTokens: 1024,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      const text = (answer.message.content ?? '').trim();
      await deps.memory.remember(request.chatId, { role: 'user', content: request.text }, { role: 'assistant', content: text });
      deps.logger.info(
        {
          chat_id: request.chatId,
          task: request.task,
          provider: answer.provider,
          model: answer.model,
          attempts: answer.attempts,
          latency_ms: answer.latencyMs,
          tokens: answer.usage.promptTokens + answer.usage.completionTokens,
        },
        'sync answer',
      );
      return { ...answer, text };
    },
  };
}
