import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execForm, parseDockerfile, type Stage } from './dockerfile.js';
import { DEPLOY_DIR, REPO_ROOT } from './kustomize-render.js';

const dockerfile = parseDockerfile(readFileSync(join(DEPLOY_DIR, 'Dockerfile'), 'utf8'));
const finalStage = dockerfile.stages.at(-1) as Stage;
const args = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const last = (stage: Stage, keyword: string) => args(stage, keyword).at(-1);

describe('deploy/Dockerfile', () => {
  it('builds in stages, every one on a Node 22 slim image', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of dockerfile.stages)
      expect(stage.image).toMatch(/^node:22(\.\d+){0,2}-(bookworm-|bullseye-|trixie-)?slim(@sha256:[0-9a-f]{64})?$/);
  });

  it('installs production dependencies exactly from the lock file and copies them into the final stage', () => {
    const installer = dockerfile.stages.find((s) => args(s, 'RUN').some((r) => /\bnpm ci\b.*--omit=dev/.test(r)));
    expect(installer?.name).toBeDefined();
    expect(args(finalStage, 'RUN').some((r) => /\bnpm (install|i|ci)\b/.test(r) && !/--omit=dev/.test(r))).toBe(false);
    expect(args(finalStage, 'COPY')).toContain(`--from=${installer?.name ?? ''} /app/node_modules ./node_modules`);
  });

  it('ships what the app reads at run time: sources, locales, package.json and tsconfig', () => {
    const copies = args(finalStage, 'COPY').join('\n');
    for (const needed of ['src', 'locales', 'package.json', 'tsconfig.json']) expect(copies).toContain(needed);
  });

  it('runs as a numeric non-root user', () => {
    const user = last(finalStage, 'USER');
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user?.split(':')[0])).toBeGreaterThan(0);
  });

  it('checks its own health on /healthz with Node, since the slim image has no curl', () => {
    const healthcheck = last(finalStage, 'HEALTHCHECK') ?? '';
    const command = execForm(healthcheck.replace(/^(--\S+\s+)*CMD\s+/, ''));
    expect(command?.slice(0, 2)).toEqual(['node', '-e']);
    expect(command?.[2]).toContain('/healthz');
    expect(command?.[2]).toContain('METRICS_PORT');
  });

  it('starts src/main.ts through tsx with node itself (signals reach the app)', () => {
    expect(execForm(last(finalStage, 'CMD') ?? '')).toEqual(['node', '--import', 'tsx', 'src/main.ts']);
    expect(args(finalStage, 'ENTRYPOINT')).toEqual([]);
  });

  it('bakes in no secret: no secret-looking ARG or ENV, no .env copied', () => {
    const all = dockerfile.stages.flatMap((s) => s.instructions);
    const declared = [
      ...Object.keys(dockerfile.globalArgs),
      ...all.filter((i) => i.keyword === 'ARG' || i.keyword === 'ENV').map((i) => i.args),
    ];
    expect(declared.filter((d) => /TOKEN|API_KEY|SECRET|PASSWORD|REDIS_URL/i.test(d))).toEqual([]);
    expect(all.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && /\.env\b|\s\.\s/.test(` ${i.args} `))).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps secrets, dependencies and git history out of the build context', () => {
    const path = join(REPO_ROOT, '.dockerignore');
    expect(existsSync(path)).toBe(true);
    const patterns = readFileSync(path, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const pattern of ['.env', '.env.*', 'node_modules', '.git', 'deploy']) expect(patterns).toContain(pattern);
  });
});
