import { describe, expect, it } from 'vitest';
import { type ClusterError } from './cluster-error.js';
import type { WorkloadObject } from './k8s-objects.js';
import {
  nextRevision,
  ownedReplicaSets,
  pickRollbackTarget,
  rollbackPatch,
  rolloutHistory,
  templatesEqualIgnoringHash,
} from './k8s-rollout.js';

const UID = 'uid-web';

function template(image: string, hash?: string) {
  return {
    metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'web', image }] },
  };
}

function replicaSet(revision: number, image: string, extra: Partial<WorkloadObject['metadata']> = {}): WorkloadObject {
  const hash = `h${revision}`;
  return {
    metadata: {
      name: `web-${hash}`,
      namespace: 'prod',
      creationTimestamp: `2025-06-0${revision}T00:00:00Z`,
      annotations: {
        'deployment.kubernetes.io/revision': String(revision),
        'deployment.kubernetes.io/desired-replicas': '2',
        'kubernetes.io/change-cause': `image ${image}`,
      },
      ownerReferences: [{ kind: 'Deployment', name: 'web', uid: UID, controller: true }],
      ...extra,
    },
    spec: { selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: template(image, hash) },
  };
}

const deployment: WorkloadObject = {
  metadata: {
    name: 'web',
    namespace: 'prod',
    uid: UID,
    annotations: {
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'kubernetes.io/change-cause': 'image nginx:1.27',
      team: 'shop',
    },
  },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('nginx:1.27') },
};

const sets = [replicaSet(1, 'nginx:1.25'), replicaSet(3, 'nginx:1.27'), replicaSet(2, 'nginx:1.26')];

describe('ownedReplicaSets', () => {
  it('keeps the ReplicaSets the Deployment controls and drops others its selector matches', () => {
    const stranger = replicaSet(9, 'nginx:canary', { ownerReferences: [] });
    const other = replicaSet(8, 'nginx:x', {
      ownerReferences: [{ kind: 'Deployment', name: 'web', uid: 'another-uid', controller: true }],
    });
    expect(ownedReplicaSets(deployment, [...sets, stranger, other]).map((set) => set.metadata.name)).toEqual([
      'web-h1',
      'web-h3',
      'web-h2',
    ]);
  });
});

describe('pickRollbackTarget', () => {
  it('picks the revision before the newest when none is named, as kubectl rollout undo does', () => {
    expect(pickRollbackTarget(deployment, sets, undefined).metadata.name).toBe('web-h2');
  });

  it('picks the named revision', () => {
    expect(pickRollbackTarget(deployment, sets, 1).metadata.name).toBe('web-h1');
  });

  it("refuses an unknown revision with kubectl's wording", () => {
    expect(() => pickRollbackTarget(deployment, sets, 7)).toThrow('unable to find specified revision 7 in history');
    try {
      pickRollbackTarget(deployment, sets, 7);
    } catch (error) {
      expect((error as ClusterError).code).toBe('not_found');
    }
  });

  it('refuses when there is no earlier revision', () => {
    expect(() => pickRollbackTarget(deployment, [replicaSet(1, 'nginx:1.25')], undefined)).toThrow('no rollout history found');
  });
});

describe('rollbackPatch', () => {
  it('replaces the template without the hash label and the annotations the way kubectl does', () => {
    expect(rollbackPatch(deployment, replicaSet(2, 'nginx:1.26'))).toEqual([
      { op: 'replace', path: '/spec/template', value: template('nginx:1.26') },
      {
        op: 'replace',
        path: '/metadata/annotations',
        // The Deployment's bookkeeping annotations stay; the others come from the ReplicaSet (so "team" goes).
        value: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          'deployment.kubernetes.io/revision': '3',
          'kubernetes.io/change-cause': 'image nginx:1.26',
        },
      },
    ]);
  });
});

describe('templatesEqualIgnoringHash', () => {
  it('sees the current template in its ReplicaSet despite the hash label, and a changed image as different', () => {
    expect(templatesEqualIgnoringHash(replicaSet(3, 'nginx:1.27').spec.template, deployment.spec.template)).toBe(true);
    expect(templatesEqualIgnoringHash(replicaSet(2, 'nginx:1.26').spec.template, deployment.spec.template)).toBe(false);
  });

  it('treats a missing field and an empty one alike', () => {
    const withEmpty = { ...template('nginx:1.27'), spec: { containers: [{ name: 'web', image: 'nginx:1.27', env: [] }] } };
    expect(templatesEqualIgnoringHash(withEmpty, deployment.spec.template)).toBe(true);
  });
});

describe('rolloutHistory and nextRevision', () => {
  it('lists revisions oldest first with images, change cause, ISO time and the current one marked', () => {
    expect(rolloutHistory(deployment, sets)).toEqual([
      { revision: 1, images: ['nginx:1.25'], changeCause: 'image nginx:1.25', createdAt: '2025-06-01T00:00:00.000Z', current: false },
      { revision: 2, images: ['nginx:1.26'], changeCause: 'image nginx:1.26', createdAt: '2025-06-02T00:00:00.000Z', current: false },
      { revision: 3, images: ['nginx:1.27'], changeCause: 'image nginx:1.27', createdAt: '2025-06-03T00:00:00.000Z', current: true },
    ]);
  });

  it('numbers the next template after the highest revision', () => {
    expect(nextRevision(deployment, sets)).toBe(4);
  });
});
