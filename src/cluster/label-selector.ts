import { ClusterError } from './cluster-error.js';

/** One requirement of a Kubernetes label selector (equality- and set-based forms). */
export type LabelRequirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'not_exists' };

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw`[A-Za-z0-9]?(?:[-A-Za-z0-9_.]*[A-Za-z0-9])?`;
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const EXISTS = new RegExp(`^(!?)(${KEY})$`);

/** Splits at commas that are not inside parentheses. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms.map((term) => term.trim());
}

function invalid(selector: string, term: string): ClusterError {
  return new ClusterError('invalid', `invalid label selector "${selector}": cannot parse "${term}"`, {
    field: 'label_selector',
    value: selector,
  });
}

/** Parses "app=web,tier!=cache,env in (prod,staging),!canary". An empty selector matches everything. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  if (selector.trim() === '') return [];
  return splitTerms(selector).map((term): LabelRequirement => {
    const equality = EQUALITY.exec(term);
    if (equality) {
      const [, key = '', op, value = ''] = equality;
      return { key, op: op === '!=' ? 'neq' : 'eq', value };
    }
    const set = SET.exec(term);
    if (set) {
      const [, key = '', op, list = ''] = set;
      const values = list.split(',').map((value) => value.trim());
      if (values.some((value) => !new RegExp(`^${VALUE}$`).test(value))) throw invalid(selector, term);
      return { key, op: op === 'in' ? 'in' : 'notin', values };
    }
    const exists = EXISTS.exec(term);
    if (exists) {
      const [, bang, key = ''] = exists;
      return { key, op: bang === '!' ? 'not_exists' : 'exists' };
    }
    throw invalid(selector, term);
  });
}

export function matchesLabelSelector(labels: Record<string, string>, requirements: LabelRequirement[]): boolean {
  return requirements.every((requirement) => {
    const value = labels[requirement.key];
    switch (requirement.op) {
      case 'eq':
        return value === requirement.value;
      case 'neq':
        return value !== requirement.value;
      case 'in':
        return value !== undefined && requirement.values.includes(value);
      case 'notin':
        return value === undefined || !requirement.values.includes(value);
      case 'exists':
        return value !== undefined;
      case 'not_exists':
        return value === undefined;
    }
  });
}
