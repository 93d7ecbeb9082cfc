import { describe, expect, it } from 'vitest';
import { formatRunCommand, parseRunCommand, tokenize } from './parse-run-command.js';

describe('parseRunCommand', () => {
  it('starts the guided flow when nothing follows /run', () => {
    expect(parseRunCommand('')).toEqual({ kind: 'guided' });
    expect(parseRunCommand('   ')).toEqual({ kind: 'guided' });
  });

  it('reads the tool and key=value pairs, keeping values as typed', () => {
    expect(parseRunCommand('scale_deployment name=web replicas=3 namespace=prod')).toEqual({
      kind: 'call',
      tool: 'scale_deployment',
      args: { name: 'web', replicas: '3', namespace: 'prod' },
    });
  });

  it('accepts quoted values with spaces, commas and "=" inside, in straight or curly quotes', () => {
    expect(parseRunCommand('list_pods label_selector="app=web,tier=front" namespace=prod')).toEqual({
      kind: 'call',
      tool: 'list_pods',
      args: { label_selector: 'app=web,tier=front', namespace: 'prod' },
    });
    expect(parseRunCommand("list_pods label_selector='tier in (a, b)'")).toMatchObject({ args: { label_selector: 'tier in (a, b)' } });
    expect(parseRunCommand('list_pods label_selector=\u201capp=web\u201d')).toMatchObject({ args: { label_selector: 'app=web' } });
  });

  it('normalises the tool name people type (case, dashes) but not the values', () => {
    expect(parseRunCommand('List-Pods namespace=Prod')).toEqual({ kind: 'call', tool: 'list_pods', args: { namespace: 'Prod' } });
  });

  it('takes everything after the first line as the manifest of apply_manifest, without hand-typed fences', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x';
    expect(parseRunCommand(`apply_manifest namespace=prod\n${yaml}`)).toEqual({
      kind: 'call',
      tool: 'apply_manifest',
      args: { namespace: 'prod', manifest: yaml },
    });
    expect(parseRunCommand(`apply_manifest\n\`\`\`yaml\n${yaml}\n\`\`\``)).toMatchObject({ args: { manifest: yaml } });
  });

  it('refuses text on the next lines for any other tool', () => {
    expect(parseRunCommand('list_pods\nsomething')).toMatchObject({ kind: 'error', problem: 'unexpected_body', tool: 'list_pods' });
  });

  it('refuses a bare word, a pair without a key, an unclosed quote and a key given twice', () => {
    expect(parseRunCommand('list_pods prod')).toMatchObject({ kind: 'error', problem: 'syntax', token: 'prod' });
    expect(parseRunCommand('list_pods =prod')).toMatchObject({ kind: 'error', problem: 'syntax' });
    expect(parseRunCommand('list_pods label_selector="app=web')).toMatchObject({ kind: 'error', problem: 'unclosed_quote' });
    expect(parseRunCommand('list_pods namespace=a namespace=b')).toMatchObject({
      kind: 'error',
      problem: 'duplicate_key',
      token: 'namespace',
    });
    expect(parseRunCommand('namespace=prod')).toMatchObject({ kind: 'error', problem: 'syntax', tool: null });
  });

  it('keeps a key such as __proto__ as a plain argument for the catalog to refuse', () => {
    const parsed = parseRunCommand('list_pods __proto__=x');
    expect(parsed.kind).toBe('call');
    if (parsed.kind === 'call') expect(Object.keys(parsed.args)).toEqual(['__proto__']);
  });
});

describe('tokenize', () => {
  it('splits on any whitespace and keeps empty quoted values', () => {
    expect(tokenize('a  b\tc=""')).toEqual({ ok: true, tokens: ['a', 'b', 'c='] });
  });
});

describe('formatRunCommand', () => {
  it('writes the typed form of a call, quoting values that need it, and parses back to the same values', () => {
    const call = { name: 'list_pods', arguments: { namespace: 'prod', label_selector: 'tier in (a, b)' } };
    const typed = formatRunCommand(call);
    expect(typed).toBe('/run list_pods namespace=prod label_selector="tier in (a, b)"');
    expect(parseRunCommand(typed.slice('/run '.length))).toEqual({ kind: 'call', tool: 'list_pods', args: call.arguments });
  });

  it('puts a manifest on the lines after the command', () => {
    expect(formatRunCommand({ name: 'apply_manifest', arguments: { manifest: 'a: 1', namespace: 'prod' } })).toBe(
      '/run apply_manifest namespace=prod\na: 1',
    );
  });
});
