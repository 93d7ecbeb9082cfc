import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEPLOY_DIR } from './kustomize-render.js';

const serviceSchema = z.looseObject({
  image: z.string(),
  build: z.looseObject({ context: z.string(), dockerfile: z.string() }).optional(),
  command: z.array(z.string()).optional(),
  user: z.string().optional(),
  profiles: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  env_file: z.union([z.string(), z.array(z.string())]).optional(),
  depends_on: z.record(z.string(), z.looseObject({ condition: z.string() })).optional(),
  volumes: z.array(z.string()).optional(),
  read_only: z.boolean().optional(),
  cap_drop: z.array(z.string()).optional(),
  healthcheck: z.looseObject({ test: z.array(z.string()) }).optional(),
});
const composeSchema = z.looseObject({ services: z.record(z.string(), serviceSchema), volumes: z.record(z.string(), z.unknown()) });

// Compose reads YAML with merge keys (<<: *app); YAML 1.1 mode resolves them as Compose does.
const compose = composeSchema.parse(parse(readFileSync(join(DEPLOY_DIR, 'docker-compose.yml'), 'utf8'), { version: '1.1' }));
const service = (name: string) => {
  const found = compose.services[name];
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

describe('deploy/docker-compose.yml', () => {
  it('runs Redis with append-only persistence on a named volume and no key eviction', () => {
    const redis = service('redis');
    const command = redis.command ?? [];
    const option = (name: string) => command[command.indexOf(name) + 1];
    expect(command[0]).toBe('redis-server');
    expect(option('--appendonly')).toBe('yes');
    expect(option('--appendfsync')).toBe('everysec');
    expect(option('--maxmemory-policy')).toBe('noeviction');
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(Object.keys(compose.volumes)).toContain('redis-data');
    expect(redis.healthcheck?.test.join(' ')).toContain('redis-cli ping');
  });

  it('starts the bot and the worker roles from the one image built by deploy/Dockerfile, after Redis is healthy', () => {
    for (const [name, role] of [
      ['bot', 'bot'],
      ['worker', 'worker'],
    ] as const) {
      const s = service(name);
      expect(s.command).toEqual(['node', '--import', 'tsx', 'src/main.ts', '--role', role]);
      expect(s.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(s.image).toBe(service('bot').image);
      expect(s.environment?.['REDIS_URL']).toBe('redis://redis:6379');
      expect(s.env_file).toBe('../.env');
      expect(s.depends_on?.['redis']?.condition).toBe('service_healthy');
      expect(s.profiles).toBeUndefined();
    }
  });

  it('runs its own services as non-root users on read-only root filesystems without capabilities', () => {
    for (const name of ['redis', 'bot', 'worker']) {
      const s = service(name);
      expect(s.user, name).toMatch(/^[1-9]\d*:\d+$/);
      expect(s.read_only, name).toBe(true);
      expect(s.cap_drop, name).toEqual(['ALL']);
    }
  });

  it('offers Ollama only under the "ollama" profile', () => {
    expect(service('ollama').profiles).toEqual(['ollama']);
    const unprofiled = Object.entries(compose.services)
      .filter(([, s]) => !s.profiles)
      .map(([n]) => n);
    expect(unprofiled.sort()).toEqual(['bot', 'redis', 'worker']);
  });
});
