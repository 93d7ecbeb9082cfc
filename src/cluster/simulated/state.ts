import { createHash } from 'node:crypto';
import type { JsonObject, NodeCondition, NodeResources } from '../results.js';
import { stableStringify } from './stable-json.js';

/** In-memory state of one simulated cluster. Plain data (Maps and objects) so it can be cloned and hashed. */

export type SimulatedWorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface SimulatedEnvVar {
  name: string;
  value?: string;
  valueFrom?: JsonObject;
}

export interface SimulatedContainer {
  name: string;
  image: string;
  env: SimulatedEnvVar[];
  /** every other container field (ports, resources, envFrom, probes...), kept verbatim */
  extra: JsonObject;
}

export interface SimulatedPodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  containers: SimulatedContainer[];
  /** every other pod spec field (volumes, nodeSelector...), kept verbatim */
  specExtra: JsonObject;
  /** every other template metadata field, kept verbatim (absent when there is none) */
  metadataExtra?: JsonObject;
}

export interface SimulatedRevision {
  revision: number;
  template: SimulatedPodTemplate;
  templateHash: string;
  createdAt: number;
  changeCause: string | null;
}

export interface SimulatedWorkload {
  kind: SimulatedWorkloadKind;
  apiVersion: string;
  name: string;
  namespace: string;
  createdAt: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** ignored for DaemonSets (one pod per node) */
  replicas: number;
  selector: Record<string, string>;
  /** Deployment strategy type (RollingUpdate | Recreate) */
  strategy: string;
  /** every other spec field (serviceName, updateStrategy...), kept verbatim */
  specExtra: JsonObject;
  template: SimulatedPodTemplate;
  templateHash: string;
  revision: number;
  /** every kept revision, including the current one */
  history: SimulatedRevision[];
  /** every top-level field of the applied manifest besides apiVersion, kind, metadata and spec (absent when none) */
  bodyExtra?: JsonObject;
}

export interface SimulatedPod {
  name: string;
  namespace: string;
  createdAt: number;
  /** null while no node can take the pod */
  nodeName: string | null;
  ip: string;
  owner: { kind: SimulatedWorkloadKind; name: string } | null;
  templateHash: string;
  labels: Record<string, string>;
  containers: SimulatedContainer[];
  /** A pod applied from a manifest keeps all of it: its annotations, every other spec field, every other top-level field. */
  annotations?: Record<string, string>;
  specExtra?: JsonObject;
  bodyExtra?: JsonObject;
}

/** Any other object (Service, ConfigMap, Ingress, Job, Secret, ...), stored as its manifest body. */
export interface SimulatedObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** null for cluster-scoped kinds */
  namespace: string | null;
  createdAt: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  body: JsonObject;
}

export interface SimulatedNode {
  name: string;
  createdAt: number;
  roles: string[];
  version: string;
  internalIP: string;
  capacity: NodeResources;
  allocatable: NodeResources;
  conditions: NodeCondition[];
  /** key:effect, e.g. node.kubernetes.io/memory-pressure:NoSchedule */
  taints: string[];
  unschedulable: boolean;
}

export interface SimulatedEvent {
  namespace: string;
  type: 'Normal' | 'Warning';
  reason: string;
  objectKind: string;
  objectName: string;
  /** the workload behind the object, e.g. "Deployment/api" for its pods and ReplicaSets */
  owner: string | null;
  message: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

export interface SimulatedState {
  /** annotations and body (spec...) only for namespaces applied from a manifest that has them */
  namespaces: Map<string, { createdAt: number; labels: Record<string, string>; annotations?: Record<string, string>; body?: JsonObject }>;
  nodes: Map<string, SimulatedNode>;
  /** keyed by workloadKey */
  workloads: Map<string, SimulatedWorkload>;
  /** keyed by podKey */
  pods: Map<string, SimulatedPod>;
  /** keyed by objectKey */
  objects: Map<string, SimulatedObject>;
  events: SimulatedEvent[];
  randomState: number;
}

export const workloadKey = (kind: SimulatedWorkloadKind, namespace: string, name: string) => `${kind}/${namespace}/${name}`;
export const podKey = (namespace: string, name: string) => `${namespace}/${name}`;
export const objectKey = (kind: string, namespace: string | null, name: string) => `${kind}/${namespace ?? ''}/${name}`;

export function emptyState(randomSeed: number): SimulatedState {
  return {
    namespaces: new Map(),
    nodes: new Map(),
    workloads: new Map(),
    pods: new Map(),
    objects: new Map(),
    events: [],
    randomState: randomSeed | 0,
  };
}

export function cloneState(state: SimulatedState): SimulatedState {
  return structuredClone(state);
}

/** A hash of everything in the state: equal fingerprints mean nothing changed. */
export function fingerprintState(state: SimulatedState): string {
  return createHash('sha256').update(stableStringify(state)).digest('hex');
}

export function podsOf(state: SimulatedState, workload: { kind: SimulatedWorkloadKind; namespace: string; name: string }) {
  return [...state.pods.values()]
    .filter((pod) => pod.namespace === workload.namespace && pod.owner?.kind === workload.kind && pod.owner.name === workload.name)
    .sort((a, b) => a.name.localeCompare(b.name));
}
