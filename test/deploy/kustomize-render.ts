import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

/**
 * A deliberately small kustomize: `resources` (YAML files and directories holding a Kustomization) and
 * `components` (directories holding a Component), nothing else. deploy/ uses only these, so rendering it
 * needs no kubectl. Any other kustomization field (patches, namespace, images, labels, generators...) is
 * refused: strictObject makes the test fail instead of rendering something kustomize would not.
 */

export const kubeObjectSchema = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({
    name: z.string().min(1),
    namespace: z.string().min(1).optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
});
export type KubeObject = z.infer<typeof kubeObjectSchema>;

const localPath = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(p) && !p.includes('?'), 'only relative local paths');

const kustomizationSchema = z.strictObject({
  apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
  kind: z.literal('Kustomization'),
  resources: z.array(localPath).optional(),
  components: z.array(localPath).optional(),
});

const componentSchema = z.strictObject({
  apiVersion: z.literal('kustomize.config.k8s.io/v1alpha1'),
  kind: z.literal('Component'),
  resources: z.array(localPath).optional(),
});

export class UnsupportedKustomization extends Error {
  override name = 'UnsupportedKustomization';
}

/**
 * Kubernetes reads YAML 1.1 (sigs.k8s.io/yaml), where yes/no/on/off are booleans. Parsing the same way
 * lets the checks see what the API server would, e.g. an unquoted `yes` in a container's args.
 */
export function parseKubeYaml(text: string, source: string): unknown[] {
  const values: unknown[] = [];
  for (const document of parseAllDocuments(text, { version: '1.1' })) {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0]?.message ?? 'invalid YAML'}`);
    if (document.warnings.length > 0) throw new Error(`${source}: ${document.warnings[0]?.message ?? 'YAML warning'}`);
    const value: unknown = document.toJS();
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

export function objectId(object: KubeObject): string {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  return `${group}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function readKustomizationFile(directory: string): unknown {
  const file = join(directory, 'kustomization.yaml');
  if (!existsSync(file)) throw new UnsupportedKustomization(`${directory}: no kustomization.yaml`);
  const documents = parseKubeYaml(readFileSync(file, 'utf8'), file);
  if (documents.length !== 1) throw new UnsupportedKustomization(`${file}: expected exactly one document`);
  return documents[0];
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, source: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknownKeys = issue?.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    throw new UnsupportedKustomization(`${source}: not supported by this renderer: ${issue?.message ?? 'invalid'}${unknownKeys}`);
  }
  return parsed.data;
}

function readResourceFile(file: string): KubeObject[] {
  if (!/\.ya?ml$/.test(file)) throw new UnsupportedKustomization(`${file}: a resource file must be YAML`);
  return parseKubeYaml(readFileSync(file, 'utf8'), file).map((value, index) => {
    const parsed = kubeObjectSchema.safeParse(value);
    if (!parsed.success)
      throw new Error(`${file} document ${index + 1}: not a Kubernetes object: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  });
}

function resolveResources(directory: string, entries: readonly string[]): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const entry of entries) {
    const path = resolve(directory, entry);
    if (!existsSync(path)) throw new Error(`${directory}: resource ${entry} does not exist`);
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : readResourceFile(path)));
  }
  return objects;
}

function renderComponent(directory: string): KubeObject[] {
  const component = parseWith(componentSchema, readKustomizationFile(directory), join(directory, 'kustomization.yaml'));
  return resolveResources(directory, component.resources ?? []);
}

/** Every object the kustomization in `directory` produces: its resources, then its components' resources. */
export function renderKustomization(directory: string): KubeObject[] {
  const kustomization = parseWith(kustomizationSchema, readKustomizationFile(directory), join(directory, 'kustomization.yaml'));
  const objects = [
    ...resolveResources(directory, kustomization.resources ?? []),
    ...(kustomization.components ?? []).flatMap((entry) => renderComponent(resolve(directory, entry))),
  ];
  // kustomize refuses two objects with one id; so do we, or a later file would silently shadow another.
  const seen = new Set<string>();
  for (const object of objects) {
    const id = objectId(object);
    if (seen.has(id)) throw new Error(`${directory}: ${id} is defined twice`);
    seen.add(id);
  }
  return objects;
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEPLOY_DIR = join(REPO_ROOT, 'deploy');
