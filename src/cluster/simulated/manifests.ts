/** Simulated objects rendered as the manifests kubectl would show, and manifest specs read back into them. */

import { stringify } from 'yaml';
import { z } from 'zod';
import { ClusterError } from '../cluster-error.js';
import { isDns1123Label as isDnsLabel } from '../../tools/kubernetes-names.js';
import type { ManifestDocument } from '../manifest-documents.js';
import type { JsonObject, JsonValue } from '../results.js';
import type { SimulatedContainer, SimulatedObject, SimulatedPodTemplate, SimulatedWorkload, SimulatedWorkloadKind } from './state.js';

const nonEmpty = (record: Record<string, string>) => (Object.keys(record).length > 0 ? { ...record } : undefined);

/** Drops undefined fields so the result is valid JSON. */
function compact(value: Record<string, JsonValue | undefined>): JsonObject {
  const result: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) result[key] = inner;
  return result;
}

export function renderContainer(container: SimulatedContainer): JsonObject {
  return compact({
    name: container.name,
    image: container.image,
    env: container.env.length > 0 ? container.env.map((variable) => compact({ ...variable })) : undefined,
    ...container.extra,
  });
}

export function renderTemplate(template: SimulatedPodTemplate): JsonObject {
  return {
    metadata: compact({ labels: nonEmpty(template.labels), annotations: nonEmpty(template.annotations), ...template.metadataExtra }),
    spec: { containers: template.containers.map(renderContainer), ...template.specExtra },
  };
}

export function renderWorkload(workload: SimulatedWorkload): JsonObject {
  return {
    apiVersion: workload.apiVersion,
    kind: workload.kind,
    metadata: compact({
      name: workload.name,
      namespace: workload.namespace,
      labels: nonEmpty(workload.labels),
      annotations: nonEmpty(workload.annotations),
    }),
    spec: compact({
      replicas: workload.kind === 'DaemonSet' ? undefined : workload.replicas,
      selector: { matchLabels: { ...workload.selector } },
      strategy: workload.kind === 'Deployment' ? { type: workload.strategy } : undefined,
      ...workload.specExtra,
      template: renderTemplate(workload.template),
    }),
    ...workload.bodyExtra,
  };
}

// kubectl diff masks Secret values too: an approval card must never show them.
const SECRET_FIELDS = ['data', 'stringData'];

export function renderObject(object: SimulatedObject, options: { redactSecrets: boolean }): JsonObject {
  const body: JsonObject = { ...object.body };
  if (options.redactSecrets && object.kind === 'Secret') {
    for (const field of SECRET_FIELDS) {
      const value = body[field];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        body[field] = Object.fromEntries(Object.keys(value).map((key) => [key, '(redacted)']));
      }
    }
  }
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: compact({
      name: object.name,
      namespace: object.namespace ?? undefined,
      labels: nonEmpty(object.labels),
      annotations: nonEmpty(object.annotations),
    }),
    ...body,
  };
}

export function manifestYaml(value: JsonObject | null): string {
  return value === null ? '' : stringify(value, { lineWidth: 0 });
}

const stringMap = z.record(z.string(), z.string());
const containerSchema = z
  .object({
    name: z.string().refine(isDnsLabel, 'container name must be a DNS-1123 label'),
    image: z.string().min(1),
    env: z
      .array(
        z.object({
          name: z.string().min(1),
          value: z.string().optional(),
          valueFrom: z.record(z.string(), z.json()).optional(),
        }),
      )
      .optional(),
  })
  .catchall(z.json());
const workloadSpecSchema = z
  .object({
    replicas: z.number().int().min(0).max(1000).optional(),
    selector: z.object({ matchLabels: stringMap }),
    strategy: z
      .object({ type: z.enum(['RollingUpdate', 'Recreate']) })
      .catchall(z.json())
      .optional(),
    template: z.object({
      metadata: z.object({ labels: stringMap, annotations: stringMap.optional() }).catchall(z.json()),
      spec: z.object({ containers: z.array(containerSchema).min(1) }).catchall(z.json()),
    }),
  })
  .catchall(z.json());

export interface WorkloadSpec {
  replicas: number | undefined;
  selector: Record<string, string>;
  strategy: string | undefined;
  specExtra: JsonObject;
  template: SimulatedPodTemplate;
}

/** Reads a Deployment/StatefulSet/DaemonSet manifest's spec; throws ClusterError 'invalid' as the API server would. */
export function readWorkloadSpec(document: ManifestDocument & { kind: SimulatedWorkloadKind }): WorkloadSpec {
  const parsed = workloadSpecSchema.safeParse(document.body['spec']);
  const where = `${document.kind} ${document.metadata.name}`;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['spec', ...(issue?.path ?? []).map(String)].join('.');
    throw new ClusterError('invalid', `${where}: ${path}: ${issue?.message ?? 'invalid'}`, {
      kind: document.kind,
      name: document.metadata.name,
      field: path,
    });
  }
  const { replicas, selector, strategy, template, ...specExtra } = parsed.data;
  const { labels, annotations } = template.metadata;
  const mismatched = Object.entries(selector.matchLabels).filter(([key, value]) => labels[key] !== value);
  if (Object.keys(selector.matchLabels).length === 0 || mismatched.length > 0) {
    throw new ClusterError('invalid', `${where}: spec.template.metadata.labels: selector does not match template labels`, {
      kind: document.kind,
      name: document.metadata.name,
      field: 'spec.selector',
    });
  }
  const { containers, ...templateSpecExtra } = template.spec;
  const { labels: _labels, annotations: _annotations, ...metadataExtra } = template.metadata;
  return {
    replicas,
    selector: selector.matchLabels,
    strategy: strategy?.type,
    specExtra,
    template: {
      labels,
      annotations: annotations ?? {},
      containers: containers.map(({ name, image, env, ...extra }) => ({
        name,
        image,
        env: (env ?? []).map((variable) => ({ ...variable })),
        extra,
      })),
      specExtra: templateSpecExtra,
      // Only when there is some, so templates without any hash as they always did.
      ...(Object.keys(metadataExtra).length > 0 ? { metadataExtra } : {}),
    },
  };
}

const podSpecSchema = z.object({ containers: z.array(containerSchema).min(1) }).catchall(z.json());

/** Reads a bare Pod manifest's spec: its containers, and every other field as it is. Throws ClusterError 'invalid' as the API server would. */
export function readPodSpec(document: ManifestDocument): { containers: SimulatedContainer[]; specExtra: JsonObject } {
  const parsed = podSpecSchema.safeParse(document.body['spec']);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['spec', ...(issue?.path ?? []).map(String)].join('.');
    throw new ClusterError('invalid', `Pod ${document.metadata.name}: ${path}: ${issue?.message ?? 'invalid'}`, {
      kind: 'Pod',
      name: document.metadata.name,
      field: path,
    });
  }
  const { containers, ...specExtra } = parsed.data;
  return {
    containers: containers.map(({ name, image, env, ...extra }) => ({
      name,
      image,
      env: (env ?? []).map((variable) => ({ ...variable })),
      extra,
    })),
    specExtra,
  };
}

/** The top-level fields of a manifest besides apiVersion, kind, metadata and spec; undefined when there are none. */
export function bodyExtraOf(document: ManifestDocument): JsonObject | undefined {
  const { spec: _spec, ...rest } = document.body;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
