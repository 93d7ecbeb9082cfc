import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { kubectlPodStatus, podProblem } from './k8s-pod-status.js';

function pod(status: V1Pod['status'], extra: Partial<V1Pod> = {}): V1Pod {
  return { metadata: { name: 'p' }, spec: { containers: [{ name: 'app' }] }, status, ...extra };
}

const running = { name: 'app', image: 'a', imageID: '', ready: true, restartCount: 0, state: { running: {} } };

describe('kubectlPodStatus', () => {
  it('says Running for a running, ready pod', () => {
    expect(kubectlPodStatus(pod({ phase: 'Running', containerStatuses: [running] }))).toBe('Running');
  });

  it("shows a waiting container's reason", () => {
    const waiting = { ...running, ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } };
    expect(kubectlPodStatus(pod({ phase: 'Running', containerStatuses: [waiting] }))).toBe('CrashLoopBackOff');
  });

  it("shows a terminated container's reason, or its exit code when it has none", () => {
    const oom = { ...running, ready: false, state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } };
    expect(kubectlPodStatus(pod({ phase: 'Running', containerStatuses: [oom] }))).toBe('OOMKilled');
    const bare = { ...running, ready: false, state: { terminated: { exitCode: 2 } } };
    expect(kubectlPodStatus(pod({ phase: 'Failed', containerStatuses: [bare] }))).toBe('ExitCode:2');
  });

  it('shows init progress while init containers run', () => {
    const init = { name: 'migrate', image: 'm', imageID: '', ready: false, restartCount: 0, state: { running: {} } };
    const status = pod(
      { phase: 'Pending', initContainerStatuses: [init] },
      { spec: { containers: [{ name: 'app' }], initContainers: [{ name: 'migrate' }] } },
    );
    expect(kubectlPodStatus(status)).toBe('Init:0/1');
    const failing = { ...init, state: { waiting: { reason: 'CrashLoopBackOff' } } };
    expect(kubectlPodStatus({ ...status, status: { phase: 'Pending', initContainerStatuses: [failing] } })).toBe('Init:CrashLoopBackOff');
  });

  it('says Terminating for a pod being deleted', () => {
    expect(
      kubectlPodStatus(pod({ phase: 'Running', containerStatuses: [running] }, { metadata: { name: 'p', deletionTimestamp: new Date() } })),
    ).toBe('Terminating');
  });

  it("shows the pod's own reason (Evicted)", () => {
    expect(kubectlPodStatus(pod({ phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
  });
});

describe('podProblem', () => {
  it('is null for a fine pod and for a completed one', () => {
    expect(podProblem(pod({ phase: 'Running', containerStatuses: [running] }))).toBeNull();
    const done = { ...running, ready: false, state: { terminated: { reason: 'Completed', exitCode: 0 } } };
    expect(podProblem(pod({ phase: 'Succeeded', containerStatuses: [done] }))).toBeNull();
  });

  it('names the scheduling reason of a pod no node takes', () => {
    const unscheduled = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] });
    expect(podProblem(unscheduled)).toBe('Unschedulable');
  });

  it('is null for a pending pod that is scheduled and starting', () => {
    expect(podProblem(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] }))).toBeNull();
  });
});
