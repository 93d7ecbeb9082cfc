export const CLUSTER_ERROR_CODES = [
  'not_found',
  'forbidden',
  'conflict',
  'invalid',
  'out_of_scope',
  'protected_namespace',
  'refused_by_policy',
  'unavailable',
] as const;
export type ClusterErrorCode = (typeof CLUSTER_ERROR_CODES)[number];

/**
 * The one error type executors throw. `details` carries plain strings (kind, name, namespace, verb, ...)
 * so the bot can build a localized message without parsing `message`.
 */
export class ClusterError extends Error {
  override readonly name = 'ClusterError';

  constructor(
    readonly code: ClusterErrorCode,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function isClusterError(error: unknown): error is ClusterError {
  return error instanceof ClusterError;
}
