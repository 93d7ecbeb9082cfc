import { describe, expect, it } from 'vitest';
import { ClusterError } from './cluster-error.js';
import { isClusterScopedKind, parseManifestDocuments } from './manifest-documents.js';

function invalidReason(text: string): string {
  try {
    parseManifestDocuments(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ClusterError);
    expect((error as ClusterError).code).toBe('invalid');
    return (error as ClusterError).message;
  }
  throw new Error('expected the manifest to be refused');
}

describe('parseManifestDocuments', () => {
  it('reads every document and separates metadata from the body', () => {
    const documents = parseManifestDocuments(`
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
  namespace: prod
  labels: { app: api }
data:
  LOG_LEVEL: debug
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
---
`);
    expect(documents).toHaveLength(2);
    expect(documents[0]).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'api-config', namespace: 'prod', labels: { app: 'api' }, annotations: {} },
      body: { data: { LOG_LEVEL: 'debug' } },
    });
    expect(documents[1]?.metadata.namespace).toBeUndefined();
    expect(documents[1]?.body).toEqual({ spec: { replicas: 2 } });
  });

  it('flattens a kind: List into its items', () => {
    const documents = parseManifestDocuments(`
apiVersion: v1
kind: List
items:
  - { apiVersion: v1, kind: ConfigMap, metadata: { name: a } }
  - { apiVersion: v1, kind: ConfigMap, metadata: { name: b } }
`);
    expect(documents.map((document) => document.metadata.name)).toEqual(['a', 'b']);
  });

  it('refuses YAML syntax errors, empty manifests and objects without kind or a valid name', () => {
    expect(invalidReason('kind: [unclosed')).toMatch(/invalid manifest/);
    expect(invalidReason('---\n---\n')).toMatch(/no Kubernetes objects/);
    expect(invalidReason('just a string')).toMatch(/document 1/);
    expect(invalidReason('apiVersion: v1\nmetadata: { name: x }')).toMatch(/kind/);
    expect(invalidReason('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: Not_Valid }')).toMatch(/metadata.name/);
    expect(invalidReason('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok, namespace: "Prod!" }')).toMatch(/metadata.namespace/);
  });

  it('refuses label values that are not strings, as the API server does', () => {
    expect(invalidReason('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x, labels: { version: 2 } }')).toMatch(/labels/);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    bomb.push('c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]');
    expect(invalidReason(bomb.join('\n'))).toMatch(/alias/i);
  });
});

describe('isClusterScopedKind', () => {
  it('knows Namespace, Node and RBAC cluster kinds are not namespaced', () => {
    expect(isClusterScopedKind('Namespace')).toBe(true);
    expect(isClusterScopedKind('ClusterRoleBinding')).toBe(true);
    expect(isClusterScopedKind('Deployment')).toBe(false);
  });
});
