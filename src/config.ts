import { z } from 'zod';
import { isManifestRule, MANIFEST_RULES, type ManifestRule } from './cluster/manifest-rules.js';
import { ALWAYS_PROTECTED_NAMESPACES } from './cluster/namespace-scope.js';
import { PROVIDER_NAMES, type ProviderName } from './llm/provider-names.js';
import type { ProviderSettings } from './llm/types.js';
import { parseAlertRoutes, type AlertRoute } from './alerts/routes.js';
import { LOCALES, type Locale } from './i18n/locale.js';

/**
 * One zod schema over the environment, parsed once at start (the variables are listed in .env.example and the README).
 * Every problem becomes one line naming the variable and what was expected; never a stack trace.
 */

const PROVIDER_DEFAULTS: Record<ProviderName, { baseUrl: string; model: string; budgetSeconds: number; limitPerMinute: number | null }> = {
  ollama: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', budgetSeconds: 60, limitPerMinute: null },
  nvidia: {
    baseUrl: 'https://integrate.api.nvidia.com/v1',
    model: 'nvidia/nemotron-mini-4b-instruct',
    budgetSeconds: 60,
    limitPerMinute: 35,
  },
  gemini: {
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai/',
    model: 'gemini-2.5-flash',
    budgetSeconds: 30,
    limitPerMinute: 60,
  },
  anthropic: { baseUrl: 'https://api.anthropic.com/v1/', model: 'claude-sonnet-4-5', budgetSeconds: 30, limitPerMinute: 50 },
};

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const url = (fallback: string) => z.preprocess(blankToUndefined, z.url({ message: 'expected an http(s) URL' }).default(fallback));
const intIn = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: `expected a whole number from ${min} to ${max}` })
      .int({ message: `expected a whole number from ${min} to ${max}` })
      .min(min, { message: `expected a whole number from ${min} to ${max}` })
      .max(max, { message: `expected a whole number from ${min} to ${max}` })
      .default(fallback),
  );

const userIdList = z.preprocess(
  (v) => (v === undefined ? '' : v),
  z.string().transform((s, ctx) => {
    const ids: number[] = [];
    for (const part of s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (!/^\d{1,15}$/.test(part)) {
        ctx.addIssue({ code: 'custom', message: `expected comma-separated numeric Telegram user ids, got "${part}"` });
        return z.NEVER;
      }
      ids.push(Number(part));
    }
    return ids;
  }),
);

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const namespaceList = (fallback: string) =>
  z.preprocess(
    (v) => (v === undefined ? fallback : v),
    z.string().transform((s, ctx) => {
      const names = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const bad = names.find((n) => !DNS1123_LABEL.test(n));
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `expected comma-separated Kubernetes namespace names, got "${bad}"` });
        return z.NEVER;
      }
      return names;
    }),
  );

const alertRoutes = z.preprocess(
  (v) => (v === undefined ? '' : v),
  z.string().transform((s, ctx) => {
    const parsed = parseAlertRoutes(s);
    if (parsed.ok) return parsed.routes;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  }),
);

const manifestRuleList = z.preprocess(
  (v) => (v === undefined ? '' : v),
  z.string().transform((s, ctx) => {
    const rules: ManifestRule[] = [];
    for (const part of s
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean)) {
      if (!isManifestRule(part)) {
        ctx.addIssue({ code: 'custom', message: `expected comma-separated rules from ${MANIFEST_RULES.join(', ')}, got "${part}"` });
        return z.NEVER;
      }
      if (!rules.includes(part)) rules.push(part);
    }
    return rules;
  }),
);

const boolFlag = z.preprocess(
  blankToUndefined,
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'expected 1/0, true/false or yes/no' })
    .default('0')
    .transform((v) => v === '1' || v === 'true' || v === 'yes'),
);

function providerFields(p: ProviderName) {
  const P = p.toUpperCase();
  const d = PROVIDER_DEFAULTS[p];
  return {
    [`${P}_BASE_URL`]: url(d.baseUrl),
    [`${P}_API_KEY`]: optionalString,
    [`${P}_MODEL`]: z.preprocess(blankToUndefined, z.string().trim().default(d.model)),
    [`${P}_BUDGET_SECONDS`]: intIn(1, 600, d.budgetSeconds),
    [`${P}_RATE_LIMIT_PER_MINUTE`]: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'expected a whole number of requests per minute (0 = no limit)' }).int().min(0).optional(),
    ),
  };
}

const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{3,15}:[A-Za-z0-9_-]{20,}$/, { message: 'expected a bot token from @BotFather, like 123456:ABC-DEF...' })
      .optional(),
  ),
  TELEGRAM_API_ROOT: url('https://api.telegram.org'),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, { message: 'expected a redis:// or rediss:// URL' })
      .default('redis://127.0.0.1:6379'),
  ),
  REDIS_KEY_PREFIX: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,40}$/, { message: 'expected letters, digits, ":", "_" or "-"' })
      .default('chatops:'),
  ),
  ALLOWED_USER_IDS: userIdList,
  APPROVER_USER_IDS: userIdList,
  APPROVAL_TIMEOUT_SECONDS: intIn(5, 86_400, 300),
  ALLOW_SELF_APPROVAL: boolFlag,
  USER_RATE_LIMIT_PER_MINUTE: intIn(0, 10_000, 20),
  CLUSTER_BACKEND: z.preprocess(
    blankToUndefined,
    z.enum(['kubernetes', 'simulated'], { message: 'expected "kubernetes" or "simulated"' }).optional(),
  ),
  KUBECONFIG: optionalString,
  KUBE_CONTEXT: optionalString,
  DEFAULT_NAMESPACE: z.preprocess(
    blankToUndefined,
    z.string().regex(DNS1123_LABEL, { message: 'expected a Kubernetes namespace name' }).default('default'),
  ),
  ALLOWED_NAMESPACES: namespaceList(''),
  PROTECTED_NAMESPACES: namespaceList('kube-system,kube-public,kube-node-lease'),
  MANIFEST_ALLOW: manifestRuleList,
  AGENT_MAX_TOOL_CALLS_PER_TURN: intIn(1, 20, 5),
  METRICS_PORT: intIn(0, 65_535, 9464),
  TIME_ZONE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(
        (tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        },
        { message: 'expected an IANA time zone such as Asia/Taipei or UTC' },
      )
      .default('UTC'),
  ),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'expected fatal, error, warn, info, debug, trace or silent',
      })
      .default('info'),
  ),
  LOG_PRETTY: boolFlag,
  ALERT_WEBHOOK_PORT: intIn(0, 65_535, 9095),
  ALERT_WEBHOOK_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[\x21-\x7e]{16,512}$/, { message: 'expected 16 to 512 printable characters without spaces, e.g. from openssl rand -hex 32' })
      .optional(),
  ),
  ALERT_WEBHOOK_MAX_BYTES: intIn(1024, 64 * 1024 * 1024, 1024 * 1024),
  ALERT_ROUTES: alertRoutes,
  ALERT_DEFAULT_CHAT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^-?\d{1,15}$/, { message: 'expected a numeric Telegram chat id, e.g. -1001234567890 for a group' })
      .transform(Number)
      .optional(),
  ),
  ALERT_LOCALE: z.preprocess(blankToUndefined, z.enum(LOCALES, { message: 'expected "en" or "zh-TW"' }).default('en')),
  ALERTMANAGER_URL: z.preprocess(blankToUndefined, z.url({ message: 'expected an http(s) URL' }).optional()),
  LANGFUSE_BASE_URL: url('https://cloud.langfuse.com'),
  LANGFUSE_PUBLIC_KEY: optionalString,
  LANGFUSE_SECRET_KEY: optionalString,
});

// Twenty provider variables built from one template; their names are dynamic, so they parse as a record.
const providerEnvSchema = z.object(Object.assign({}, ...PROVIDER_NAMES.map(providerFields)) as Record<string, z.ZodType>);

/** Every environment variable the configuration reads (for deploy manifests and their test). */
export const CONFIG_ENV_VARS: readonly string[] = [...Object.keys(envSchema.shape), ...Object.keys(providerEnvSchema.shape)];

/** A configured provider is exactly what the model chain takes. */
export type ProviderConfig = ProviderSettings;

export interface Config {
  telegram: { token?: string; apiRoot: string };
  redis: { url: string; keyPrefix: string };
  access: { allowedUserIds: number[]; approverUserIds: number[]; allowSelfApproval: boolean };
  approvals: { timeoutSeconds: number };
  /** Requests that become work (model answers, background jobs, /run) per person per minute, over all replicas; null = no limit. */
  requestLimit: { perUserPerMinute: number | null };
  /** Clock times on cards are shown in this zone. */
  timeZone: string;
  cluster: {
    backend?: 'kubernetes' | 'simulated';
    kubeconfig?: string;
    context?: string;
    defaultNamespace: string;
    allowedNamespaces: string[];
    /** PROTECTED_NAMESPACES and, always, kube-system, kube-public and kube-node-lease. */
    protectedNamespaces: string[];
    /** What apply_manifest may create besides ordinary workloads (MANIFEST_ALLOW); empty refuses all of it. */
    manifestAllow: ManifestRule[];
  };
  /** Tool calls of one model turn that run; the rest are answered "not run" (AGENT_MAX_TOOL_CALLS_PER_TURN). */
  agent: { maxToolCallsPerTurn: number };
  /** Providers that can serve: those with a key; Ollama needs none, so it joins when OLLAMA_BASE_URL or OLLAMA_MODEL is set. */
  providers: ProviderConfig[];
  metricsPort: number;
  log: { level: string; pretty: boolean };
  alerts: AlertsConfig;
  /** Tracing of model calls, on only when both keys are set. */
  langfuse?: { baseUrl: string; publicKey: string; secretKey: string };
}

export interface AlertsConfig {
  /** The Alertmanager webhook receiver; absent (off) when ALERT_WEBHOOK_TOKEN is not set. */
  webhook?: { port: number; token: string; maxBytes: number };
  routes: AlertRoute[];
  defaultChatId?: number;
  /** The language of alert messages in chats where no /lang choice tells (groups). */
  locale: Locale;
  /** Where silences are created (Alertmanager API v2); silencing is off without it. */
  alertmanagerUrl?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigNeeds {
  /** The bot and the worker talk to Telegram; the CLI's offline commands do not. */
  telegram?: boolean;
}

export function loadConfig(env: Record<string, string | undefined>, needs: ConfigNeeds = {}): Config {
  const parsed = envSchema.safeParse(env);
  const parsedProviders = providerEnvSchema.safeParse(env);
  const issues = [...(parsed.error?.issues ?? []), ...(parsedProviders.error?.issues ?? [])];
  if (!parsed.success || !parsedProviders.success) {
    throw new ConfigError(issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
  }
  const e = parsed.data;
  const pe: Record<string, unknown> = parsedProviders.data;
  if (needs.telegram && !e.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError(['TELEGRAM_BOT_TOKEN: required; create a bot with @BotFather and paste its token']);
  }
  if (e.ALERT_WEBHOOK_TOKEN && e.ALERT_ROUTES.length === 0 && e.ALERT_DEFAULT_CHAT_ID === undefined) {
    throw new ConfigError([
      'ALERT_DEFAULT_CHAT_ID: required with ALERT_WEBHOOK_TOKEN unless ALERT_ROUTES is set: alerts need a chat to go to',
    ]);
  }
  const providers: ProviderConfig[] = [];
  for (const name of PROVIDER_NAMES) {
    const P = name.toUpperCase();
    const apiKey = pe[`${P}_API_KEY`] as string | undefined;
    const explicitlySet = env[`${P}_BASE_URL`]?.trim() || env[`${P}_MODEL`]?.trim();
    const available = name === 'ollama' ? Boolean(explicitlySet) : Boolean(apiKey);
    if (!available) continue;
    const limit = pe[`${P}_RATE_LIMIT_PER_MINUTE`] as number | undefined;
    providers.push({
      name,
      baseUrl: pe[`${P}_BASE_URL`] as string,
      ...(apiKey ? { apiKey } : {}),
      model: pe[`${P}_MODEL`] as string,
      budgetMs: (pe[`${P}_BUDGET_SECONDS`] as number) * 1000,
      limitPerMinute: limit === undefined ? PROVIDER_DEFAULTS[name].limitPerMinute : limit === 0 ? null : limit,
    });
  }
  return {
    telegram: { ...(e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN } : {}), apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, '') },
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX },
    access: {
      allowedUserIds: e.ALLOWED_USER_IDS,
      approverUserIds: e.APPROVER_USER_IDS,
      allowSelfApproval: e.ALLOW_SELF_APPROVAL,
    },
    approvals: { timeoutSeconds: e.APPROVAL_TIMEOUT_SECONDS },
    requestLimit: { perUserPerMinute: e.USER_RATE_LIMIT_PER_MINUTE === 0 ? null : e.USER_RATE_LIMIT_PER_MINUTE },
    timeZone: e.TIME_ZONE,
    cluster: {
      ...(e.CLUSTER_BACKEND ? { backend: e.CLUSTER_BACKEND } : {}),
      ...(e.KUBECONFIG ? { kubeconfig: e.KUBECONFIG } : {}),
      ...(e.KUBE_CONTEXT ? { context: e.KUBE_CONTEXT } : {}),
      defaultNamespace: e.DEFAULT_NAMESPACE,
      allowedNamespaces: e.ALLOWED_NAMESPACES,
      // The cluster's own namespaces stay protected whatever the list says: it adds, never narrows.
      protectedNamespaces: [...new Set([...ALWAYS_PROTECTED_NAMESPACES, ...e.PROTECTED_NAMESPACES])],
      manifestAllow: e.MANIFEST_ALLOW,
    },
    agent: { maxToolCallsPerTurn: e.AGENT_MAX_TOOL_CALLS_PER_TURN },
    providers,
    metricsPort: e.METRICS_PORT,
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    alerts: {
      ...(e.ALERT_WEBHOOK_TOKEN
        ? { webhook: { port: e.ALERT_WEBHOOK_PORT, token: e.ALERT_WEBHOOK_TOKEN, maxBytes: e.ALERT_WEBHOOK_MAX_BYTES } }
        : {}),
      routes: e.ALERT_ROUTES,
      ...(e.ALERT_DEFAULT_CHAT_ID !== undefined ? { defaultChatId: e.ALERT_DEFAULT_CHAT_ID } : {}),
      locale: e.ALERT_LOCALE,
      ...(e.ALERTMANAGER_URL ? { alertmanagerUrl: e.ALERTMANAGER_URL.replace(/\/+$/, '') } : {}),
    },
    ...(e.LANGFUSE_PUBLIC_KEY && e.LANGFUSE_SECRET_KEY
      ? { langfuse: { baseUrl: e.LANGFUSE_BASE_URL, publicKey: e.LANGFUSE_PUBLIC_KEY, secretKey: e.LANGFUSE_SECRET_KEY } }
      : {}),
  };
}

/** Every value that must never appear in a log line. */
export function secretValues(config: Config): string[] {
  const values = [
    config.telegram.token,
    ...config.providers.map((p) => p.apiKey),
    config.langfuse?.secretKey,
    config.alerts.webhook?.token,
  ];
  const redisPassword = /^rediss?:\/\/[^:@/]*:([^@/]+)@/.exec(config.redis.url)?.[1];
  if (redisPassword) values.push(redisPassword);
  const alertmanagerPassword = /^https?:\/\/[^:@/]*:([^@/]+)@/.exec(config.alerts.alertmanagerUrl ?? '')?.[1];
  if (alertmanagerPassword) values.push(alertmanagerPassword);
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}
