import type { EventSummary } from '../results.js';
import type { SimulatedEvent, SimulatedState } from './state.js';

/** Kubernetes keeps events for an hour by default; older ones are gone. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
// Bounds memory of a long-running simulated cluster.
const MAX_STORED_EVENTS = 1000;

export type NewSimulatedEvent = Omit<SimulatedEvent, 'count' | 'firstSeen' | 'lastSeen'>;

/** Records an event; a repeat of the same event on the same object only bumps its count, as the API server does. */
export function recordEvent(state: SimulatedState, now: number, event: NewSimulatedEvent): void {
  const same = state.events.find(
    (existing) =>
      existing.namespace === event.namespace &&
      existing.objectKind === event.objectKind &&
      existing.objectName === event.objectName &&
      existing.reason === event.reason &&
      existing.message === event.message,
  );
  if (same) {
    same.count += 1;
    same.lastSeen = now;
    return;
  }
  state.events.push({ ...event, count: 1, firstSeen: now, lastSeen: now });
  if (state.events.length > MAX_STORED_EVENTS) state.events.splice(0, state.events.length - MAX_STORED_EVENTS);
}

export function eventSummary(event: SimulatedEvent): EventSummary {
  return {
    namespace: event.namespace,
    type: event.type,
    reason: event.reason,
    object: `${event.objectKind}/${event.objectName}`,
    message: event.message,
    count: event.count,
    firstSeen: new Date(event.firstSeen).toISOString(),
    lastSeen: new Date(event.lastSeen).toISOString(),
  };
}

export function isEventLive(event: SimulatedEvent, now: number): boolean {
  return event.lastSeen >= now - EVENT_TTL_MS && event.firstSeen <= now;
}
