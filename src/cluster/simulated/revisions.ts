import { contentHash } from './random.js';
import type { SimulatedPodTemplate, SimulatedWorkload } from './state.js';

/** Old revisions kept besides the current one (Kubernetes' revisionHistoryLimit default). */
export const REVISION_HISTORY_LIMIT = 10;

export function templateHash(template: SimulatedPodTemplate): string {
  return contentHash(template);
}

/**
 * Makes `template` the workload's current template. As in Kubernetes, a template that changed gets the next
 * revision number, and a template equal to an old revision takes that revision over (its old number goes
 * away), which is why a rollback shows up as a new revision. Returns false when nothing changed.
 */
export function commitTemplate(
  workload: SimulatedWorkload,
  template: SimulatedPodTemplate,
  now: number,
  changeCause: string | null,
): boolean {
  const hash = templateHash(template);
  if (hash === workload.templateHash) return false;
  const highest = Math.max(workload.revision, ...workload.history.map((revision) => revision.revision));
  const revision = highest + 1;
  const kept = workload.history.filter((entry) => entry.templateHash !== hash);
  kept.push({ revision, template: structuredClone(template), templateHash: hash, createdAt: now, changeCause });
  kept.sort((a, b) => a.revision - b.revision);
  workload.history = kept.slice(-(REVISION_HISTORY_LIMIT + 1));
  workload.template = structuredClone(template);
  workload.templateHash = hash;
  workload.revision = revision;
  return true;
}
