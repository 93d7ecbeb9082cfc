import { describe, expect, it } from 'vitest';
import { containerFailure, crashLoopTimeline } from './container-health.js';

const container = (image: string, env: string[] = []) => ({
  name: 'app',
  image,
  env: env.map((name) => ({ name, value: 'x' })),
  extra: {},
});

describe('containerFailure', () => {
  it('fails api 1.8 and later without DATABASE_URL, and names the missing variable', () => {
    expect(containerFailure(container('registry.example.com/shop/api:1.8.0'), new Set())).toEqual({
      missingEnv: ['DATABASE_URL'],
    });
    expect(containerFailure(container('registry.example.com/shop/api:2.0.1'), new Set())).not.toBeNull();
  });

  it('lets api 1.8 start when DATABASE_URL is set directly or through envFrom', () => {
    expect(containerFailure(container('registry.example.com/shop/api:1.8.0', ['DATABASE_URL']), new Set())).toBeNull();
    expect(containerFailure(container('registry.example.com/shop/api:1.8.0'), new Set(['DATABASE_URL']))).toBeNull();
  });

  it('lets older api versions and unknown images start without it', () => {
    expect(containerFailure(container('registry.example.com/shop/api:1.7.2'), new Set())).toBeNull();
    expect(containerFailure(container('nginx:1.27'), new Set())).toBeNull();
  });
});

describe('crashLoopTimeline', () => {
  const s = 1000;

  it('is creating before the first start and running during it', () => {
    expect(crashLoopTimeline(1 * s).phase).toBe('creating');
    expect(crashLoopTimeline(3.5 * s)).toMatchObject({ phase: 'running', restarts: 0, currentStart: 3 * s });
  });

  it('waits 10s after the first exit, then doubles the back-off', () => {
    // starts at 3s, exits at 4.5s; restarts at 14.5s, exits 16s; restarts at 36s ...
    expect(crashLoopTimeline(10 * s)).toMatchObject({ phase: 'waiting', restarts: 0, exits: [4.5 * s] });
    expect(crashLoopTimeline(15 * s)).toMatchObject({ phase: 'running', restarts: 1, previousStart: 3 * s });
    expect(crashLoopTimeline(30 * s)).toMatchObject({ phase: 'waiting', restarts: 1, currentStart: 14.5 * s });
    expect(crashLoopTimeline(36.5 * s)).toMatchObject({ phase: 'running', restarts: 2, currentStart: 36 * s });
  });

  it('caps the back-off at five minutes, so restarts grow by about twelve an hour', () => {
    const atOneHour = crashLoopTimeline(3600 * s).restarts;
    const atTwoHours = crashLoopTimeline(7200 * s).restarts;
    expect(atTwoHours - atOneHour).toBeGreaterThanOrEqual(11);
    expect(atTwoHours - atOneHour).toBeLessThanOrEqual(12);
  });
});
