import { z } from 'zod';

/**
 * The parts of the cluster tools' results (src/cluster/results.ts) the offline provider reads. Lenient on
 * purpose: a result may have been cut to fit the agent's budget, so only the fields used are required.
 */

const stringMap = z.record(z.string(), z.string()).catch({});

export const podSchema = z.looseObject({
  name: z.string(),
  phase: z.string().catch('Unknown'),
  ready: z.string().catch('?'),
  restarts: z.number().catch(0),
  age: z.string().catch('?'),
  reason: z.string().nullish().catch(null),
  owner: z.string().nullish().catch(null),
  labels: stringMap.optional(),
});
export type OfflinePod = z.infer<typeof podSchema>;

export const podLogsSchema = z.looseObject({
  pod: z.string(),
  container: z.string().catch(''),
  previous: z.boolean().catch(false),
  lines: z.array(z.string()),
});
export type OfflinePodLogs = z.infer<typeof podLogsSchema>;

export const eventSchema = z.looseObject({
  type: z.string().catch('Normal'),
  reason: z.string().catch(''),
  object: z.string().catch(''),
  message: z.string().catch(''),
  count: z.number().catch(1),
  lastSeen: z.string().catch(''),
});
export type OfflineEvent = z.infer<typeof eventSchema>;

export const deploymentSchema = z.looseObject({
  name: z.string(),
  ready: z.string().catch('?'),
  images: z.array(z.string()).catch([]),
  revision: z.number().nullish().catch(null),
  age: z.string().catch('?'),
});
export type OfflineDeployment = z.infer<typeof deploymentSchema>;

export const revisionSchema = z.looseObject({
  revision: z.number(),
  images: z.array(z.string()).catch([]),
  changeCause: z.string().nullish().catch(null),
  createdAt: z.string().catch(''),
  current: z.boolean().catch(false),
});
export type OfflineRevision = z.infer<typeof revisionSchema>;

export const nodeSchema = z.looseObject({
  name: z.string(),
  status: z.string().catch('?'),
  roles: z.array(z.string()).catch([]),
  version: z.string().catch('?'),
  age: z.string().catch('?'),
  podCount: z.number().nullish().catch(null),
  conditions: z.array(z.looseObject({ type: z.string(), status: z.string() })).catch([]),
});
export type OfflineNode = z.infer<typeof nodeSchema>;

export const descriptionSchema = z.looseObject({
  kind: z.string(),
  name: z.string(),
  namespace: z.string().nullish().catch(null),
  age: z.string().catch('?'),
  labels: stringMap,
  details: z.record(z.string(), z.unknown()).catch({}),
  events: z.array(eventSchema).catch([]),
});
export type OfflineDescription = z.infer<typeof descriptionSchema>;

export const changeResultSchema = z.looseObject({ message: z.string() });

export const podsSchema = z.array(podSchema);
export const eventsSchema = z.array(eventSchema);
export const deploymentsSchema = z.array(deploymentSchema);
export const revisionsSchema = z.array(revisionSchema);
export const nodesSchema = z.array(nodeSchema);
