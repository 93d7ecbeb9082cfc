import { describe, expect, it } from 'vitest';
import { callFromObject, canonicalJson, readArguments } from './call-shape.js';

describe('readArguments', () => {
  it('takes an object as it is and nothing at all as no arguments', () => {
    expect(readArguments({ name: 'web' })).toEqual({ ok: true, value: { name: 'web' } });
    expect(readArguments(undefined)).toEqual({ ok: true, value: {} });
    expect(readArguments(null)).toEqual({ ok: true, value: {} });
  });

  it('reads a JSON string, a double-encoded one, and one fenced in markdown', () => {
    expect(readArguments('{"name": "web"}')).toEqual({ ok: true, value: { name: 'web' } });
    expect(readArguments(JSON.stringify(JSON.stringify({ name: 'web' })))).toEqual({ ok: true, value: { name: 'web' } });
    expect(readArguments('```json\n{"name": "web"}\n```')).toEqual({ ok: true, value: { name: 'web' } });
  });

  it('repairs single quotes and trailing commas', () => {
    expect(readArguments("{'name': 'web', 'replicas': 2,}")).toEqual({ ok: true, value: { name: 'web', replicas: 2 } });
  });

  it('refuses empty, garbage, non-object and cut-off arguments', () => {
    expect(readArguments('')).toMatchObject({ ok: false, reason: 'arguments are empty' });
    expect(readArguments('   ')).toMatchObject({ ok: false, reason: 'arguments are empty' });
    expect(readArguments('not json')).toMatchObject({ ok: false, truncated: false });
    expect(readArguments('[1, 2]')).toMatchObject({ ok: false, truncated: false });
    expect(readArguments(42)).toMatchObject({ ok: false, truncated: false });
    expect(readArguments('{"name": "we')).toMatchObject({ ok: false, truncated: true });
  });
});

describe('callFromObject', () => {
  it('reads the shapes models use for one call', () => {
    expect(callFromObject({ name: 'a', arguments: { x: 1 } }, false)).toEqual({ name: 'a', arguments: { x: 1 }, id: undefined });
    expect(callFromObject({ name: 'a', parameters: { x: 1 } }, false)).toMatchObject({ name: 'a', arguments: { x: 1 } });
    expect(callFromObject({ id: 'c1', type: 'function', function: { name: 'a', arguments: '{}' } }, false)).toEqual({
      name: 'a',
      arguments: '{}',
      id: 'c1',
    });
    expect(callFromObject({ function: 'a', arguments: {} }, false)).toMatchObject({ name: 'a' });
    expect(callFromObject({ name: 'a', input: { x: 1 } }, false)).toMatchObject({ name: 'a', arguments: { x: 1 } });
  });

  it('in prose, takes only objects that are plainly calls', () => {
    expect(callFromObject({ name: 'web', image: 'nginx' }, true)).toBeNull();
    expect(callFromObject({ name: 'web', args: ['--port'] }, true)).toBeNull();
    expect(callFromObject({ name: 'web' }, true)).toBeNull();
    expect(callFromObject({ name: 'list_nodes' }, true)).toMatchObject({ name: 'list_nodes' });
    expect(callFromObject({ name: 'get_weather', parameters: {} }, true)).toMatchObject({ name: 'get_weather' });
  });

  it('returns nothing for an object without a name', () => {
    expect(callFromObject({ arguments: {} }, false)).toBeNull();
    expect(callFromObject({ name: '  ', arguments: {} }, false)).toBeNull();
    expect(callFromObject('list_pods', false)).toBeNull();
  });
});

describe('canonicalJson', () => {
  it('is the same for the same arguments written in another key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [1, { f: 1, e: 2 }] } })).toBe(canonicalJson({ a: { c: [1, { e: 2, f: 1 }], d: 2 }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
