/** The run was cancelled (the person's /cancel, or the job's signal). Named like DOM's AbortError on purpose. */
export class AgentCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'agent run cancelled') {
    super(message);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AgentCancelledError();
}
