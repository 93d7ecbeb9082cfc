/** The write tools over a simulated cluster's state. Each runs on a working copy the caller commits or drops. */

import { z } from 'zod';
import { ClusterError } from '../cluster-error.js';
import { RESOURCE_KIND_INFO, kubectlResourceName, kubectlResourceType } from '../resource-kinds.js';
import type { ChangeResult, JsonObject } from '../results.js';
import type { ChangeRequest } from '../executor.js';
import type { DeploymentRef, ObjectRef, RollbackRequest, ScaleRequest } from '../capability-inputs.js';
import { applyManifest } from './apply.js';
import { notFound, requireNamespace, requireNode, requireObject, requirePod, requireWorkload } from './lookups.js';
import { podStatus } from './pod-status.js';
import { reconcile, removePod } from './reconcile.js';
import { commitTemplate } from './revisions.js';
import { objectKey, podsOf, workloadKey, type SimulatedState, type SimulatedWorkload } from './state.js';
import { iso, workloadCounts } from './views.js';

export interface SimulatedWriteOutcome {
  result: ChangeResult;
  currentRevision?: number;
  targetRevision?: number;
  diff?: string;
  notes: string[];
}

const images = (workload: SimulatedWorkload) => workload.template.containers.map((container) => container.image);
const podNames = (state: SimulatedState, workload: SimulatedWorkload) => podsOf(state, workload).map((pod) => pod.name);

function deploymentOf(state: SimulatedState, args: { name: string; namespace?: string }): SimulatedWorkload {
  const namespace = requireNamespace(state, args.namespace);
  return requireWorkload(state, 'Deployment', namespace, args.name);
}

const hpaSchema = z.object({
  spec: z.object({
    scaleTargetRef: z.object({ kind: z.string(), name: z.string() }),
    minReplicas: z.number().optional(),
    maxReplicas: z.number(),
  }),
});

/** An HPA on the deployment will undo a manual scale; the approver should know. */
function autoscalerNote(state: SimulatedState, workload: SimulatedWorkload): string[] {
  for (const object of state.objects.values()) {
    if (object.kind !== 'HorizontalPodAutoscaler' || object.namespace !== workload.namespace) continue;
    const hpa = hpaSchema.safeParse(object.body);
    if (!hpa.success) continue;
    const target = hpa.data.spec.scaleTargetRef;
    if (target.kind === 'Deployment' && target.name === workload.name) {
      const { minReplicas = 1, maxReplicas } = hpa.data.spec;
      const range = `min ${minReplicas}, max ${maxReplicas}`;
      return [`HorizontalPodAutoscaler ${object.name} manages this deployment (${range}); it may change the replica count again`];
    }
  }
  return [];
}

export function restartDeployment(state: SimulatedState, args: DeploymentRef, now: number): SimulatedWriteOutcome {
  const workload = deploymentOf(state, args);
  const before = { revision: workload.revision, pods: podNames(state, workload) };
  const restartedAt = iso(now);
  const template = structuredClone(workload.template);
  template.annotations['kubectl.kubernetes.io/restartedAt'] = restartedAt;
  commitTemplate(workload, template, now, null);
  reconcile(state, now);
  return {
    result: {
      action: 'restart',
      kind: 'deployment',
      name: workload.name,
      namespace: workload.namespace,
      changed: true,
      before,
      after: { revision: workload.revision, pods: podNames(state, workload), restartedAt },
      message: `${kubectlResourceName(workload.apiVersion, workload.kind, workload.name)} restarted`,
    },
    currentRevision: before.revision,
    targetRevision: workload.revision,
    notes: [],
  };
}

export function scaleDeployment(state: SimulatedState, args: ScaleRequest, now: number): SimulatedWriteOutcome {
  if (!Number.isInteger(args.replicas) || args.replicas < 0) {
    throw new ClusterError('invalid', `replicas must be a whole number of at least 0, not ${args.replicas}`, {
      field: 'replicas',
      value: String(args.replicas),
    });
  }
  const workload = deploymentOf(state, args);
  const counts = workloadCounts(state, workload, now);
  const before = { replicas: workload.replicas, ready: counts.ready };
  const resource = kubectlResourceName(workload.apiVersion, workload.kind, workload.name);
  const changed = workload.replicas !== args.replicas;
  if (changed) {
    workload.replicas = args.replicas;
    reconcile(state, now);
  }
  return {
    result: {
      action: 'scale',
      kind: 'deployment',
      name: workload.name,
      namespace: workload.namespace,
      changed,
      before,
      after: { replicas: args.replicas },
      message: changed
        ? `${resource} scaled from ${before.replicas} to ${args.replicas}`
        : `${resource} already has ${args.replicas} replicas`,
    },
    notes: autoscalerNote(state, workload),
  };
}

export function rollbackDeployment(state: SimulatedState, args: RollbackRequest, now: number): SimulatedWriteOutcome {
  const workload = deploymentOf(state, args);
  const older = workload.history.filter((entry) => entry.revision < workload.revision).sort((a, b) => b.revision - a.revision);
  const target = args.revision === undefined ? older[0] : workload.history.find((entry) => entry.revision === args.revision);
  if (!target) {
    const error = notFound('revision', String(args.revision ?? 'previous'), workload.namespace);
    error.details['deployment'] = workload.name;
    throw error;
  }
  const resource = kubectlResourceName(workload.apiVersion, workload.kind, workload.name);
  const before = { revision: workload.revision, images: images(workload) };
  const changed = commitTemplate(workload, target.template, now, target.changeCause);
  if (changed) reconcile(state, now);
  return {
    result: {
      action: 'rollback',
      kind: 'deployment',
      name: workload.name,
      namespace: workload.namespace,
      changed,
      before,
      after: { revision: workload.revision, images: images(workload), restoredRevision: target.revision },
      message: changed
        ? `${resource} rolled back to revision ${target.revision} (now revision ${workload.revision})`
        : `${resource}: skipped rollback (current template already matches revision ${target.revision})`,
    },
    currentRevision: before.revision,
    targetRevision: target.revision,
    notes: changed ? [`revision ${target.revision} becomes revision ${workload.revision}, as kubectl rollout undo does`] : [],
  };
}

export function deleteResource(state: SimulatedState, args: ObjectRef, now: number): SimulatedWriteOutcome {
  const info = RESOURCE_KIND_INFO[args.kind];
  const deleted = (namespace: string | undefined, before: JsonObject, notes: string[]): SimulatedWriteOutcome => {
    reconcile(state, now);
    return {
      result: {
        action: 'delete',
        kind: args.kind,
        name: args.name,
        ...(namespace === undefined ? {} : { namespace }),
        changed: true,
        before,
        message: `${kubectlResourceType(info.apiVersion, info.kind)} "${args.name}" deleted`,
      },
      notes,
    };
  };

  if (args.kind === 'node') {
    const node = requireNode(state, args.name);
    const pods = [...state.pods.values()].filter((pod) => pod.nodeName === node.name);
    state.nodes.delete(node.name);
    const owned = pods.filter((pod) => pod.owner !== null && pod.owner.kind !== 'DaemonSet').length;
    return deleted(undefined, { roles: node.roles, pods: pods.map((pod) => `${pod.namespace}/${pod.name}`) }, [
      `${pods.length} pods on ${node.name} stop; ${owned} of them are recreated on other nodes by their controllers`,
    ]);
  }

  const namespace = requireNamespace(state, args.namespace);
  if (args.kind === 'pod') {
    const pod = requirePod(state, namespace, args.name);
    const status = podStatus(state, pod, now);
    removePod(state, pod, now);
    const owner = pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : null;
    const notes = owner ? [`owned by ${owner}: its controller creates a replacement pod`] : [];
    return deleted(namespace, { phase: status.phase, reason: status.reason, node: pod.nodeName, owner }, notes);
  }

  if (args.kind === 'deployment' || args.kind === 'statefulset' || args.kind === 'daemonset') {
    const workload = requireWorkload(state, info.kind as SimulatedWorkload['kind'], namespace, args.name);
    const pods = podNames(state, workload);
    state.workloads.delete(workloadKey(workload.kind, namespace, workload.name));
    const before = { replicas: workload.replicas, images: images(workload), pods };
    return deleted(namespace, before, [`its ${pods.length} pods are deleted with it`]);
  }

  const object = requireObject(state, info.kind, args.kind, namespace, args.name);
  state.objects.delete(objectKey(object.kind, namespace, object.name));
  const before: JsonObject = { kind: object.kind, createdAt: iso(object.createdAt) };
  const data = object.body['data'];
  if (object.kind === 'ConfigMap' && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    before['keys'] = Object.keys(data);
  }
  return deleted(namespace, before, []);
}

export function runSimulatedWrite(state: SimulatedState, call: ChangeRequest, now: number): SimulatedWriteOutcome {
  switch (call.name) {
    case 'restart_deployment':
      return restartDeployment(state, call.arguments, now);
    case 'scale_deployment':
      return scaleDeployment(state, call.arguments, now);
    case 'rollback_deployment':
      return rollbackDeployment(state, call.arguments, now);
    case 'delete_resource':
      return deleteResource(state, call.arguments, now);
    case 'apply_manifest':
      return applyManifest(state, call.arguments, now);
  }
}
