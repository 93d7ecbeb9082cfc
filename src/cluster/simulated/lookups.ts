import { ClusterError } from '../cluster-error.js';
import {
  objectKey,
  podKey,
  workloadKey,
  type SimulatedNode,
  type SimulatedObject,
  type SimulatedPod,
  type SimulatedState,
  type SimulatedWorkload,
  type SimulatedWorkloadKind,
} from './state.js';

/** The namespace the simulated cluster uses when a call names none (the scoped wrapper normally fills it). */
export const SIMULATED_FALLBACK_NAMESPACE = 'default';

export function notFound(kind: string, name: string, namespace?: string): ClusterError {
  const where = namespace === undefined ? '' : ` in namespace "${namespace}"`;
  return new ClusterError('not_found', `${kind} "${name}" not found${where}`, {
    kind,
    name,
    ...(namespace === undefined ? {} : { namespace }),
  });
}

export function requireNamespace(state: SimulatedState, namespace: string | undefined): string {
  const name = namespace ?? SIMULATED_FALLBACK_NAMESPACE;
  if (!state.namespaces.has(name)) throw notFound('namespace', name);
  return name;
}

export function requireWorkload(state: SimulatedState, kind: SimulatedWorkloadKind, namespace: string, name: string): SimulatedWorkload {
  const workload = state.workloads.get(workloadKey(kind, namespace, name));
  if (!workload) throw notFound(kind.toLowerCase(), name, namespace);
  return workload;
}

export function requirePod(state: SimulatedState, namespace: string, name: string): SimulatedPod {
  const pod = state.pods.get(podKey(namespace, name));
  if (!pod) throw notFound('pod', name, namespace);
  return pod;
}

export function requireNode(state: SimulatedState, name: string): SimulatedNode {
  const node = state.nodes.get(name);
  if (!node) throw notFound('node', name);
  return node;
}

export function requireObject(
  state: SimulatedState,
  manifestKind: string,
  catalogKind: string,
  namespace: string,
  name: string,
): SimulatedObject {
  const object = state.objects.get(objectKey(manifestKind, namespace, name));
  if (!object) throw notFound(catalogKind, name, namespace);
  return object;
}
