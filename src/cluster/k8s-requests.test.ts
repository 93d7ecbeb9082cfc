import { describe, expect, it } from 'vitest';
import { findResourceType, resourcePath, resourceTypeForCatalogKind, resourceTypeForManifest } from './k8s-resource-paths.js';
import { applyObjectRequest, deleteObjectRequest, restartDeploymentRequest, rfc3339, scaleDeploymentRequest } from './k8s-requests.js';
import { selectorToString } from './k8s-selector.js';
import { RESOURCE_KINDS } from './resource-kinds.js';

const WRITE = { fieldManager: 'kube-chatops-bot', dryRun: false };

describe('write requests', () => {
  it("scale is kubectl scale's merge patch of the scale subresource", () => {
    expect(scaleDeploymentRequest('prod', 'web', 3, WRITE)).toEqual({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/prod/deployments/web/scale',
      query: { fieldManager: 'kube-chatops-bot' },
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 3 } },
    });
  });

  it("restart is kubectl rollout restart's strategic merge patch, and a dry run adds dryRun=All", () => {
    expect(restartDeploymentRequest('prod', 'web', '2025-06-01T12:00:00Z', { ...WRITE, dryRun: true })).toEqual({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/prod/deployments/web',
      query: { dryRun: 'All', fieldManager: 'kube-chatops-bot' },
      contentType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T12:00:00Z' } } } } },
    });
  });

  it('writes the restart time as RFC 3339 in seconds', () => {
    expect(rfc3339(Date.parse('2025-06-01T12:00:00.789Z'))).toBe('2025-06-01T12:00:00Z');
  });

  it('apply is a server-side apply with the field manager and force=false', () => {
    const object = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'prod' } };
    expect(applyObjectRequest(findResourceType('Ingress')!, object, WRITE)).toEqual({
      method: 'PATCH',
      path: '/apis/networking.k8s.io/v1/namespaces/prod/ingresses/web',
      query: { fieldManager: 'kube-chatops-bot', force: 'false' },
      contentType: 'application/apply-patch+yaml',
      body: object,
    });
  });

  it('delete cascades in the background, as kubectl delete does', () => {
    expect(deleteObjectRequest(findResourceType('Node')!, 'v1', { name: 'node-a' }, { dryRun: false })).toEqual({
      method: 'DELETE',
      path: '/api/v1/nodes/node-a',
      contentType: 'application/json',
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
    });
  });
});

describe('resource paths', () => {
  it('has a REST path for every catalog kind', () => {
    for (const kind of RESOURCE_KINDS) {
      const type = resourceTypeForCatalogKind(kind);
      const path = resourcePath(type, type.apiVersion, { namespace: 'prod', name: 'x' });
      expect(path).toMatch(type.namespaced ? /^\/apis?\/.+\/namespaces\/prod\/[a-z]+\/x$/ : /^\/api\/v1\/nodes\/x$/);
    }
    expect(resourceTypeForCatalogKind('hpa').apiVersion).toBe('autoscaling/v2');
  });

  it('refuses a kind the bot does not apply, and an unknown version of a known kind', () => {
    expect(() => resourceTypeForManifest('rbac.authorization.k8s.io/v1', 'ClusterRole', 'admin')).toThrow(
      /kind "ClusterRole".*not supported/,
    );
    expect(() => resourceTypeForManifest('apps/v1beta1', 'Deployment', 'web')).toThrow(
      'no matches for kind "Deployment" in version "apps/v1beta1"',
    );
    expect(() => resourceTypeForManifest('v1', 'Node', 'n1')).toThrow(/not supported/);
    expect(resourceTypeForManifest('autoscaling/v1', 'HorizontalPodAutoscaler', 'h').plural).toBe('horizontalpodautoscalers');
  });
});

describe('selectorToString', () => {
  it('writes match labels and expressions as a labelSelector query', () => {
    expect(
      selectorToString({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'NotIn', values: ['x'] },
          { key: 'team', operator: 'Exists' },
        ],
      }),
    ).toBe('app=web,tier in (a,b),!canary,zone notin (x),team');
  });
});
