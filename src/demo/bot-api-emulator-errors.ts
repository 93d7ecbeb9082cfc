/** An error the emulator answers with, in Telegram's wire shape: {ok:false, error_code, description, parameters?}. */
export class BotApiEmulatorError extends Error {
  readonly errorCode: number;
  readonly description: string;
  readonly retryAfter: number | undefined;

  constructor(errorCode: number, description: string, retryAfter?: number) {
    super(`${errorCode}: ${description}`);
    this.name = 'BotApiEmulatorError';
    this.errorCode = errorCode;
    this.description = description;
    this.retryAfter = retryAfter;
  }

  toResponseBody(): {
    ok: false;
    error_code: number;
    description: string;
    parameters?: { retry_after: number };
  } {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.retryAfter === undefined ? {} : { parameters: { retry_after: this.retryAfter } }),
    };
  }
}

export function badRequest(detail: string): BotApiEmulatorError {
  return new BotApiEmulatorError(400, `Bad Request: ${detail}`);
}

export const GET_UPDATES_CONFLICT = 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

export const MESSAGE_NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
