/** The provider answered 2xx but the body is not a usable chat.completion. */
export class InvalidProviderResponseError extends Error {
  constructor(detail: string) {
    super(`invalid chat.completion body: ${detail}`);
    this.name = 'InvalidProviderResponseError';
  }
}

const MAX_MESSAGE_LENGTH = 300;

/**
 * An error message fit for logs and /status: the API key and any bearer token removed, cut short. The openai
 * SDK's messages carry the status and the provider's error text, not request headers, but a provider may echo
 * what it was sent.
 */
export function safeErrorMessage(error: unknown, apiKey: string | undefined): string {
  let message = error instanceof Error ? error.message : String(error);
  if (apiKey && apiKey.length >= 4) message = message.split(apiKey).join('[redacted]');
  message = message.replace(/(bearer\s+)[^\s"',]+/gi, '$1[redacted]');
  message = message.replace(/([?&]key=)[^\s&"']+/gi, '$1[redacted]');
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}
