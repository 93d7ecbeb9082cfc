import { describe, expect, it } from 'vitest';
import { eventFieldSelector, eventMatches, normalizeEventKind, parseInvolvedObject, selectEvents } from './k8s-events.js';
import type { EventSummary } from './results.js';

function event(object: string, lastSeen: string): EventSummary {
  return { namespace: 'prod', type: 'Normal', reason: 'R', object, message: '', count: 1, firstSeen: lastSeen, lastSeen };
}

describe('normalizeEventKind', () => {
  it('maps short, plural and lowercase names to the Kind', () => {
    expect(normalizeEventKind('pods')).toBe('Pod');
    expect(normalizeEventKind('deploy')).toBe('Deployment');
    expect(normalizeEventKind('hpa')).toBe('HorizontalPodAutoscaler');
    expect(normalizeEventKind('ingresses')).toBe('Ingress');
    expect(normalizeEventKind('Widget')).toBe('Widget');
  });
});

describe('eventMatches', () => {
  const api = parseInvolvedObject('api');

  it('matches a workload name to its pods and ReplicaSets, not to a longer name sharing the prefix', () => {
    expect(eventMatches(event('Deployment/api', ''), api)).toBe(true);
    expect(eventMatches(event('ReplicaSet/api-7d4b9c6f5', ''), api)).toBe(true);
    expect(eventMatches(event('Pod/api-7d4b9c6f5-h8k2n', ''), api)).toBe(true);
    expect(eventMatches(event('Pod/db-0', ''), parseInvolvedObject('db'))).toBe(true);
    expect(eventMatches(event('Pod/api-gateway-6d8f7c9b5-r2t4w', ''), api)).toBe(false);
  });

  it('matches only the named object when a kind that owns nothing is given', () => {
    const filter = parseInvolvedObject('pod/api-7d4b9c6f5-h8k2n');
    expect(eventMatches(event('Pod/api-7d4b9c6f5-h8k2n', ''), filter)).toBe(true);
    expect(eventMatches(event('Deployment/api-7d4b9c6f5-h8k2n', ''), filter)).toBe(false);
  });
});

describe('eventFieldSelector', () => {
  it('lets the server filter a single object of a kind that owns nothing', () => {
    expect(eventFieldSelector(parseInvolvedObject('pod/web-1'))).toBe('involvedObject.kind=Pod,involvedObject.name=web-1');
    expect(eventFieldSelector(parseInvolvedObject('deployment/web'))).toBeUndefined();
    expect(eventFieldSelector(parseInvolvedObject('web'))).toBeUndefined();
  });
});

describe('selectEvents', () => {
  it('returns the newest first, up to the limit', () => {
    const events = [event('Pod/a', '2025-06-01T10:00:00Z'), event('Pod/b', '2025-06-01T12:00:00Z'), event('Pod/c', '2025-06-01T11:00:00Z')];
    expect(selectEvents(events, undefined, 2).map((entry) => entry.object)).toEqual(['Pod/b', 'Pod/c']);
  });
});
