import type { Logger } from 'pino';
import type { Translate } from '../../i18n/translator.js';
import type { WorkerPresenters } from '../../runtime/worker-role.js';
import { buttonSealFromBotToken } from '../button-codec.js';
import { createChatOutput, createTelegramApi, type ChatOutput } from '../chat-output.js';
import { createAgentJobPresenter } from './agent-job-presenter.js';
import { createAlertPresenter } from './alert-presenter.js';
import { createApprovalPresenter } from './approval-presenter.js';

export interface WorkerPresenterOptions {
  token: string | undefined;
  apiRoot: string;
  t: Translate;
  logger: Logger;
  defaultNamespace: string;
  timeZone: string;
  /** Tests and benchmarks may capture what the worker posts instead of going through Telegram. */
  output?: ChatOutput;
}

/** Everything the worker shows in chats goes out through grammY's Api (never getUpdates), rendered here. */
export function createWorkerPresenters(options: WorkerPresenterOptions): WorkerPresenters {
  if (!options.token && !options.output) throw new Error('the worker needs TELEGRAM_BOT_TOKEN to post results');
  const output = options.output ?? createChatOutput(createTelegramApi(options.token ?? '', options.apiRoot, options.logger));
  // Without a token (a captured output in tests and benchmarks) no bot could check the buttons anyway.
  const seal = buttonSealFromBotToken(options.token ?? '');
  return {
    approvals: createApprovalPresenter({
      output,
      t: options.t,
      seal,
      defaultNamespace: options.defaultNamespace,
      timeZone: options.timeZone,
    }),
    agentJobs: createAgentJobPresenter({ output, t: options.t }),
    alerts: createAlertPresenter({ output, t: options.t, timeZone: options.timeZone, seal }),
  };
}
