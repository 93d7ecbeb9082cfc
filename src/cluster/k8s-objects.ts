/** zod schemas for the raw JSON objects the executor reads (only the fields it uses; everything else is kept). */

import { z } from 'zod';
import { ClusterError } from './cluster-error.js';

const stringMap = z.record(z.string(), z.string());

const ownerReferenceSchema = z
  .object({ kind: z.string(), name: z.string(), uid: z.string().optional(), controller: z.boolean().optional() })
  .catchall(z.json());

export const kubeMetadataSchema = z
  .object({
    name: z.string(),
    namespace: z.string().optional(),
    uid: z.string().optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
    creationTimestamp: z.string().optional(),
    ownerReferences: z.array(ownerReferenceSchema).optional(),
  })
  .catchall(z.json());

export const kubeObjectSchema = z
  .object({ apiVersion: z.string().optional(), kind: z.string().optional(), metadata: kubeMetadataSchema })
  .catchall(z.json());
export type KubeObject = z.infer<typeof kubeObjectSchema>;

export const kubeListSchema = z.object({ items: z.array(kubeObjectSchema) }).catchall(z.json());

export const labelSelectorSchema = z.object({
  matchLabels: stringMap.optional(),
  matchExpressions: z.array(z.object({ key: z.string(), operator: z.string(), values: z.array(z.string()).optional() })).optional(),
});

const containerSchema = z.object({ name: z.string(), image: z.string().optional() }).catchall(z.json());

/** A pod template, kept whole (a rollback writes it back as read). */
export const podTemplateSchema = z
  .object({
    metadata: z.object({ labels: stringMap.optional(), annotations: stringMap.optional() }).catchall(z.json()).optional(),
    spec: z.object({ containers: z.array(containerSchema) }).catchall(z.json()),
  })
  .catchall(z.json());
export type PodTemplate = z.infer<typeof podTemplateSchema>;

/** Deployments and ReplicaSets, as far as rollouts need them. */
export const workloadObjectSchema = kubeObjectSchema.extend({
  spec: z
    .object({
      replicas: z.number().optional(),
      paused: z.boolean().optional(),
      selector: labelSelectorSchema,
      template: podTemplateSchema,
    })
    .catchall(z.json()),
  status: z
    .object({
      replicas: z.number().optional(),
      readyReplicas: z.number().optional(),
      availableReplicas: z.number().optional(),
      updatedReplicas: z.number().optional(),
    })
    .catchall(z.json())
    .optional(),
});
export type WorkloadObject = z.infer<typeof workloadObjectSchema>;
export const workloadListSchema = z.object({ items: z.array(workloadObjectSchema) }).catchall(z.json());

export const scaleObjectSchema = kubeObjectSchema.extend({
  spec: z.object({ replicas: z.number().optional() }).catchall(z.json()).optional(),
});

/** Validates a response body; a body of the wrong shape means the server is not what we expect. */
export function parseKube<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    const problem = `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`;
    throw new ClusterError('unavailable', `unexpected response from the Kubernetes API for ${what}: ${problem}`, {
      reason: 'UnexpectedResponse',
      resource: what,
    });
  }
  return parsed.data;
}
