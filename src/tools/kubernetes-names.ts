import { z } from 'zod';

/** DNS-1123 label: what Kubernetes requires of a namespace or a container name. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 subdomain: dot-separated labels, what Kubernetes requires of most object names. */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const MAX_LABEL_SELECTOR_LENGTH = 512;

export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

// A label key is an optional DNS subdomain prefix and '/', then a name of at most 63 characters.
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (slash !== -1 && !isDns1123Subdomain(key.slice(0, slash))) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}

function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const EXISTS = new RegExp(String.raw`^(!?)\s*(${KEY})$`);
const EQUALITY = new RegExp(String.raw`^(${KEY})\s*(==|!=|=)\s*([-A-Za-z0-9_.]*)$`);
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);

function isRequirement(text: string): boolean {
  const requirement = text.trim();
  const exists = EXISTS.exec(requirement);
  if (exists) return isLabelKey(exists[2] ?? '');
  const equality = EQUALITY.exec(requirement);
  if (equality) return isLabelKey(equality[1] ?? '') && isLabelValue(equality[3] ?? '');
  const set = SET.exec(requirement);
  if (set) {
    const values = (set[3] ?? '').split(',').map((v) => v.trim());
    return isLabelKey(set[1] ?? '') && values.length > 0 && values.every(isLabelValue);
  }
  return false;
}

/** Kubernetes label selector syntax: `a=b,c!=d,e in (f,g),!h`. Commas inside `( )` belong to a set. */
export function isLabelSelector(selector: string): boolean {
  if (selector.trim() === '' || selector.length > MAX_LABEL_SELECTOR_LENGTH) return false;
  const requirements: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0 || depth > 1) return false;
    if (char === ',' && depth === 0) {
      requirements.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  requirements.push(current);
  return depth === 0 && requirements.every(isRequirement);
}

export const NAME_RULE =
  "a Kubernetes name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)";
export const LABEL_RULE =
  "a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)";

export const resourceNameSchema = z.string().max(253, `must be ${NAME_RULE}`).regex(DNS1123_SUBDOMAIN, `must be ${NAME_RULE}`);

export const namespaceSchema = z.string().max(63, `must be ${LABEL_RULE}`).regex(DNS1123_LABEL, `must be ${LABEL_RULE}`);

export const containerNameSchema = namespaceSchema;

export const labelSelectorSchema = z
  .string()
  .max(MAX_LABEL_SELECTOR_LENGTH, `must be at most ${MAX_LABEL_SELECTOR_LENGTH} characters`)
  .refine(isLabelSelector, 'must be a Kubernetes label selector such as "app=web,tier!=cache"');
