import type { UploadedFile } from './bot-api-emulator-request.js';

/**
 * One emulated Bot API method: takes the call's raw params (and the files a multipart call uploaded, by form field
 * name), returns the `result` or throws BotApiEmulatorError.
 */
export type BotApiMethodHandler = (
  params: Record<string, unknown>,
  call: { token: string; signal: AbortSignal; files: ReadonlyMap<string, UploadedFile> },
) => unknown;

/** Method handlers by their Bot API name (looked up case-insensitively, as Telegram does). */
export type BotApiMethodTable = Record<string, BotApiMethodHandler>;
