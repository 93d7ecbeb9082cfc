import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { ClusterError } from './cluster-error.js';
import { describeClusterError, parseForbiddenMessage, parseKubeStatus, toClusterError, type KubeCallContext } from './k8s-errors.js';

const SCALE: KubeCallContext = {
  verb: 'patch',
  resource: 'deployments/scale',
  group: 'apps',
  namespace: 'prod',
  name: 'web',
  kind: 'deployment',
};

function status(code: number, reason: string, message: string, details: Record<string, unknown> = {}): ApiException<string> {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
  return new ApiException(code, 'Unsuccessful HTTP Request', body, {});
}

describe('parseForbiddenMessage', () => {
  it('reads user, verb, resource, group and namespace from an RBAC refusal', () => {
    const message =
      'deployments.apps "web" is forbidden: User "system:serviceaccount:chatops:bot" cannot patch resource "deployments/scale" in API group "apps" in the namespace "prod"';
    expect(parseForbiddenMessage(message)).toEqual({
      user: 'system:serviceaccount:chatops:bot',
      verb: 'patch',
      resource: 'deployments/scale',
      group: 'apps',
      namespace: 'prod',
    });
  });

  it('reads a cluster-scoped refusal, with no namespace', () => {
    const message = 'nodes is forbidden: User "bot" cannot list resource "nodes" in API group "" at the cluster scope';
    expect(parseForbiddenMessage(message)).toEqual({ user: 'bot', verb: 'list', resource: 'nodes', group: '' });
  });

  it('returns null for a message of another form', () => {
    expect(parseForbiddenMessage('forbidden: admission webhook denied the request')).toBeNull();
  });
});

describe('parseKubeStatus', () => {
  it('reads a Status from JSON text and refuses anything else', () => {
    expect(parseKubeStatus('{"kind":"Status","code":404,"reason":"NotFound"}')).toMatchObject({ code: 404, reason: 'NotFound' });
    expect(parseKubeStatus('<html>bad gateway</html>')).toBeNull();
    expect(parseKubeStatus({ kind: 'Pod' })).toBeNull();
  });
});

describe('toClusterError', () => {
  it('turns a 403 into forbidden naming the missing RBAC verb and resource', () => {
    const error = toClusterError(
      status(
        403,
        'Forbidden',
        'deployments.apps "web" is forbidden: User "system:serviceaccount:chatops:bot" cannot patch resource "deployments/scale" in API group "apps" in the namespace "prod"',
      ),
      SCALE,
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('grant RBAC verb "patch" on resource "deployments/scale" in API group "apps"');
    expect(error.details).toMatchObject({
      verb: 'patch',
      resource: 'deployments/scale',
      group: 'apps',
      namespace: 'prod',
      name: 'web',
      user: 'system:serviceaccount:chatops:bot',
      status: '403',
    });
  });

  it('falls back to the call it was making when a 403 message has another form', () => {
    const error = toClusterError(status(403, 'Forbidden', 'denied by policy'), SCALE);
    expect(error.details).toMatchObject({ verb: 'patch', resource: 'deployments/scale', apiMessage: 'denied by policy' });
  });

  it('turns a 401 into forbidden that points at the credentials', () => {
    const error = toClusterError(new ApiException(401, 'Unauthorized', undefined, {}), SCALE);
    expect(error.code).toBe('forbidden');
    expect(error.details['reason']).toBe('Unauthorized');
    expect(error.message).toContain('credentials');
  });

  it('turns a 404 into not_found with the kind, name and namespace', () => {
    const error = toClusterError(
      status(404, 'NotFound', 'deployments.apps "web" not found', { name: 'web', group: 'apps', kind: 'deployments' }),
      {
        ...SCALE,
        resource: 'deployments',
      },
    );
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('deployment "web" not found in namespace "prod"');
    expect(error.details).toMatchObject({
      kind: 'deployment',
      name: 'web',
      namespace: 'prod',
      apiMessage: 'deployments.apps "web" not found',
    });
  });

  it('says the namespace is missing when the server answers 404 for the namespace of a new object', () => {
    const error = toClusterError(status(404, 'NotFound', 'namespaces "qa" not found', { name: 'qa', kind: 'namespaces' }), {
      verb: 'patch',
      resource: 'configmaps',
      group: '',
      namespace: 'qa',
      name: 'web-config',
      kind: 'ConfigMap',
    });
    expect(error.message).toBe('namespace "qa" not found');
    expect(error.details).toMatchObject({ kind: 'namespace', name: 'qa', namespace: 'qa' });
  });

  it('turns a 409 into conflict carrying the server message', () => {
    const message = 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas';
    const error = toClusterError(status(409, 'Conflict', message), SCALE);
    expect(error.code).toBe('conflict');
    expect(error.details['apiMessage']).toBe(message);
  });

  it('turns a 422 into invalid with the first offending field', () => {
    const error = toClusterError(
      status(422, 'Invalid', 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1', {
        causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1', field: 'spec.replicas' }],
      }),
      SCALE,
    );
    expect(error.code).toBe('invalid');
    expect(error.details).toMatchObject({ field: 'spec.replicas', reason: 'Invalid', status: '422' });
  });

  it('turns a 5xx into unavailable', () => {
    expect(toClusterError(status(503, 'ServiceUnavailable', 'etcd is down'), SCALE).code).toBe('unavailable');
  });

  it('turns a refused connection or a timeout into unavailable naming the server', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const error = toClusterError(refused, { ...SCALE, server: 'https://10.0.0.1:6443' });
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('https://10.0.0.1:6443');
    expect(error.details['reason']).toBe('ECONNREFUSED');
    const timeout = Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    expect(toClusterError(timeout, SCALE).details['reason']).toBe('Timeout');
  });

  it('leaves a ClusterError as it is', () => {
    const original = new ClusterError('invalid', 'bad');
    expect(toClusterError(original, SCALE)).toBe(original);
  });
});

describe('describeClusterError', () => {
  it('gives code and details for localisation, for any error', () => {
    expect(describeClusterError(new ClusterError('conflict', 'x', { name: 'web' }))).toEqual({
      code: 'conflict',
      details: { name: 'web' },
    });
    expect(describeClusterError(new Error('boom'))).toEqual({ code: 'unavailable', details: { apiMessage: 'boom' } });
  });
});
