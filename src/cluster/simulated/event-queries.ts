import { catalogKindOf } from '../resource-kinds.js';
import { RESOURCE_KINDS } from '../resource-kinds.js';
import { isEventLive } from './events.js';
import { derivedPodEvents } from './pod-events.js';
import type { SimulatedEvent, SimulatedState } from './state.js';

/** Stored events plus the ones derived from pod status, live (not older than the event TTL), newest first. */
export function namespaceEvents(state: SimulatedState, namespace: string, now: number): SimulatedEvent[] {
  const stored = state.events.filter((event) => event.namespace === namespace && isEventLive(event, now));
  const derived = [...state.pods.values()].filter((pod) => pod.namespace === namespace).flatMap((pod) => derivedPodEvents(state, pod, now));
  return [...stored, ...derived].sort((a, b) => b.lastSeen - a.lastSeen || a.objectName.localeCompare(b.objectName));
}

/** "Pod", "pod", "pods" → "pod"; "HorizontalPodAutoscaler" → "hpa"; unknown kinds lowercased. */
function normalizeKind(kind: string): string {
  const lower = kind.toLowerCase();
  const known = (candidate: string) => (RESOURCE_KINDS as readonly string[]).includes(candidate);
  if (known(lower)) return lower;
  if (lower.endsWith('es') && known(lower.slice(0, -2))) return lower.slice(0, -2);
  if (lower.endsWith('s') && known(lower.slice(0, -1))) return lower.slice(0, -1);
  return catalogKindOf(kind) ?? lower;
}

/**
 * involved_object is "name" or "kind/name". A workload's name also matches its pods and ReplicaSets,
 * because that is what an operator asking about "api" wants to see.
 */
export function matchesInvolvedObject(event: SimulatedEvent, filter: string): boolean {
  const slash = filter.indexOf('/');
  const kind = slash === -1 ? undefined : normalizeKind(filter.slice(0, slash));
  const name = slash === -1 ? filter : filter.slice(slash + 1);
  const direct = event.objectName === name && (kind === undefined || normalizeKind(event.objectKind) === kind);
  if (direct) return true;
  if (!event.owner) return false;
  const [ownerKind = '', ownerName] = event.owner.split('/');
  return ownerName === name && (kind === undefined || normalizeKind(ownerKind) === kind);
}
