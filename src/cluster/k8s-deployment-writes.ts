/**
 * restart_deployment, scale_deployment and rollback_deployment against the API server, each with its
 * preview: the same request with dryRun=All, and the difference it would make.
 */

import { ClusterError } from './cluster-error.js';
import { sendRaw, type KubeExecutorContext } from './k8s-context.js';
import { liveVersusDryRunDiff } from './k8s-diff.js';
import { listPodsBySelector, podNames, readDeploymentRaw, readReplicaSetsOf } from './k8s-lookups.js';
import { kubeListSchema, parseKube, scaleObjectSchema, workloadObjectSchema, type WorkloadObject } from './k8s-objects.js';
import { rollbackDeploymentRequest, restartDeploymentRequest, rfc3339, scaleDeploymentRequest, type WriteOptions } from './k8s-requests.js';
import { nextRevision, pickRollbackTarget, revisionOf, rollbackPatch, templateImages, templatesEqualIgnoringHash } from './k8s-rollout.js';
import { kubectlResourceName } from './resource-kinds.js';
import type { ChangePreview, ChangeResult, JsonObject } from './results.js';
import type { DeploymentRef, RollbackRequest, ScaleRequest } from './capability-inputs.js';

type Namespaced<A> = A & { namespace: string };

const patchCall = (namespace: string, name: string, resource = 'deployments') =>
  ({ verb: 'patch', resource, group: 'apps', namespace, name, kind: 'deployment' }) as const;

const writeOptions = (context: KubeExecutorContext, dryRun: boolean): WriteOptions => ({ fieldManager: context.fieldManager, dryRun });
const resourceName = (name: string) => kubectlResourceName('apps/v1', 'Deployment', name);
const target = (name: string, namespace: string) => ({ kind: 'deployment', name, namespace });

function refuseIfPaused(deployment: WorkloadObject, message: string): void {
  if (deployment.spec.paused) {
    const { name, namespace } = deployment.metadata;
    throw new ClusterError('invalid', `deployment "${name}": ${message}`, {
      kind: 'deployment',
      name,
      ...(namespace === undefined ? {} : { namespace }),
      reason: 'Paused',
    });
  }
}

// ---- restart ----

interface RestartPlan {
  deployment: WorkloadObject;
  pods: string[];
  restartedAt: string;
}

async function planRestart(context: KubeExecutorContext, args: Namespaced<DeploymentRef>): Promise<RestartPlan> {
  const deployment = await readDeploymentRaw(context, args.namespace, args.name);
  // kubectl rollout restart refuses a paused deployment the same way.
  refuseIfPaused(deployment, "can't restart paused deployment (run rollout resume first)");
  const pods = podNames(await listPodsBySelector(context, args.namespace, deployment.spec.selector));
  return { deployment, pods, restartedAt: rfc3339(context.now()) };
}

function sendRestart(context: KubeExecutorContext, args: Namespaced<DeploymentRef>, restartedAt: string, dryRun: boolean) {
  const request = restartDeploymentRequest(args.namespace, args.name, restartedAt, writeOptions(context, dryRun));
  return sendRaw(context, patchCall(args.namespace, args.name), request);
}

export async function restartDeployment(context: KubeExecutorContext, args: Namespaced<DeploymentRef>): Promise<ChangeResult> {
  const plan = await planRestart(context, args);
  await sendRestart(context, args, plan.restartedAt, false);
  return {
    action: 'restart',
    ...target(args.name, args.namespace),
    changed: true,
    before: { revision: revisionOf(plan.deployment), pods: plan.pods },
    after: { restartedAt: plan.restartedAt },
    message: `${resourceName(args.name)} restarted`,
  };
}

export async function previewRestart(context: KubeExecutorContext, args: Namespaced<DeploymentRef>): Promise<ChangePreview> {
  const plan = await planRestart(context, args);
  const replicaSets = await readReplicaSetsOf(context, plan.deployment);
  const merged = parseKube(workloadObjectSchema, await sendRestart(context, args, plan.restartedAt, true), 'dry-run restart');
  const current = revisionOf(plan.deployment) ?? 0;
  const next = nextRevision(plan.deployment, replicaSets);
  return {
    action: 'restart',
    target: target(args.name, args.namespace),
    current: { revision: current, pods: plan.pods },
    after: { revision: next, restartedAt: plan.restartedAt },
    affectedPods: plan.pods,
    currentRevision: current,
    targetRevision: next,
    diff: liveVersusDryRunDiff(plan.deployment, merged, `deployment/${args.namespace}/${args.name}`),
    dryRun: 'server',
    notes: [`every pod is replaced, following the ${strategyOf(plan.deployment)} strategy`],
  };
}

function strategyOf(deployment: WorkloadObject): string {
  const strategy = deployment.spec['strategy'];
  const type = strategy !== null && typeof strategy === 'object' && !Array.isArray(strategy) ? strategy['type'] : undefined;
  return typeof type === 'string' ? type : 'RollingUpdate';
}

// ---- scale ----

function sendScale(context: KubeExecutorContext, args: Namespaced<ScaleRequest>, dryRun: boolean) {
  return sendRaw(
    context,
    patchCall(args.namespace, args.name, 'deployments/scale'),
    scaleDeploymentRequest(args.namespace, args.name, args.replicas, writeOptions(context, dryRun)),
  );
}

function scaleBefore(deployment: WorkloadObject): { replicas: number; ready: number } {
  return { replicas: deployment.spec.replicas ?? 1, ready: deployment.status?.readyReplicas ?? 0 };
}

export async function scaleDeployment(context: KubeExecutorContext, args: Namespaced<ScaleRequest>): Promise<ChangeResult> {
  const deployment = await readDeploymentRaw(context, args.namespace, args.name);
  const before = scaleBefore(deployment);
  const scale = parseKube(scaleObjectSchema, await sendScale(context, args, false), 'scale');
  const replicas = scale.spec?.replicas ?? args.replicas;
  const changed = before.replicas !== replicas;
  return {
    action: 'scale',
    ...target(args.name, args.namespace),
    changed,
    before,
    after: { replicas },
    message: changed
      ? `${resourceName(args.name)} scaled from ${before.replicas} to ${replicas}`
      : `${resourceName(args.name)} already has ${replicas} replicas`,
  };
}

/** An autoscaler on the deployment will change the count again; the approver should know. Best effort. */
async function autoscalerNotes(context: KubeExecutorContext, namespace: string, name: string): Promise<string[]> {
  try {
    const body = await sendRaw(
      context,
      { verb: 'list', resource: 'horizontalpodautoscalers', group: 'autoscaling', namespace },
      { method: 'GET', path: `/apis/autoscaling/v2/namespaces/${encodeURIComponent(namespace)}/horizontalpodautoscalers` },
    );
    const notes: string[] = [];
    for (const hpa of parseKube(kubeListSchema, body, 'horizontalpodautoscalers').items) {
      const spec = hpa['spec'];
      if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) continue;
      const ref = spec['scaleTargetRef'];
      if (ref === null || typeof ref !== 'object' || Array.isArray(ref) || ref['kind'] !== 'Deployment' || ref['name'] !== name) continue;
      const min = spec['minReplicas'];
      const max = spec['maxReplicas'];
      // minReplicas defaults to 1 in autoscaling/v2; maxReplicas is required, but a malformed object shows "?".
      const range = `min ${typeof min === 'number' ? min : 1}, max ${typeof max === 'number' ? max : '?'}`;
      notes.push(`HorizontalPodAutoscaler ${hpa.metadata.name} manages this deployment (${range}); it may change the replica count again`);
    }
    return notes;
  } catch {
    // Not being allowed to read autoscalers must not block a scale preview.
    return [];
  }
}

export async function previewScale(context: KubeExecutorContext, args: Namespaced<ScaleRequest>): Promise<ChangePreview> {
  const deployment = await readDeploymentRaw(context, args.namespace, args.name);
  const before = scaleBefore(deployment);
  const scale = parseKube(scaleObjectSchema, await sendScale(context, args, true), 'dry-run scale');
  const replicas = scale.spec?.replicas ?? args.replicas;
  const notes = await autoscalerNotes(context, args.namespace, args.name);
  if (replicas < before.replicas) notes.unshift(`${before.replicas - replicas} pods are removed; the ReplicaSet controller picks which`);
  if (replicas === before.replicas) notes.unshift(`no change: ${resourceName(args.name)} already has ${replicas} replicas`);
  return {
    action: 'scale',
    target: target(args.name, args.namespace),
    current: before,
    after: { replicas },
    affectedPods: [],
    dryRun: 'server',
    notes,
  };
}

// ---- rollback ----

interface RollbackPlan {
  deployment: WorkloadObject;
  replicaSets: WorkloadObject[];
  targetSet: WorkloadObject;
  targetRevision: number;
  changed: boolean;
}

async function planRollback(context: KubeExecutorContext, args: Namespaced<RollbackRequest>): Promise<RollbackPlan> {
  const deployment = await readDeploymentRaw(context, args.namespace, args.name);
  const replicaSets = await readReplicaSetsOf(context, deployment);
  const targetSet = pickRollbackTarget(deployment, replicaSets, args.revision);
  refuseIfPaused(deployment, "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  return {
    deployment,
    replicaSets,
    targetSet,
    targetRevision: revisionOf(targetSet) ?? 0,
    // kubectl skips the patch when the template already is that revision's.
    changed: !templatesEqualIgnoringHash(targetSet.spec.template, deployment.spec.template),
  };
}

function sendRollback(context: KubeExecutorContext, args: Namespaced<RollbackRequest>, plan: RollbackPlan, dryRun: boolean) {
  const patch = rollbackPatch(plan.deployment, plan.targetSet);
  const request = rollbackDeploymentRequest(args.namespace, args.name, patch, writeOptions(context, dryRun));
  return sendRaw(context, patchCall(args.namespace, args.name), request);
}

export async function rollbackDeployment(context: KubeExecutorContext, args: Namespaced<RollbackRequest>): Promise<ChangeResult> {
  const plan = await planRollback(context, args);
  const before: JsonObject = { revision: revisionOf(plan.deployment), images: templateImages(plan.deployment.spec.template) };
  const name = resourceName(args.name);
  if (!plan.changed) {
    return {
      action: 'rollback',
      ...target(args.name, args.namespace),
      changed: false,
      before,
      after: before,
      message: `${name}: skipped rollback (current template already matches revision ${plan.targetRevision})`,
    };
  }
  await sendRollback(context, args, plan, false);
  return {
    action: 'rollback',
    ...target(args.name, args.namespace),
    changed: true,
    before,
    after: {
      revision: nextRevision(plan.deployment, plan.replicaSets),
      images: templateImages(plan.targetSet.spec.template),
      restoredRevision: plan.targetRevision,
    },
    message: `${name} rolled back to revision ${plan.targetRevision}`,
  };
}

export async function previewRollback(context: KubeExecutorContext, args: Namespaced<RollbackRequest>): Promise<ChangePreview> {
  const plan = await planRollback(context, args);
  const current = revisionOf(plan.deployment) ?? 0;
  const next = nextRevision(plan.deployment, plan.replicaSets);
  const pods = plan.changed ? podNames(await listPodsBySelector(context, args.namespace, plan.deployment.spec.selector)) : [];
  const merged = plan.changed
    ? parseKube(workloadObjectSchema, await sendRollback(context, args, plan, true), 'dry-run rollback')
    : plan.deployment;
  return {
    action: 'rollback',
    target: target(args.name, args.namespace),
    current: { revision: current, images: templateImages(plan.deployment.spec.template) },
    after: {
      revision: plan.changed ? next : current,
      images: templateImages(plan.targetSet.spec.template),
      restoredRevision: plan.targetRevision,
    },
    affectedPods: pods,
    currentRevision: current,
    targetRevision: plan.targetRevision,
    diff: liveVersusDryRunDiff(plan.deployment, merged, `deployment/${args.namespace}/${args.name}`),
    dryRun: 'server',
    notes: plan.changed
      ? [`revision ${plan.targetRevision} becomes revision ${next}, as kubectl rollout undo does`]
      : [`no change: the current template already matches revision ${plan.targetRevision}`],
  };
}
