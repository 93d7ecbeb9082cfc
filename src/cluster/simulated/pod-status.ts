import { z } from 'zod';
import {
  CONTAINER_START_DELAY_MS,
  containerFailure,
  crashLoopTimeline,
  type ContainerFailure,
  type CrashLoopTimeline,
} from './container-health.js';
import { objectKey, type SimulatedContainer, type SimulatedPod, type SimulatedState } from './state.js';

export interface SimulatedContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  restarts: number;
  state: 'Running' | 'Waiting' | 'Terminated';
  reason: string | null;
  failure: ContainerFailure | null;
  /** set for a failing container */
  timeline: CrashLoopTimeline | null;
  /** why kubelet cannot build the container's environment (a missing Secret or ConfigMap key) */
  configError: string | null;
}

export interface SimulatedPodStatus {
  phase: 'Pending' | 'Running';
  reason: string | null;
  readyCount: number;
  restarts: number;
  containers: SimulatedContainerStatus[];
}

const envFromSchema = z.array(
  z.object({
    prefix: z.string().optional(),
    configMapRef: z.object({ name: z.string() }).optional(),
    secretRef: z.object({ name: z.string() }).optional(),
  }),
);
const keyRefSchema = z.object({ name: z.string(), key: z.string(), optional: z.boolean().optional() });
const valueFromSchema = z.object({ secretKeyRef: keyRefSchema.optional(), configMapKeyRef: keyRefSchema.optional() });
const dataSchema = z.object({
  data: z.record(z.string(), z.unknown()).optional(),
  stringData: z.record(z.string(), z.unknown()).optional(),
});

/** Variable names a container gets from the ConfigMaps and Secrets its envFrom names (those that exist). */
export function envFromKeys(state: SimulatedState, namespace: string, container: SimulatedContainer): Set<string> {
  const keys = new Set<string>();
  const sources = envFromSchema.safeParse(container.extra['envFrom']);
  if (!sources.success) return keys;
  for (const source of sources.data) {
    const ref = source.configMapRef
      ? objectKey('ConfigMap', namespace, source.configMapRef.name)
      : source.secretRef
        ? objectKey('Secret', namespace, source.secretRef.name)
        : undefined;
    const object = ref === undefined ? undefined : state.objects.get(ref);
    const data = dataSchema.safeParse(object?.body);
    if (!data.success) continue;
    for (const key of [...Object.keys(data.data.data ?? {}), ...Object.keys(data.data.stringData ?? {})]) {
      keys.add(`${source.prefix ?? ''}${key}`);
    }
  }
  return keys;
}

function dataKeys(state: SimulatedState, kind: 'Secret' | 'ConfigMap', namespace: string, name: string): Set<string> | null {
  const object = state.objects.get(objectKey(kind, namespace, name));
  if (!object) return null;
  const data = dataSchema.safeParse(object.body);
  return new Set(data.success ? [...Object.keys(data.data.data ?? {}), ...Object.keys(data.data.stringData ?? {})] : []);
}

/** kubelet's CreateContainerConfigError: an env reference to a Secret or ConfigMap (key) that does not exist. */
export function containerConfigError(state: SimulatedState, namespace: string, container: SimulatedContainer): string | null {
  for (const variable of container.env) {
    const from = valueFromSchema.safeParse(variable.valueFrom);
    if (!from.success) continue;
    const refs: Array<['Secret' | 'ConfigMap', z.infer<typeof keyRefSchema> | undefined]> = [
      ['Secret', from.data.secretKeyRef],
      ['ConfigMap', from.data.configMapKeyRef],
    ];
    for (const [kind, ref] of refs) {
      if (!ref || ref.optional) continue;
      const keys = dataKeys(state, kind, namespace, ref.name);
      const label = kind === 'Secret' ? 'secret' : 'configmap';
      if (keys === null) return `${label} "${ref.name}" not found`;
      if (!keys.has(ref.key)) return `couldn't find key ${ref.key} in ${kind} ${namespace}/${ref.name}`;
    }
  }
  const sources = envFromSchema.safeParse(container.extra['envFrom']);
  for (const source of sources.success ? sources.data : []) {
    if (source.configMapRef && dataKeys(state, 'ConfigMap', namespace, source.configMapRef.name) === null) {
      return `configmap "${source.configMapRef.name}" not found`;
    }
    if (source.secretRef && dataKeys(state, 'Secret', namespace, source.secretRef.name) === null) {
      return `secret "${source.secretRef.name}" not found`;
    }
  }
  return null;
}

function containerStatus(state: SimulatedState, pod: SimulatedPod, container: SimulatedContainer, ageMs: number) {
  const configError = ageMs < CONTAINER_START_DELAY_MS ? null : containerConfigError(state, pod.namespace, container);
  if (configError !== null) {
    return {
      name: container.name,
      image: container.image,
      failure: null,
      configError,
      ready: false,
      restarts: 0,
      state: 'Waiting',
      reason: 'CreateContainerConfigError',
      timeline: null,
    } satisfies SimulatedContainerStatus;
  }
  const failure = containerFailure(container, envFromKeys(state, pod.namespace, container));
  const base = { name: container.name, image: container.image, failure, configError: null };
  if (!failure) {
    const creating = ageMs < CONTAINER_START_DELAY_MS;
    return {
      ...base,
      ready: !creating,
      restarts: 0,
      state: creating ? 'Waiting' : 'Running',
      reason: creating ? 'ContainerCreating' : null,
      timeline: null,
    } satisfies SimulatedContainerStatus;
  }
  const timeline = crashLoopTimeline(ageMs);
  const shown: Pick<SimulatedContainerStatus, 'state' | 'reason'> =
    timeline.phase === 'creating'
      ? { state: 'Waiting', reason: 'ContainerCreating' }
      : timeline.phase === 'running'
        ? { state: 'Running', reason: null }
        : timeline.restarts === 0
          ? { state: 'Terminated', reason: 'Error' }
          : { state: 'Waiting', reason: 'CrashLoopBackOff' };
  return { ...base, ...shown, ready: false, restarts: timeline.restarts, timeline } satisfies SimulatedContainerStatus;
}

/** The status kubelet would report for the pod at `now`, derived from its spec and the cluster's state. */
export function podStatus(state: SimulatedState, pod: SimulatedPod, now: number): SimulatedPodStatus {
  if (pod.nodeName === null) {
    const containers = pod.containers.map((container) => ({
      name: container.name,
      image: container.image,
      ready: false,
      restarts: 0,
      state: 'Waiting' as const,
      reason: null,
      failure: null,
      timeline: null,
      configError: null,
    }));
    return { phase: 'Pending', reason: 'Unschedulable', readyCount: 0, restarts: 0, containers };
  }
  const ageMs = Math.max(0, now - pod.createdAt);
  const containers = pod.containers.map((container) => containerStatus(state, pod, container, ageMs));
  const creating = containers.some(
    (container) => container.reason === 'ContainerCreating' || container.reason === 'CreateContainerConfigError',
  );
  return {
    phase: creating ? 'Pending' : 'Running',
    reason: containers.find((container) => container.reason !== null)?.reason ?? null,
    readyCount: containers.filter((container) => container.ready).length,
    restarts: containers.reduce((sum, container) => sum + container.restarts, 0),
    containers,
  };
}
