/** A workload's LabelSelector as the labelSelector query string the API server takes. */

export interface SelectorLike {
  matchLabels?: Record<string, string> | undefined;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] | undefined }> | undefined;
}

function expression(requirement: { key: string; operator: string; values?: string[] | undefined }): string {
  const values = (requirement.values ?? []).join(',');
  switch (requirement.operator) {
    case 'In':
      return `${requirement.key} in (${values})`;
    case 'NotIn':
      return `${requirement.key} notin (${values})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
    default:
      throw new Error(`unknown label selector operator ${requirement.operator}`);
  }
}

/** {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [a, b]}]} → "app=web,tier in (a,b)" */
export function selectorToString(selector: SelectorLike): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  return [...labels, ...(selector.matchExpressions ?? []).map(expression)].join(',');
}
