import { describe, expect, it } from 'vitest';
import { parseLooseJson, parseLooseJsonPrefix, stripMarkdownFence } from './json-repair.js';

function value(text: string): unknown {
  const result = parseLooseJson(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error}`);
  return result.value;
}

describe('parseLooseJson', () => {
  it('reads valid JSON exactly as JSON.parse does and says nothing was repaired', () => {
    const text = '{"name": "web", "replicas": 3, "tags": ["a", "b"], "x": null, "y": 1.5e2}';
    const result = parseLooseJson(text);
    expect(result).toMatchObject({ ok: true, repaired: false });
    expect(result.ok && result.value).toEqual(JSON.parse(text));
  });

  it('keeps an apostrophe inside a valid double-quoted string', () => {
    expect(value('{"message": "it\'s the pod\'s fault", "name": "o\'brien"}')).toEqual({
      message: "it's the pod's fault",
      name: "o'brien",
    });
  });

  it('keeps an apostrophe inside a double-quoted string when other parts need repair', () => {
    expect(value("{'note': \"don't\", 'n': 1,}")).toEqual({ note: "don't", n: 1 });
  });

  it('repairs single-quoted keys and strings', () => {
    expect(value("{'name': 'web', 'namespace': 'prod'}")).toEqual({ name: 'web', namespace: 'prod' });
  });

  it('treats a quote followed by a letter as an apostrophe inside a single-quoted string', () => {
    expect(value("{'reason': 'it's broken', 'n': 2}")).toEqual({ reason: "it's broken", n: 2 });
  });

  it('keeps double quotes inside single-quoted strings', () => {
    expect(value(`{'selector': 'say "hi"'}`)).toEqual({ selector: 'say "hi"' });
  });

  it('drops trailing commas in objects and arrays', () => {
    expect(value('{"a": [1, 2, ], "b": {"c": 1,},}')).toEqual({ a: [1, 2], b: { c: 1 } });
  });

  it("reads Python's True, False and None", () => {
    expect(value("{'previous': True, 'follow': False, 'container': None}")).toEqual({
      previous: true,
      follow: false,
      container: null,
    });
  });

  it('accepts unquoted keys and raw newlines inside strings', () => {
    expect(value('{manifest: "a: 1\nb: 2"}')).toEqual({ manifest: 'a: 1\nb: 2' });
  });

  it('reads a value wrapped in a markdown fence', () => {
    expect(value('```json\n{"name": "web"}\n```')).toEqual({ name: 'web' });
  });

  it('keeps a key named __proto__ as plain data', () => {
    const result = value("{'__proto__': {'polluted': true}}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
  });

  it.each([
    ['an object cut off after a comma', '{"name": "web",'],
    ['a string cut off', '{"name": "we'],
    ['a number cut off at its sign', '{"replicas": -'],
    ['a literal cut off', '{"previous": tr'],
    ['an array cut off', '[{"name": "a"}, '],
    ['a single-quoted string cut off', "{'name': 'web"],
    ['a value missing after the colon', '{"replicas":'],
    ['an escape cut off', '{"name": "a\\'],
  ])('reports %s as truncated rather than completing it', (_label, text) => {
    expect(parseLooseJson(text)).toMatchObject({ ok: false, truncated: true });
  });

  it.each([
    ['words', 'garbage!!'],
    ['an unquoted value', '{"name": web}'],
    ['a missing comma', '{"a": 1 "b": 2}'],
    ['text after the value', '{"a": 1} and more'],
    ['a leading zero', '{"a": 01}'],
  ])('refuses %s as broken, not truncated', (_label, text) => {
    expect(parseLooseJson(text)).toMatchObject({ ok: false, truncated: false });
  });

  it('gives up on absurd nesting instead of overflowing the stack', () => {
    const result = parseLooseJson(`${"['a',".repeat(5000)}]`);
    expect(result.ok).toBe(false);
  });
});

describe('parseLooseJsonPrefix', () => {
  it('reads one value from an offset and says where it ended', () => {
    const text = 'call: {"a": 1} then prose';
    const result = parseLooseJsonPrefix(text, 6);
    expect(result).toMatchObject({ ok: true, value: { a: 1 }, end: 14 });
  });
});

describe('stripMarkdownFence', () => {
  it('removes a fence with or without a language and leaves other text alone', () => {
    expect(stripMarkdownFence('```\n{"a":1}\n```')).toBe('{"a":1}');
    expect(stripMarkdownFence('```json {"a":1}```')).toBe('{"a":1}');
    expect(stripMarkdownFence(' {"a":1} ')).toBe('{"a":1}');
  });
});
