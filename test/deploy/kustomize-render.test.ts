import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEPLOY_DIR,
  kubeObjectSchema,
  objectId,
  parseKubeYaml,
  renderKustomization,
  UnsupportedKustomization,
} from './kustomize-render.js';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: t\ndata:\n  A: "1"\n`;

describe('the test renderer for kustomize', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kustomize-render-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function write(path: string, text: string): void {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  it('collects the objects of resource files, nested kustomizations and components, in that order', () => {
    write('base/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n');
    write('base/a.yaml', `${configMap('a')}---\n${configMap('b')}`);
    write('extra/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [c.yaml]\n');
    write('extra/c.yaml', configMap('c'));
    write(
      'top/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\ncomponents: [../extra]\n',
    );
    expect(renderKustomization(join(dir, 'top')).map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['patches', 'patches:\n  - path: p.yaml\n'],
    ['namespace', 'namespace: other\n'],
    ['images', 'images:\n  - name: x\n    newTag: "2"\n'],
    ['labels', 'labels:\n  - pairs: {a: b}\n'],
    ['configMapGenerator', 'configMapGenerator:\n  - name: g\n    literals: [A=1]\n'],
  ])('refuses a kustomization that uses %s, a feature it does not implement', (_feature, snippet) => {
    write('k/kustomization.yaml', `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n${snippet}`);
    expect(() => renderKustomization(join(dir, 'k'))).toThrow(UnsupportedKustomization);
  });

  it('refuses remote resources and a Component listed under resources', () => {
    write(
      'remote/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [https://example.com/x.yaml]\n',
    );
    expect(() => renderKustomization(join(dir, 'remote'))).toThrow(UnsupportedKustomization);
    write('comp/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: []\n');
    write('wrong/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../comp]\n');
    expect(() => renderKustomization(join(dir, 'wrong'))).toThrow(UnsupportedKustomization);
  });

  it('refuses the same object defined twice, as kustomize does', () => {
    write('dup/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml, b.yaml]\n');
    write('dup/a.yaml', configMap('same'));
    write('dup/b.yaml', configMap('same'));
    expect(() => renderKustomization(join(dir, 'dup'))).toThrow(/defined twice/);
  });

  it('reads YAML as Kubernetes does (1.1), so an unquoted yes is a boolean and not a string', () => {
    const [value] = parseKubeYaml('args: [--appendonly, yes]\n', 'inline');
    expect(value).toEqual({ args: ['--appendonly', true] });
  });
});

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

// The real kustomize (inside kubectl) is the reference; without kubectl this cross-check is skipped.
describe.skipIf(!kubectlAvailable())('the renderer against kubectl kustomize', () => {
  it.each(['base', 'overlays/default', 'overlays/read-only'])('renders deploy/%s to the same objects', (path) => {
    const ours = renderKustomization(join(DEPLOY_DIR, path));
    const output = execFileSync('kubectl', ['kustomize', join(DEPLOY_DIR, path)], { encoding: 'utf8', timeout: 30_000 });
    const theirs = parseKubeYaml(output, `kubectl kustomize ${path}`).map((v) => kubeObjectSchema.parse(v));
    const byId = (objects: typeof ours) => new Map(objects.map((o) => [objectId(o), o]));
    expect(byId(ours)).toEqual(byId(theirs));
  });
});
