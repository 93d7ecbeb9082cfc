/** The operator-facing summaries of simulated objects (what kubectl get shows). */

import { formatAge } from '../format-age.js';
import type { DeploymentSummary, NodeSummary, PodSummary } from '../results.js';
import { podStatus } from './pod-status.js';
import { podsOf, type SimulatedNode, type SimulatedPod, type SimulatedState, type SimulatedWorkload } from './state.js';

export const iso = (ms: number) => new Date(ms).toISOString();

export function podSummary(state: SimulatedState, pod: SimulatedPod, now: number): PodSummary {
  const status = podStatus(state, pod, now);
  return {
    name: pod.name,
    namespace: pod.namespace,
    phase: status.phase,
    ready: `${status.readyCount}/${pod.containers.length}`,
    restarts: status.restarts,
    age: formatAge(now - pod.createdAt),
    createdAt: iso(pod.createdAt),
    node: pod.nodeName,
    reason: status.reason,
    ip: pod.nodeName === null ? null : pod.ip,
    owner: pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : null,
    images: pod.containers.map((container) => container.image),
    labels: { ...pod.labels },
  };
}

export interface WorkloadCounts {
  desired: number;
  total: number;
  updated: number;
  ready: number;
}

export function workloadCounts(state: SimulatedState, workload: SimulatedWorkload, now: number): WorkloadCounts {
  const pods = podsOf(state, workload);
  const schedulableNodes = [...state.nodes.values()].filter((node) => !node.unschedulable).length;
  const desired = workload.kind === 'DaemonSet' ? schedulableNodes : workload.replicas;
  return {
    desired,
    total: pods.length,
    updated: pods.filter((pod) => pod.templateHash === workload.templateHash).length,
    ready: pods.filter((pod) => {
      const status = podStatus(state, pod, now);
      return status.readyCount === pod.containers.length;
    }).length,
  };
}

export function deploymentSummary(state: SimulatedState, workload: SimulatedWorkload, now: number): DeploymentSummary {
  const counts = workloadCounts(state, workload, now);
  return {
    name: workload.name,
    namespace: workload.namespace,
    ready: `${counts.ready}/${counts.desired}`,
    desired: counts.desired,
    updated: counts.updated,
    available: counts.ready,
    images: workload.template.containers.map((container) => container.image),
    revision: workload.revision,
    strategy: workload.strategy,
    age: formatAge(now - workload.createdAt),
    createdAt: iso(workload.createdAt),
  };
}

export function nodeSummary(state: SimulatedState, node: SimulatedNode, now: number): NodeSummary {
  const ready = node.conditions.find((condition) => condition.type === 'Ready')?.status === 'True';
  return {
    name: node.name,
    status: `${ready ? 'Ready' : 'NotReady'}${node.unschedulable ? ',SchedulingDisabled' : ''}`,
    roles: [...node.roles],
    version: node.version,
    age: formatAge(now - node.createdAt),
    createdAt: iso(node.createdAt),
    internalIP: node.internalIP,
    capacity: { ...node.capacity },
    allocatable: { ...node.allocatable },
    conditions: node.conditions.map((condition) => ({ ...condition })),
    taints: [...node.taints],
    podCount: [...state.pods.values()].filter((pod) => pod.nodeName === node.name).length,
  };
}
