import { z } from 'zod';
import { isDns1123Label } from '../tools/kubernetes-names.js';

/** Where Kubernetes mounts the pod's service account; `namespace` names the namespace the pod runs in. */
export const SERVICE_ACCOUNT_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

const namespaceName = z
  .string()
  .trim()
  .refine((name) => isDns1123Label(name));

export interface OwnNamespaceSources {
  env: Record<string, string | undefined>;
  /** Reads a file's text; throws (or returns undefined) when there is none. */
  readFile: (path: string) => string | undefined;
}

/**
 * The namespace the bot itself runs in, when it can be known: POD_NAMESPACE (the downward API), else the
 * mounted service account's namespace file. Undefined outside a pod. A value that is not a namespace name is
 * ignored rather than trusted.
 */
export function ownNamespace(sources: OwnNamespaceSources): string | undefined {
  const fromEnv = namespaceName.safeParse(sources.env['POD_NAMESPACE']);
  if (fromEnv.success) return fromEnv.data;
  let fromFile: string | undefined;
  try {
    fromFile = sources.readFile(SERVICE_ACCOUNT_NAMESPACE_FILE);
  } catch {
    return undefined;
  }
  const parsed = namespaceName.safeParse(fromFile);
  return parsed.success ? parsed.data : undefined;
}
