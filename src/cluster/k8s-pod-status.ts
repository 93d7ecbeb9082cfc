/** kubectl get pods' STATUS column, computed the way kubectl's printer does (k8s.io/kubectl/pkg/cmd/get). Pure. */

import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

function terminatedReason(status: V1ContainerStatus, prefix = ''): string | null {
  const terminated = status.state?.terminated;
  if (!terminated) return null;
  if (terminated.reason) return `${prefix}${terminated.reason}`;
  return terminated.signal ? `${prefix}Signal:${terminated.signal}` : `${prefix}ExitCode:${terminated.exitCode}`;
}

/** The STATUS kubectl shows: CrashLoopBackOff, Init:0/1, Terminating, Running, Completed, Pending, ... */
export function kubectlPodStatus(pod: V1Pod): string {
  let reason = pod.status?.reason || pod.status?.phase || 'Unknown';

  const initStatuses = pod.status?.initContainerStatuses ?? [];
  const initCount = pod.spec?.initContainers?.length ?? initStatuses.length;
  let initializing = false;
  for (const [index, status] of initStatuses.entries()) {
    const terminated = status.state?.terminated;
    if (terminated && terminated.exitCode === 0) continue;
    // A sidecar (restartPolicy Always) that runs counts as started.
    if (status.started && pod.spec?.initContainers?.[index]?.restartPolicy === 'Always') continue;
    initializing = true;
    const waiting = status.state?.waiting?.reason;
    if (terminated) reason = terminatedReason(status, 'Init:') ?? reason;
    else if (waiting && waiting !== 'PodInitializing') reason = `Init:${waiting}`;
    else reason = `Init:${index}/${initCount}`;
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    const statuses = [...(pod.status?.containerStatuses ?? [])].reverse();
    for (const status of statuses) {
      const waiting = status.state?.waiting?.reason;
      const terminated = terminatedReason(status);
      if (waiting) reason = waiting;
      else if (terminated) reason = terminated;
      else if (status.ready && status.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

/**
 * Why the pod is not fine, or null when it is: the STATUS column when it says more than the phase.
 * A pod no node will take shows its scheduling reason (Unschedulable), as describe does.
 */
export function podProblem(pod: V1Pod): string | null {
  const phase = pod.status?.phase ?? 'Unknown';
  const status = kubectlPodStatus(pod);
  if (phase === 'Pending' && status === 'Pending') {
    const scheduled = pod.status?.conditions?.find((condition) => condition.type === 'PodScheduled');
    return scheduled?.status === 'False' ? (scheduled.reason ?? 'Unschedulable') : null;
  }
  if (status === phase) return null;
  if (phase === 'Succeeded' && status === 'Completed') return null;
  return status;
}
