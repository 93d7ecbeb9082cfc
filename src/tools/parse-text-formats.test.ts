import { describe, expect, it } from 'vitest';
import { extractTextCalls } from './parse-text-formats.js';

function calls(content: string): { name: string; arguments: unknown }[] {
  const result = extractTextCalls(content);
  expect(result.problems).toEqual([]);
  return result.calls.map(({ name, arguments: args }) => ({ name, arguments: args }));
}

describe('extractTextCalls', () => {
  it("reads Nemotron-Mini's <toolcall> with one call", () => {
    expect(calls('<toolcall> {"name": "list_pods", "arguments": {"namespace": "prod"}} </toolcall>')).toEqual([
      { name: 'list_pods', arguments: { namespace: 'prod' } },
    ]);
  });

  it('reads every <TOOLCALL> block, not only the first, and arrays inside them', () => {
    const content =
      '<TOOLCALL>[{"name": "list_pods", "arguments": {}}, {"name": "list_nodes", "arguments": {}}]</TOOLCALL>\n' +
      '<TOOLCALL>[{"name": "list_events", "arguments": {"limit": 5}}]</TOOLCALL>';
    expect(calls(content).map((c) => c.name)).toEqual(['list_pods', 'list_nodes', 'list_events']);
  });

  it('reads a call after a reasoning block and does not look for calls inside the reasoning', () => {
    const content =
      '<think>Maybe {"name": "delete_resource", "arguments": {"kind": "pod", "name": "x"}}? No.</think>\n' +
      '<TOOLCALL>[{"name": "list_pods", "arguments": {"namespace": "prod"}}]</TOOLCALL>';
    expect(calls(content)).toEqual([{ name: 'list_pods', arguments: { namespace: 'prod' } }]);
  });

  it('reads a block that has only its closing tag, with reasoning closed but never opened', () => {
    const content = 'The user wants nodes.</think>\n\n[{"name": "list_nodes", "arguments": {}}]</TOOLCALL>';
    const result = extractTextCalls(content);
    expect(result.calls.map((c) => c.name)).toEqual(['list_nodes']);
    expect(result.prose).toBe('');
  });

  it('reads an unclosed block whose JSON is complete (the closing tag was a stop sequence)', () => {
    expect(calls('<toolcall>{"name": "list_nodes", "arguments": {}}')).toEqual([{ name: 'list_nodes', arguments: {} }]);
  });

  it('reports an unclosed block whose JSON is cut off as truncated', () => {
    const result = extractTextCalls('<TOOLCALL>[{"name": "scale_deployment", "arguments": {"name": "web", "rep');
    expect(result.calls).toEqual([]);
    expect(result.problems).toMatchObject([{ truncated: true, attempted: { name: 'scale_deployment' } }]);
  });

  it('reports a block with prose or nothing inside as a problem', () => {
    expect(extractTextCalls('<toolcall>list the pods please</toolcall>').problems).toHaveLength(1);
    expect(extractTextCalls('<tool_call></tool_call>').problems).toHaveLength(1);
    expect(extractTextCalls('<tool_call>{"namespace": "prod"}</tool_call>').problems).toHaveLength(1);
  });

  it('reads Hermes/Qwen <tool_call> blocks with arguments as an object or a string', () => {
    const content =
      '<tool_call>\n{"name": "get_pod_logs", "arguments": {"pod": "api-1"}}\n</tool_call>\n' +
      '<tool_call>\n{"name": "list_events", "arguments": "{\\"limit\\": 10}"}\n</tool_call>';
    expect(calls(content)).toEqual([
      { name: 'get_pod_logs', arguments: { pod: 'api-1' } },
      { name: 'list_events', arguments: '{"limit": 10}' },
    ]);
  });

  it('reads Qwen3-Coder XML parameters as text, keeping a multi-line value intact', () => {
    const content =
      '<tool_call>\n<function=apply_manifest>\n<parameter=manifest>\napiVersion: v1\nkind: ConfigMap\n</parameter>\n' +
      '<parameter=namespace>\ndev\n</parameter>\n</function>\n</tool_call>';
    expect(calls(content)).toEqual([
      { name: 'apply_manifest', arguments: { manifest: 'apiVersion: v1\nkind: ConfigMap', namespace: 'dev' } },
    ]);
  });

  it('reads Qwen3-Coder XML without the <tool_call> wrapper, and "null" as null', () => {
    expect(calls('<function=list_pods>\n<parameter=namespace>\nnull\n</parameter>\n</function>')).toEqual([
      { name: 'list_pods', arguments: { namespace: null } },
    ]);
  });

  it('reports an unclosed <function=...> as truncated', () => {
    expect(extractTextCalls('<function=scale_deployment>\n<parameter=name>\nweb').problems).toMatchObject([
      { truncated: true, attempted: { name: 'scale_deployment' } },
    ]);
  });

  it("reads Llama's JSON with parameters, with <|python_tag|> and ';' between calls", () => {
    expect(
      calls('<|python_tag|>{"name": "list_pods", "parameters": {"namespace": "a"}}; {"name": "list_nodes", "parameters": {}}<|eom_id|>'),
    ).toEqual([
      { name: 'list_pods', arguments: { namespace: 'a' } },
      { name: 'list_nodes', arguments: {} },
    ]);
    expect(calls('{"type": "function", "name": "list_deployments", "parameters": {"namespace": "a"}}')).toEqual([
      { name: 'list_deployments', arguments: { namespace: 'a' } },
    ]);
  });

  it('reports text after <|python_tag|> that is not a JSON call', () => {
    expect(extractTextCalls('<|python_tag|>brave_search.call(query="k8s")').problems).toHaveLength(1);
  });

  it("reads Mistral's [TOOL_CALLS] as a JSON list and as name[ARGS]{...}", () => {
    expect(calls('[TOOL_CALLS] [{"name": "list_nodes", "arguments": {}}]</s>')).toEqual([{ name: 'list_nodes', arguments: {} }]);
    expect(calls('[TOOL_CALLS]list_pods[ARGS]{"namespace": "prod"}[TOOL_CALLS]list_nodes[ARGS]{}')).toEqual([
      { name: 'list_pods', arguments: { namespace: 'prod' } },
      { name: 'list_nodes', arguments: {} },
    ]);
  });

  it('reads a fenced JSON call that is the whole reply, and leaves one quoted inside prose as prose', () => {
    const whole = extractTextCalls('```json\n{"name": "list_pods", "arguments": {"namespace": "prod"}}\n```\n');
    expect(whole.calls.map((c) => c.name)).toEqual(['list_pods']);
    expect(whole.prose).toBe('');
    const quoted = 'Let me look.\n```json\n{"name": "list_pods", "arguments": {"namespace": "prod"}}\n```\nOne moment.';
    const inProse = extractTextCalls(quoted);
    expect(inProse.calls).toEqual([]);
    expect(inProse.sawCallMarker).toBe(false);
    expect(inProse.prose).toBe(quoted);
  });

  it('does not mistake a manifest or other JSON in an answer for a call', () => {
    const content =
      'Here is a Deployment:\n```json\n{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}}\n```\n' +
      'and a container {"name": "web", "image": "nginx", "args": ["--port", "80"]}.';
    const result = extractTextCalls(content);
    expect(result.calls).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.sawCallMarker).toBe(false);
  });

  it('reports a broken JSON call in prose instead of ignoring it', () => {
    const result = extractTextCalls('{"name": "scale_deployment", "arguments": {"name": web, "replicas": 3}}');
    expect(result.problems).toMatchObject([{ truncated: false, attempted: { name: 'scale_deployment' } }]);
  });

  it('removes end-of-turn tokens and reasoning from the prose', () => {
    const result = extractTextCalls('<think>let me think</think>Hello there!<|eot_id|>');
    expect(result).toMatchObject({ calls: [], problems: [], prose: 'Hello there!', sawCallMarker: false });
  });

  it('keeps the order in which calls appear across different shapes', () => {
    const content = '{"name": "list_nodes", "arguments": {}}\n<tool_call>{"name": "list_pods", "arguments": {}}</tool_call>';
    expect(calls(content).map((c) => c.name)).toEqual(['list_nodes', 'list_pods']);
  });
});

describe('extractTextCalls: Qwen3-Coder details', () => {
  it('forgives a missing </function> inside a closed <tool_call> block', () => {
    const result = extractTextCalls('<tool_call>\n<function=list_pods>\n<parameter=namespace>\nprod\n</parameter>\n</tool_call>');
    expect(result.problems).toEqual([]);
    expect(result.calls.map(({ name, arguments: args }) => ({ name, arguments: args }))).toEqual([
      { name: 'list_pods', arguments: { namespace: 'prod' } },
    ]);
  });
});

describe('extractTextCalls: special-token formats', () => {
  const named = (content: string): { name: string; arguments: unknown }[] =>
    extractTextCalls(content).calls.map(({ name, arguments: args }) => ({ name, arguments: args }));

  it('reads DeepSeek V3 and V3.1 tool calls', () => {
    const v3 =
      '<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>list_pods\n```json\n{"namespace": "prod"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>';
    expect(named(v3)).toEqual([{ name: 'list_pods', arguments: '```json\n{"namespace": "prod"}\n```' }]);
    const v31 = '<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>list_nodes<｜tool▁sep｜>{}<｜tool▁call▁end｜><｜tool▁calls▁end｜>';
    expect(named(v31)).toEqual([{ name: 'list_nodes', arguments: '{}' }]);
    expect(extractTextCalls(v31).prose).toBe('');
  });

  it("reads InternLM's <|action_start|><|plugin|> call", () => {
    const result = extractTextCalls('<|action_start|><|plugin|>{"name": "list_pods", "parameters": {}}<|action_end|>');
    expect(result).toMatchObject({ problems: [], prose: '' });
    expect(result.calls.map((c) => c.name)).toEqual(['list_pods']);
  });

  it('reads an OpenAI harmony (gpt-oss) call', () => {
    const content = '<|channel|>commentary to=functions.get_pod_logs <|constrain|>json<|message|>{"pod": "api-0"}<|call|>';
    expect(named(content)).toEqual([{ name: 'get_pod_logs', arguments: '{"pod": "api-0"}' }]);
  });

  it('reports call markup in a format it does not read instead of passing it off as an answer', () => {
    const result = extractTextCalls('<|start_function_call|>list_pods{namespace:prod}<|end_function_call|>');
    expect(result).toMatchObject({ calls: [], sawCallMarker: true });
    expect(result.problems).toHaveLength(1);
    expect(extractTextCalls('<invoke name="list_pods"><parameter name="namespace">prod</parameter></invoke>').problems).toHaveLength(1);
  });
});

describe('extractTextCalls: sloppy JSON in answers', () => {
  it('leaves a JSON-like example that is not a call in the prose', () => {
    const content = 'Your package.json could look like:\n```json\n{"name": "my-app", ... }\n```';
    expect(extractTextCalls(content)).toMatchObject({ calls: [], problems: [], sawCallMarker: false });
  });

  it('still refuses broken JSON that names one of our tools', () => {
    expect(extractTextCalls('{"name": "list_pods", namespace: prod}').problems).toHaveLength(1);
  });
});
