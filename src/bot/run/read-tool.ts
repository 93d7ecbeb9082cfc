import type { ClusterExecutor } from '../../cluster/executor.js';
import type {
  DeploymentSummary,
  EventSummary,
  NodeSummary,
  PodLogs,
  PodSummary,
  ResourceDescription,
  RolloutRevision,
} from '../../cluster/results.js';
import { isReadOnly, type ToolCall } from '../../tools/catalog.js';

/** A validated call of one of the seven read tools. */
export type ReadCall = Extract<
  ToolCall,
  { name: 'list_pods' | 'get_pod_logs' | 'describe_resource' | 'list_events' | 'list_deployments' | 'get_rollout_history' | 'list_nodes' }
>;
export type WriteCall = Exclude<ToolCall, ReadCall>;

export function isReadCall(call: ToolCall): call is ReadCall {
  return isReadOnly(call.name);
}

/** What a read tool returned, with the namespace it was asked about (the default one when none was given). */
export type ReadResult =
  | { tool: 'list_pods'; namespace: string; selector: string | null; pods: PodSummary[]; otherNamespaces: string[] }
  | { tool: 'get_pod_logs'; namespace: string; logs: PodLogs }
  | { tool: 'describe_resource'; description: ResourceDescription }
  | { tool: 'list_events'; namespace: string; object: string | null; events: EventSummary[] }
  | { tool: 'list_deployments'; namespace: string; deployments: DeploymentSummary[]; otherNamespaces: string[] }
  | { tool: 'get_rollout_history'; namespace: string; name: string; revisions: RolloutRevision[] }
  | { tool: 'list_nodes'; nodes: NodeSummary[] };

/** Where else to look when a namespace is empty: the other namespaces in scope (none if they cannot be listed). */
async function otherNamespaces(executor: ClusterExecutor, empty: boolean, namespace: string): Promise<string[]> {
  if (!empty) return [];
  const all = await executor.listNamespaces().catch(() => []);
  return all.filter((n) => n !== namespace);
}

/** Runs a read call through the (scoped) executor, keeping each result's type. Throws ClusterError. */
export async function runReadTool(executor: ClusterExecutor, call: ReadCall, defaultNamespace: string): Promise<ReadResult> {
  switch (call.name) {
    case 'list_pods': {
      const namespace = call.arguments.namespace ?? defaultNamespace;
      const pods = await executor.list_pods(call.arguments);
      const selector = call.arguments.label_selector ?? null;
      // With a selector, an empty list says nothing about the namespace itself.
      return {
        tool: call.name,
        namespace,
        selector,
        pods,
        otherNamespaces: await otherNamespaces(executor, pods.length === 0 && !selector, namespace),
      };
    }
    case 'get_pod_logs':
      return {
        tool: call.name,
        namespace: call.arguments.namespace ?? defaultNamespace,
        logs: await executor.get_pod_logs(call.arguments),
      };
    case 'describe_resource':
      return { tool: call.name, description: await executor.describe_resource(call.arguments) };
    case 'list_events': {
      const namespace = call.arguments.namespace ?? defaultNamespace;
      return {
        tool: call.name,
        namespace,
        object: call.arguments.involved_object ?? null,
        events: await executor.list_events(call.arguments),
      };
    }
    case 'list_deployments': {
      const namespace = call.arguments.namespace ?? defaultNamespace;
      const deployments = await executor.list_deployments(call.arguments);
      return {
        tool: call.name,
        namespace,
        deployments,
        otherNamespaces: await otherNamespaces(executor, deployments.length === 0, namespace),
      };
    }
    case 'get_rollout_history':
      return {
        tool: call.name,
        namespace: call.arguments.namespace ?? defaultNamespace,
        name: call.arguments.name,
        revisions: await executor.get_rollout_history(call.arguments),
      };
    case 'list_nodes':
      return { tool: call.name, nodes: await executor.list_nodes() };
  }
}
