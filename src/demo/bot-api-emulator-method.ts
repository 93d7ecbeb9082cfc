/** One emulated Bot API method: takes the call's raw params, returns the `result` or throws BotApiEmulatorError. */
export type BotApiMethodHandler = (params: Record<string, unknown>, call: { token: string; signal: AbortSignal }) => unknown;

/** Method handlers by their Bot API name (looked up case-insensitively, as Telegram does). */
export type BotApiMethodTable = Record<string, BotApiMethodHandler>;
