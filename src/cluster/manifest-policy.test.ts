import { describe, expect, it } from 'vitest';
import { ClusterError } from './cluster-error.js';
import { parseManifestDocuments } from './manifest-documents.js';
import { checkManifestPolicy, manifestViolations, STRICT_MANIFEST_POLICY } from './manifest-policy.js';

const rules = (yaml: string) => manifestViolations(parseManifestDocuments(yaml)).map((v) => [v.rule, v.kind, v.name, v.field ?? null]);

const container = (extra = '') => `{ name: c, image: busybox${extra} }`;
const podSpec = (extra = '') => `{ containers: [${container()}]${extra} }`;

describe('the manifest policy', () => {
  it('names RBAC kinds, Secrets and other cluster-scoped kinds by their kind', () => {
    const yaml = [
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: admin-me }\nroleRef: {}\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r }\nrules: []\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: rb }\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: cr }\n',
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\nstringData: { a: b }\n',
      'apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: { name: hook }\n',
      'apiVersion: v1\nkind: Namespace\nmetadata: { name: extra }\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: fine }\ndata: { hostNetwork: "true" }\n',
    ].join('---\n');
    expect(rules(yaml)).toEqual([
      ['rbac', 'ClusterRoleBinding', 'admin-me', null],
      ['rbac', 'Role', 'r', null],
      ['rbac', 'RoleBinding', 'rb', null],
      ['rbac', 'ClusterRole', 'cr', null],
      ['secrets', 'Secret', 's', null],
      ['cluster-scoped', 'MutatingWebhookConfiguration', 'hook', null],
      ['cluster-scoped', 'Namespace', 'extra', null],
    ]);
  });

  it('finds privileged containers, host namespaces and hostPath volumes in a Pod and in every pod template', () => {
    const yaml = [
      `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: ${podSpec(', hostPID: true')}\n`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec: { template: { spec: { containers: [${container(', securityContext: { privileged: true }')}] } } }\n`,
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: ss }\nspec: { template: { spec: ${podSpec(', hostNetwork: true')} } }\n`,
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: ds }\nspec: { template: { spec: ${podSpec(', volumes: [{ name: root, hostPath: { path: / } }]')} } }\n`,
      `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: { name: rs }\nspec: { template: { spec: ${podSpec(', hostIPC: true')} } }\n`,
      `apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec: { template: { spec: { containers: [${container()}], initContainers: [${container(', securityContext: { capabilities: { add: [sys_admin] } }')}] } } }\n`,
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: cj }\nspec: { jobTemplate: { spec: { template: { spec: { containers: [${container()}], ephemeralContainers: [${container(', securityContext: { privileged: true }')}] } } } } }\n`,
      `apiVersion: v1\nkind: Pod\nmetadata: { name: calm }\nspec: ${podSpec(', hostPID: false, hostNetwork: false')}\n`,
    ].join('---\n');
    expect(rules(yaml)).toEqual([
      ['host-pid', 'Pod', 'p', 'spec.hostPID'],
      ['privileged', 'Deployment', 'd', 'spec.template.spec.containers[0].securityContext.privileged'],
      ['host-network', 'StatefulSet', 'ss', 'spec.template.spec.hostNetwork'],
      ['host-path', 'DaemonSet', 'ds', 'spec.template.spec.volumes[0].hostPath'],
      ['host-ipc', 'ReplicaSet', 'rs', 'spec.template.spec.hostIPC'],
      ['privileged', 'Job', 'j', 'spec.template.spec.initContainers[0].securityContext.capabilities.add'],
      ['privileged', 'CronJob', 'cj', 'spec.jobTemplate.spec.template.spec.ephemeralContainers[0].securityContext.privileged'],
    ]);
  });

  it('refuses the first object it does not allow, naming the object, the rule and the field; each rule is allowed on its own', () => {
    const documents = parseManifestDocuments(
      `apiVersion: v1\nkind: Secret\nmetadata: { name: s, namespace: prod }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: ${podSpec(', hostPID: true')}\n`,
    );
    const refusal = (() => {
      try {
        checkManifestPolicy(documents, STRICT_MANIFEST_POLICY);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(ClusterError);
    expect((refusal as ClusterError).code).toBe('refused_by_policy');
    expect((refusal as ClusterError).details).toEqual({
      tool: 'apply_manifest',
      kind: 'Secret',
      name: 's',
      namespace: 'prod',
      rule: 'secrets',
    });
    expect(() => checkManifestPolicy(documents, { allow: ['secrets'] })).toThrow(/Pod p \(spec.hostPID\).*host-pid/);
    expect(() => checkManifestPolicy(documents, { allow: ['secrets', 'host-pid'] })).not.toThrow();
  });
});
