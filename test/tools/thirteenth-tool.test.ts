import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createAgent } from '../../src/agent/agent.js';
import { toolsForTask } from '../../src/agent/task-tools.js';
import { executeRunCall, type RunCallDeps } from '../../src/bot/run/execute-call.js';
import { parseRunCommand } from '../../src/bot/run/parse-run-command.js';
import { renderUnknownTool, renderUsage } from '../../src/bot/run/render-usage.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { htmlToPlainText } from '../../src/html/telegram-html.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { createTranslator, LOCALES_DIR } from '../../src/i18n/translator.js';
import { openAiTools } from '../../src/tools/json-schemas.js';
import { parseCompletion } from '../../src/tools/parse.js';
import { standardTools } from '../../src/tools/registry.js';
import { effectiveRisk } from '../../src/tools/risk.js';
import { createToolRegistry } from '../../src/tools/tool-registry.js';
import { validateToolCall } from '../../src/tools/validate-tool-call.js';
import { lastToolResult, nemotronSays, nemotronToolCall, startHarness, toolNamesOf, type Harness } from '../agent/helpers.js';
import { chatCompletion, fakeToolCall } from '../support/fake-openai-server.js';
import { match } from '../support/matchers.js';
import { DEPLOYMENT_IMAGE_LOCALE_KEYS, getDeploymentImage } from './deployment-image-tool.js';

// Adding a tool is one module plus one registry line: here the line is this registry, and nothing in src/ knows
// the tool. Everything below reaches it only through the registry it is given.
const tools = createToolRegistry([...standardTools.tools, getDeploymentImage]);
const WEB_IMAGE = 'registry.example.com/shop/web:2.4.1';

/** The real locale files with the tool's own keys appended, as its author would append them. */
const localesDir = mkdtempSync(join(tmpdir(), 'locales-'));
for (const locale of LOCALES) {
  const text = readFileSync(join(LOCALES_DIR, `${locale}.ftl`), 'utf8');
  writeFileSync(join(localesDir, `${locale}.ftl`), `${text}\n${DEPLOYMENT_IMAGE_LOCALE_KEYS[locale].join('\n')}\n`);
}
const t = createTranslator(localesDir);
afterAll(() => rmSync(localesDir, { recursive: true, force: true }));

describe('a thirteenth tool, from its module and one registry line', () => {
  it('is validated by its own schema, and unknown to the standard registry', () => {
    expect(validateToolCall('get_deployment_image', { name: 'web', namespace: 'prod' }, tools)).toEqual({
      ok: true,
      call: { name: 'get_deployment_image', arguments: { name: 'web', namespace: 'prod' } },
    });
    const refused = validateToolCall('get_deployment_image', { name: 'Web', tag: 'x' }, tools);
    expect(refused).toMatchObject({ ok: false, reason: match.stringContaining('unknown argument "tag"') });
    expect(refused).toMatchObject({ reason: match.stringContaining('must be a Kubernetes name') });
    expect(validateToolCall('get_deployment_image', { name: 'web' })).toMatchObject({
      ok: false,
      reason: match.stringContaining('unknown tool'),
    });
    expect(
      effectiveRisk(
        { name: 'get_deployment_image', arguments: { name: 'web', namespace: 'kube-system' } },
        { protectedNamespaces: [], defaultNamespace: 'default' },
        tools,
      ),
    ).toBe('read');
  });

  it('is offered to models with a JSON schema derived from its zod schema, to read-only tasks too', () => {
    const offered = openAiTools(tools.tools).find((tool) => tool.function.name === 'get_deployment_image');
    expect(offered).toEqual({
      type: 'function',
      function: {
        name: 'get_deployment_image',
        description: getDeploymentImage.description,
        parameters: match.objectContaining({
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: match.objectContaining({ name: match.objectContaining({ maxLength: 253 }) }),
        }),
      },
    });
    expect(toolsForTask('incident_analysis', tools).map((tool) => tool.type === 'function' && tool.function.name)).toContain(
      'get_deployment_image',
    );
  });

  it('is read by the parser from structured tool_calls and from text', () => {
    const structured = chatCompletion({ tool_calls: [fakeToolCall('get_deployment_image', { name: 'web' }, { id: 'c1' })] });
    expect(parseCompletion(structured, tools)).toEqual({
      kind: 'calls',
      calls: [{ name: 'get_deployment_image', arguments: { name: 'web' } }],
      text: null,
      toolCallIds: ['c1'],
    });
    expect(parseCompletion(structured)).toMatchObject({ kind: 'refused', reason: match.stringContaining('unknown tool') });
    // A bare JSON call without arguments (the whole reply) counts only when it names a tool on offer.
    const bare = chatCompletion({ content: '{"name": "get_deployment_image"}' });
    expect(parseCompletion(bare, tools)).toMatchObject({
      kind: 'refused',
      reason: match.stringContaining('missing required argument "name"'),
    });
    expect(parseCompletion(bare)).toMatchObject({ kind: 'answer' });
  });
});

describe('a thirteenth tool in the agent loop, against a fake Nemotron', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('is offered, runs on the simulated cluster, and the model reads what its module says it should', async () => {
    h = await startHarness();
    h.nemotron.respondWith((body, n) => {
      if (n === 1) return nemotronToolCall([{ name: 'get_deployment_image', arguments: { name: 'web', namespace: 'prod' } }]);
      const { images } = lastToolResult(body)['result'] as { images: string[] };
      return nemotronSays(`web runs ${images.join(', ')}`);
    });
    const agent = createAgent(h.deps, tools);
    const outcome = await agent.run({ text: 'which image does web run in prod?', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });

    expect(outcome).toMatchObject({ kind: 'answer', text: `web runs ${WEB_IMAGE}`, producedBy: 'nvidia' });
    expect(outcome.steps).toEqual([
      { call: { name: 'get_deployment_image', arguments: { name: 'web', namespace: 'prod' } }, ok: true, durationMs: match.any(Number) },
    ]);
    const [first, second] = h.nemotron.chatRequests();
    expect(toolNamesOf(first.body)).toEqual([...tools.names]);
    expect(lastToolResult(second.body)).toEqual({ result: { deployment: 'web', images: [WEB_IMAGE] } });
    expect(h.cluster.mutationCount()).toBe(0);
  });
});

describe('a thirteenth tool through typed /run', () => {
  const cluster = createSimulatedCluster();
  const enqueue = vi.fn(async () => true);
  const deps: RunCallDeps = { executor: cluster, proposals: { enqueue }, t, defaultNamespace: 'default', tools };
  const who = { userId: 1, userName: '@alice', chatId: 1, locale: 'en' as const };

  async function run(text: string, locale: 'en' | 'zh-TW' = 'en') {
    const parsed = parseRunCommand(text, tools);
    if (parsed.kind !== 'call' || !tools.has(parsed.tool)) throw new Error(`not a call of a known tool: ${text}`);
    const checked = validateToolCall(parsed.tool, parsed.args, tools);
    if (!checked.ok) throw new Error(checked.reason);
    return executeRunCall(deps, checked.call, { ...who, locale });
  }

  it('answers at once, in the person language, with its own HTML and the no-model footer', async () => {
    const en = await run('get-deployment-image name=web namespace=prod');
    expect(en.kind).toBe('answer');
    expect(htmlToPlainText(en.kind === 'answer' ? en.html : '')).toMatch(
      new RegExp(`^Images of web in prod\\n• ${WEB_IMAGE.replaceAll('.', '\\.')}\\n\\n.*no model used.*simulated cluster`, 's'),
    );
    const zh = await run('get_deployment_image name=web namespace=prod', 'zh-TW');
    expect(htmlToPlainText(zh.kind === 'answer' ? zh.html : '')).toMatch(/^web 的映像檔（prod）\n• registry/);
    expect(enqueue).not.toHaveBeenCalled();
  });

  it('refuses a deployment that is not there in words, and shows its usage and name where tools are listed', async () => {
    expect(await run('get_deployment_image name=ghost namespace=prod')).toMatchObject({ kind: 'refused', code: 'not_found' });
    expect(htmlToPlainText(renderUsage(t, 'en', 'get_deployment_image', 'default', tools))).toContain(
      '/run get_deployment_image name=<name> [namespace=<namespace>]',
    );
    expect(renderUnknownTool(t, 'en', 'nope', tools)).toContain('<code>get_deployment_image</code>');
  });
});
