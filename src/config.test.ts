import { describe, expect, it } from 'vitest';
import { CONFIG_ENV_VARS, ConfigError, loadConfig, secretValues } from './config.js';

const TOKEN = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs';

function problems(env: Record<string, string>, needs = {}): string[] {
  try {
    loadConfig(env, needs);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c.telegram.apiRoot).toBe('https://api.telegram.org');
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(c.approvals.timeoutSeconds).toBe(300);
    expect(c.access.allowedUserIds).toEqual([]);
    expect(c.cluster.protectedNamespaces).toEqual(['kube-system', 'kube-public', 'kube-node-lease']);
    expect(c.providers).toEqual([]);
  });

  it('limits each person to 20 requests a minute unless told otherwise; 0 turns the limit off', () => {
    expect(loadConfig({}).requestLimit).toEqual({ perUserPerMinute: 20 });
    expect(loadConfig({ USER_RATE_LIMIT_PER_MINUTE: '5' }).requestLimit).toEqual({ perUserPerMinute: 5 });
    expect(loadConfig({ USER_RATE_LIMIT_PER_MINUTE: '0' }).requestLimit).toEqual({ perUserPerMinute: null });
    expect(problems({ USER_RATE_LIMIT_PER_MINUTE: 'lots' })).toEqual([
      'USER_RATE_LIMIT_PER_MINUTE: expected a whole number from 0 to 10000',
    ]);
  });

  it('keeps the namespaces the cluster runs on protected when PROTECTED_NAMESPACES names others, or none', () => {
    expect(loadConfig({ PROTECTED_NAMESPACES: 'payments' }).cluster.protectedNamespaces).toEqual([
      'kube-system',
      'kube-public',
      'kube-node-lease',
      'payments',
    ]);
    expect(loadConfig({ PROTECTED_NAMESPACES: '' }).cluster.protectedNamespaces).toEqual(['kube-system', 'kube-public', 'kube-node-lease']);
  });

  it('caps the tool calls of one model turn at 5 unless AGENT_MAX_TOOL_CALLS_PER_TURN says otherwise (1 to 20)', () => {
    expect(loadConfig({}).agent.maxToolCallsPerTurn).toBe(5);
    expect(loadConfig({ AGENT_MAX_TOOL_CALLS_PER_TURN: '3' }).agent.maxToolCallsPerTurn).toBe(3);
    expect(problems({ AGENT_MAX_TOOL_CALLS_PER_TURN: '0' })).toEqual([
      expect.stringMatching(/^AGENT_MAX_TOOL_CALLS_PER_TURN: expected a whole number/),
    ]);
  });

  it('reads MANIFEST_ALLOW as a list of manifest rules, none by default, and names the rules there are for a wrong one', () => {
    expect(loadConfig({}).cluster.manifestAllow).toEqual([]);
    expect(loadConfig({ MANIFEST_ALLOW: ' Secrets, host-path,secrets ' }).cluster.manifestAllow).toEqual(['secrets', 'host-path']);
    const [line] = problems({ MANIFEST_ALLOW: 'rbac,everything' });
    expect(line).toMatch(/^MANIFEST_ALLOW: expected comma-separated rules from rbac, secrets, privileged, .*"everything"/);
  });

  it('parses comma-separated user ids, ignoring spaces and empty parts', () => {
    const c = loadConfig({ ALLOWED_USER_IDS: ' 11, 22,,33 ', APPROVER_USER_IDS: '22' });
    expect(c.access.allowedUserIds).toEqual([11, 22, 33]);
    expect(c.access.approverUserIds).toEqual([22]);
  });

  it('reports one line per bad variable, naming it and what was expected', () => {
    const lines = problems({
      ALLOWED_USER_IDS: '11,alice',
      APPROVAL_TIMEOUT_SECONDS: 'soon',
      REDIS_URL: 'localhost:6379',
      CLUSTER_BACKEND: 'minikube',
      TELEGRAM_API_ROOT: 'not a url',
    });
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith('ALLOWED_USER_IDS:'))).toContain('"alice"');
    expect(lines.find((l) => l.startsWith('APPROVAL_TIMEOUT_SECONDS:'))).toContain('whole number');
    expect(lines.find((l) => l.startsWith('REDIS_URL:'))).toContain('redis://');
    expect(lines.find((l) => l.startsWith('CLUSTER_BACKEND:'))).toContain('"kubernetes" or "simulated"');
    expect(lines.find((l) => l.startsWith('TELEGRAM_API_ROOT:'))).toContain('URL');
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('requires the bot token only where Telegram is needed, and checks its shape', () => {
    expect(problems({}, { telegram: true })).toEqual([expect.stringMatching(/^TELEGRAM_BOT_TOKEN: required/)]);
    expect(problems({ TELEGRAM_BOT_TOKEN: 'abc' })).toEqual([expect.stringMatching(/^TELEGRAM_BOT_TOKEN: expected a bot token/)]);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, { telegram: true }).telegram.token).toBe(TOKEN);
  });

  it('puts a provider in the chains only when it has a key (Ollama: when it is set up)', () => {
    const c = loadConfig({ GEMINI_API_KEY: 'g-key-123', NVIDIA_MODEL: 'nvidia/x', OLLAMA_MODEL: 'qwen2.5' });
    expect(c.providers.map((p) => p.name)).toEqual(['ollama', 'gemini']);
    const gemini = c.providers.find((p) => p.name === 'gemini');
    expect(gemini).toMatchObject({
      baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai/',
      apiKey: 'g-key-123',
      budgetMs: 30_000,
    });
    expect(c.providers.find((p) => p.name === 'ollama')).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', budgetMs: 60_000 });
  });

  it('defaults NVIDIA to Nemotron with a 35-per-minute limit, and lets budgets and limits be overridden', () => {
    const c = loadConfig({
      NVIDIA_API_KEY: 'nvapi-x',
      NVIDIA_BUDGET_SECONDS: '20',
      GEMINI_API_KEY: 'k',
      GEMINI_RATE_LIMIT_PER_MINUTE: '0',
    });
    expect(c.providers[0]).toMatchObject({
      name: 'nvidia',
      model: 'nvidia/nemotron-mini-4b-instruct',
      baseUrl: 'https://integrate.api.nvidia.com/v1',
      limitPerMinute: 35,
      budgetMs: 20_000,
    });
    expect(c.providers[1]).toMatchObject({ name: 'gemini', limitPerMinute: null });
  });

  it('treats blank values as unset', () => {
    const c = loadConfig({ GEMINI_API_KEY: '  ', APPROVAL_TIMEOUT_SECONDS: '' });
    expect(c.providers).toEqual([]);
    expect(c.approvals.timeoutSeconds).toBe(300);
  });

  it('lists every secret value for the log redactor', () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, GEMINI_API_KEY: 'gem-secret', REDIS_URL: 'redis://:hunter22@redis:6379' });
    expect(secretValues(c).sort()).toEqual([TOKEN, 'gem-secret', 'hunter22'].sort());
  });
});

describe('alert intake settings', () => {
  const WEBHOOK_TOKEN = 'a3f1c9e07b2d4e6f8a0b1c2d3e4f5a6b';

  it('leaves the receiver off without a token, with English and the default port otherwise', () => {
    const c = loadConfig({});
    expect(c.alerts).toEqual({ routes: [], locale: 'en' });
    const on = loadConfig({ ALERT_WEBHOOK_TOKEN: WEBHOOK_TOKEN, ALERT_DEFAULT_CHAT_ID: '-1001234567890' });
    expect(on.alerts.webhook).toEqual({ port: 9095, token: WEBHOOK_TOKEN, maxBytes: 1024 * 1024 });
    expect(on.alerts.defaultChatId).toBe(-1001234567890);
  });

  it('reads routes, the locale, the body cap and the Alertmanager URL', () => {
    const c = loadConfig({
      ALERT_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
      ALERT_WEBHOOK_PORT: '0',
      ALERT_WEBHOOK_MAX_BYTES: '65536',
      ALERT_ROUTES: 'namespace=prod→-100123',
      ALERT_LOCALE: 'zh-TW',
      ALERTMANAGER_URL: 'http://alertmanager.monitoring:9093/',
    });
    expect(c.alerts).toEqual({
      webhook: { port: 0, token: WEBHOOK_TOKEN, maxBytes: 65536 },
      routes: [{ matchers: [{ label: 'namespace', value: 'prod', negate: false }], chatId: -100123 }],
      locale: 'zh-TW',
      alertmanagerUrl: 'http://alertmanager.monitoring:9093',
    });
  });

  it('says in one line per variable what is wrong', () => {
    const lines = problems({
      ALERT_WEBHOOK_TOKEN: 'short',
      ALERT_ROUTES: 'namespace=prod',
      ALERT_DEFAULT_CHAT_ID: 'ops',
      ALERT_LOCALE: 'fr',
      ALERTMANAGER_URL: 'alertmanager',
      ALERT_WEBHOOK_MAX_BYTES: '10',
    });
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual([
      'ALERTMANAGER_URL',
      'ALERT_DEFAULT_CHAT_ID',
      'ALERT_LOCALE',
      'ALERT_ROUTES',
      'ALERT_WEBHOOK_MAX_BYTES',
      'ALERT_WEBHOOK_TOKEN',
    ]);
    expect(lines.find((l) => l.startsWith('ALERT_ROUTES:'))).toContain('expected labels=value→chat id');
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('refuses a token with nowhere to send alerts', () => {
    expect(problems({ ALERT_WEBHOOK_TOKEN: WEBHOOK_TOKEN })).toEqual([expect.stringMatching(/^ALERT_DEFAULT_CHAT_ID: required/)]);
    expect(problems({ ALERT_WEBHOOK_TOKEN: WEBHOOK_TOKEN, ALERT_ROUTES: 'team=db->-5' })).toEqual([]);
  });

  it('keeps the webhook token and an Alertmanager password out of logs', () => {
    const c = loadConfig({
      ALERT_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
      ALERT_DEFAULT_CHAT_ID: '5',
      ALERTMANAGER_URL: 'https://ops:am-pass-9@alertmanager.example.com',
    });
    expect(secretValues(c).sort()).toEqual([WEBHOOK_TOKEN, 'am-pass-9'].sort());
  });
});

describe('the list of environment variables', () => {
  it('names every contract variable and every provider variable', () => {
    for (const name of [
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_API_ROOT',
      'REDIS_URL',
      'ALLOWED_USER_IDS',
      'APPROVER_USER_IDS',
      'APPROVAL_TIMEOUT_SECONDS',
      'CLUSTER_BACKEND',
    ]) {
      expect(CONFIG_ENV_VARS).toContain(name);
    }
    for (const p of ['OLLAMA', 'NVIDIA', 'GEMINI', 'ANTHROPIC']) {
      for (const suffix of ['BASE_URL', 'API_KEY', 'MODEL']) expect(CONFIG_ENV_VARS).toContain(`${p}_${suffix}`);
    }
  });
});
