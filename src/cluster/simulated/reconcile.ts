/** The simulated controllers: make every workload's pods match its spec, instantly. */

import { recordEvent } from './events.js';
import { randomInt, randomSuffix } from './random.js';
import {
  podKey,
  podsOf,
  workloadKey,
  type SimulatedNode,
  type SimulatedPod,
  type SimulatedState,
  type SimulatedWorkload,
} from './state.js';

function schedulable(node: SimulatedNode, tolerateTaints: boolean): boolean {
  if (node.unschedulable) return false;
  return tolerateTaints || !node.taints.some((taint) => /:(NoSchedule|NoExecute)$/.test(taint));
}

/** Spread like the default scheduler would: fewest pods of this workload, then fewest pods, then by name. */
export function chooseNode(state: SimulatedState, workload: { name: string; namespace: string }): string | null {
  const pods = [...state.pods.values()];
  const candidates = [...state.nodes.values()]
    .filter((node) => schedulable(node, false))
    .map((node) => ({
      name: node.name,
      mine: pods.filter((pod) => pod.nodeName === node.name && pod.owner?.name === workload.name && pod.namespace === workload.namespace)
        .length,
      all: pods.filter((pod) => pod.nodeName === node.name).length,
    }))
    .sort((a, b) => a.mine - b.mine || a.all - b.all || a.name.localeCompare(b.name));
  return candidates[0]?.name ?? null;
}

export function allocateIp(state: SimulatedState, nodeName: string | null): string {
  const nodeIndex = nodeName === null ? 0 : [...state.nodes.keys()].sort().indexOf(nodeName);
  const used = new Set([...state.pods.values()].map((pod) => pod.ip));
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const ip = `10.42.${nodeIndex}.${10 + randomInt(state, 240)}`;
    if (!used.has(ip)) return ip;
  }
  // Only a contrived state fills a node's /24; an address outside it keeps pods apart.
  return `10.42.${128 + nodeIndex}.${used.size % 250}`;
}

function createPod(state: SimulatedState, workload: SimulatedWorkload, name: string, nodeName: string | null, now: number) {
  const hashLabel = workload.kind === 'Deployment' ? 'pod-template-hash' : 'controller-revision-hash';
  const pod: SimulatedPod = {
    name,
    namespace: workload.namespace,
    createdAt: now,
    nodeName,
    ip: allocateIp(state, nodeName),
    owner: { kind: workload.kind, name: workload.name },
    templateHash: workload.templateHash,
    labels: { ...workload.template.labels, [hashLabel]: workload.templateHash },
    containers: structuredClone(workload.template.containers),
  };
  state.pods.set(podKey(pod.namespace, pod.name), pod);
  return pod;
}

/** Removes a pod and records what kubelet reports while stopping it. */
export function removePod(state: SimulatedState, pod: SimulatedPod, now: number): void {
  state.pods.delete(podKey(pod.namespace, pod.name));
  recordEvent(state, now, {
    namespace: pod.namespace,
    type: 'Normal',
    reason: 'Killing',
    objectKind: 'Pod',
    objectName: pod.name,
    owner: pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : null,
    message: `Stopping container ${pod.containers.map((container) => container.name).join(', ')}`,
  });
}

/** Records an event by a workload's controller about the workload or one of its ReplicaSets. */
function controllerEvent(
  state: SimulatedState,
  now: number,
  workload: SimulatedWorkload,
  event: { objectKind: string; objectName: string; reason: string; message: string },
): void {
  recordEvent(state, now, {
    namespace: workload.namespace,
    type: 'Normal',
    owner: `${workload.kind}/${workload.name}`,
    ...event,
  });
}

function reconcileDeployment(state: SimulatedState, workload: SimulatedWorkload, now: number): void {
  const pods = podsOf(state, workload);
  const replicaSet = (hash: string) => `${workload.name}-${hash}`;
  const replicaSetEvent = (hash: string, reason: string, message: string) =>
    controllerEvent(state, now, workload, { objectKind: 'ReplicaSet', objectName: replicaSet(hash), reason, message });
  const scaled = (hash: string, direction: 'up' | 'down', count: number) =>
    controllerEvent(state, now, workload, {
      objectKind: 'Deployment',
      objectName: workload.name,
      reason: 'ScalingReplicaSet',
      message: `Scaled ${direction} replica set ${replicaSet(hash)} to ${count}`,
    });

  const hash = workload.templateHash;
  const current = pods.filter((pod) => pod.templateHash === hash).sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  if (current.length < workload.replicas) {
    for (let i = current.length; i < workload.replicas; i += 1) {
      const name = `${replicaSet(hash)}-${randomSuffix(state)}`;
      createPod(state, workload, name, chooseNode(state, workload), now);
      replicaSetEvent(hash, 'SuccessfulCreate', `Created pod: ${name}`);
    }
    scaled(hash, 'up', workload.replicas);
  }
  if (current.length > workload.replicas) {
    for (const pod of current.slice(workload.replicas).reverse()) {
      removePod(state, pod, now);
      replicaSetEvent(hash, 'SuccessfulDelete', `Deleted pod: ${pod.name}`);
    }
    scaled(hash, 'down', workload.replicas);
  }

  // Old ReplicaSets go to zero: the simulated rollout completes at once.
  const old = pods.filter((pod) => pod.templateHash !== hash);
  for (const oldHash of new Set(old.map((pod) => pod.templateHash))) {
    for (const pod of old.filter((candidate) => candidate.templateHash === oldHash)) {
      removePod(state, pod, now);
      replicaSetEvent(oldHash, 'SuccessfulDelete', `Deleted pod: ${pod.name}`);
    }
    scaled(oldHash, 'down', 0);
  }
}

function reconcileStatefulSet(state: SimulatedState, workload: SimulatedWorkload, now: number): void {
  const event = (verb: 'create' | 'delete', pod: string) =>
    controllerEvent(state, now, workload, {
      objectKind: 'StatefulSet',
      objectName: workload.name,
      reason: verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete',
      message: `${verb} Pod ${pod} in StatefulSet ${workload.name} successful`,
    });
  for (const pod of podsOf(state, workload)) {
    const ordinal = Number(pod.name.slice(workload.name.length + 1));
    if (!(ordinal < workload.replicas) || pod.templateHash !== workload.templateHash) {
      removePod(state, pod, now);
      event('delete', pod.name);
    }
  }
  for (let ordinal = 0; ordinal < workload.replicas; ordinal += 1) {
    const name = `${workload.name}-${ordinal}`;
    if (state.pods.has(podKey(workload.namespace, name))) continue;
    createPod(state, workload, name, chooseNode(state, workload), now);
    event('create', name);
  }
}

function reconcileDaemonSet(state: SimulatedState, workload: SimulatedWorkload, now: number): void {
  const pods = podsOf(state, workload);
  for (const node of [...state.nodes.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const onNode = pods.filter((pod) => pod.nodeName === node.name);
    const outdated = onNode.filter((candidate) => candidate.templateHash !== workload.templateHash);
    for (const pod of outdated) removePod(state, pod, now);
    // DaemonSet pods tolerate the node-condition taints, so only cordoning keeps them away.
    if (!schedulable(node, true) || onNode.some((pod) => pod.templateHash === workload.templateHash)) continue;
    const pod = createPod(state, workload, `${workload.name}-${randomSuffix(state)}`, node.name, now);
    controllerEvent(state, now, workload, {
      objectKind: 'DaemonSet',
      objectName: workload.name,
      reason: 'SuccessfulCreate',
      message: `Created pod: ${pod.name}`,
    });
  }
}

/** Garbage-collects pods whose owner or node is gone, then brings every workload to its desired pods. */
export function reconcile(state: SimulatedState, now: number): void {
  for (const pod of [...state.pods.values()]) {
    const ownerGone = pod.owner !== null && !state.workloads.has(workloadKey(pod.owner.kind, pod.namespace, pod.owner.name));
    const nodeGone = pod.nodeName !== null && !state.nodes.has(pod.nodeName);
    if (ownerGone || nodeGone) removePod(state, pod, now);
  }
  for (const workload of [...state.workloads.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (workload.kind === 'Deployment') reconcileDeployment(state, workload, now);
    else if (workload.kind === 'StatefulSet') reconcileStatefulSet(state, workload, now);
    else reconcileDaemonSet(state, workload, now);
  }
}
