import { isReadOnly } from '../../tools/risk.js';
import type { ResourceKind } from '../../cluster/resource-kinds.js';
import type { ToolName } from '../../tools/registry.js';
import { toolParameters, type ToolParameter } from './tool-parameters.js';

/** Where the buttons of a resource step come from. */
export type ResourceSource = 'deployments' | 'pods' | 'by-kind';

/**
 * The questions of the guided /run flow for one tool, in order: the kind of resource (describe, delete), the
 * namespace, the resource itself, then the other values: required ones, and for changes the optional ones too
 * (skippable). A read tool runs with its defaults; its answer shows the typed form, where options can be added.
 */
export type GuidedStep =
  | { kind: 'resource-kind'; parameter: ToolParameter }
  | { kind: 'namespace'; parameter: ToolParameter }
  | { kind: 'resource'; parameter: ToolParameter; source: ResourceSource }
  | { kind: 'value'; parameter: ToolParameter };

const RESOURCE_KEYS = new Set(['name', 'pod']);

export function guidedSteps(tool: ToolName): GuidedStep[] {
  const parameters = toolParameters(tool);
  const byKey = new Map(parameters.map((p) => [p.key, p]));
  const steps: GuidedStep[] = [];
  const kind = byKey.get('kind');
  if (kind) steps.push({ kind: 'resource-kind', parameter: kind });
  const namespace = byKey.get('namespace');
  if (namespace) steps.push({ kind: 'namespace', parameter: namespace });
  const resource = parameters.find((p) => RESOURCE_KEYS.has(p.key));
  if (resource) {
    const source: ResourceSource = resource.key === 'pod' ? 'pods' : kind ? 'by-kind' : 'deployments';
    steps.push({ kind: 'resource', parameter: resource, source });
  }
  const rest = parameters.filter((p) => p.key !== 'kind' && p.key !== 'namespace' && !RESOURCE_KEYS.has(p.key));
  const optional = isReadOnly(tool) ? [] : rest.filter((p) => !p.required);
  for (const parameter of [...rest.filter((p) => p.required), ...optional]) {
    steps.push({ kind: 'value', parameter });
  }
  return steps;
}

/** The optional values the guided flow does not ask for this tool (they can be added to the typed form). */
export function unaskedOptions(tool: ToolName): ToolParameter[] {
  const asked = new Set(guidedSteps(tool).map((s) => s.parameter.key));
  return toolParameters(tool).filter((p) => !asked.has(p.key));
}

/** Kinds whose names the executor can list; the others are typed. */
export const LISTABLE_KINDS: ReadonlySet<string> = new Set<ResourceKind>(['pod', 'deployment', 'node']);

/** Nodes belong to no namespace, so describing or deleting one skips the namespace question. */
export function needsNamespace(kind: string | undefined): boolean {
  return kind !== 'node';
}
