import type { ChangePreview, JsonObject } from '../results.js';
import type { ChangeRequest } from '../executor.js';
import { cloneState, podKey, type SimulatedState } from './state.js';
import { runSimulatedWrite } from './writes.js';

/**
 * Runs the write on a copy of the state and reports the difference, so the preview shows exactly what the
 * write would do. The state passed in is never touched.
 */
export function previewSimulatedWrite(state: SimulatedState, call: ChangeRequest, now: number): ChangePreview {
  const working = cloneState(state);
  const outcome = runSimulatedWrite(working, call, now);
  const { result } = outcome;
  const targetNamespace = result.namespace;
  const affectedPods = [...state.pods.values()]
    .filter((pod) => working.pods.get(podKey(pod.namespace, pod.name))?.createdAt !== pod.createdAt)
    .map((pod) => (pod.namespace === targetNamespace ? pod.name : `${pod.namespace}/${pod.name}`))
    .sort();
  const objects: JsonObject | null = result.objects ? { objects: result.objects.map((object) => ({ ...object })) } : null;
  const notes = [...(result.changed ? [] : [`no change: ${result.message}`]), ...outcome.notes];
  return {
    action: result.action,
    target: {
      kind: result.kind,
      name: result.name,
      ...(targetNamespace === undefined ? {} : { namespace: targetNamespace }),
    },
    current: result.before ?? null,
    after: result.after ?? objects,
    affectedPods,
    ...(outcome.currentRevision === undefined ? {} : { currentRevision: outcome.currentRevision }),
    ...(outcome.targetRevision === undefined ? {} : { targetRevision: outcome.targetRevision }),
    ...(outcome.diff === undefined ? {} : { diff: outcome.diff }),
    dryRun: 'simulated',
    ...(notes.length > 0 ? { notes } : {}),
  };
}
