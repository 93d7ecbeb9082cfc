/** Events kubelet and the scheduler emit about a pod, derived from the pod's status so they always agree with it. */

import { CONTAINER_START_DELAY_MS } from './container-health.js';
import { isEventLive } from './events.js';
import { podStatus } from './pod-status.js';
import type { SimulatedEvent, SimulatedPod, SimulatedState } from './state.js';

export function derivedPodEvents(state: SimulatedState, pod: SimulatedPod, now: number): SimulatedEvent[] {
  const base = {
    namespace: pod.namespace,
    objectKind: 'Pod',
    objectName: pod.name,
    owner: pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : null,
  };
  const events: SimulatedEvent[] = [];
  if (pod.nodeName === null) {
    events.push({
      ...base,
      type: 'Warning',
      reason: 'FailedScheduling',
      message: `0/${state.nodes.size} nodes are available: no node can take the pod (cordoned, tainted or gone)`,
      count: 1,
      firstSeen: pod.createdAt,
      lastSeen: now,
    });
    return events;
  }
  events.push({
    ...base,
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.nodeName}`,
    count: 1,
    firstSeen: pod.createdAt,
    lastSeen: pod.createdAt,
  });

  const status = podStatus(state, pod, now);
  const firstStart = pod.createdAt + CONTAINER_START_DELAY_MS;
  for (const container of status.containers) {
    if (container.reason === 'ContainerCreating') continue;
    if (container.configError !== null) {
      events.push({
        ...base,
        type: 'Warning',
        reason: 'Failed',
        message: `Error: ${container.configError}`,
        // kubelet retries about every ten seconds
        count: Math.max(1, Math.floor((now - firstStart) / 10_000)),
        firstSeen: firstStart,
        lastSeen: now,
      });
      continue;
    }
    const timeline = container.timeline;
    const starts = timeline ? timeline.restarts + 1 : 1;
    const lastStart = timeline?.currentStart != null ? pod.createdAt + timeline.currentStart : firstStart;
    const lifecycle = (reason: string, message: string): SimulatedEvent => ({
      ...base,
      type: 'Normal',
      reason,
      message,
      count: starts,
      firstSeen: firstStart,
      lastSeen: lastStart,
    });
    events.push(
      lifecycle('Pulled', `Container image "${container.image}" already present on machine`),
      lifecycle('Created', `Created container ${container.name}`),
      lifecycle('Started', `Started container ${container.name}`),
    );
    if (timeline && timeline.exits.length > 0) {
      events.push({
        ...base,
        type: 'Warning',
        reason: 'BackOff',
        message: `Back-off restarting failed container ${container.name} in pod ${pod.name}_${pod.namespace}`,
        count: timeline.exits.length,
        firstSeen: pod.createdAt + timeline.exits[0],
        lastSeen: pod.createdAt + timeline.exits[timeline.exits.length - 1],
      });
    }
  }
  return events.filter((event) => isEventLive(event, now));
}
