import type { ResourceKind } from '../cluster/resource-kinds.js';

/**
 * Word-level helpers for the offline provider's request reader: normalising the text, finding Kubernetes
 * names in English or Chinese sentences, kind words, numbers and namespaces.
 */

/** A Kubernetes name inside a sentence (lowercased text): starts and ends with a letter or digit. */
export const NAME = '[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?';

// A few simplified characters people type on mainland keyboards, mapped so the same rules match.
const SIMPLIFIED: Readonly<Record<string, string>> = {
  启: '啟',
  为: '為',
  么: '麼',
  节: '節',
  点: '點',
  志: '誌',
  历: '歷',
  录: '錄',
  删: '刪',
  滚: '滾',
  扩: '擴',
  个: '個',
  调: '調',
  详: '詳',
  细: '細',
  务: '務',
  间: '間',
  开: '開',
  动: '動',
  缩: '縮',
  减: '減',
  还: '還',
  原: '原',
  部: '部',
  记: '記',
  纪: '紀',
  断: '斷',
  复: '復',
  卡: '卡',
  挂: '掛',
  坏: '壞',
  问: '問',
  题: '題',
};

/** NFKC (full-width letters and punctuation become ASCII), lower case, simplified → traditional for a few. */
export function normalizeRequest(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  return [...folded].map((char) => SIMPLIFIED[char] ?? char).join('');
}

/** Words that are never a resource or namespace name in a request. */
const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'about',
  'again',
  'all',
  'an',
  'and',
  'any',
  'are',
  'at',
  'back',
  'be',
  'broken',
  'but',
  'by',
  'can',
  'check',
  'cluster',
  'copies',
  'could',
  'crash',
  'crashed',
  'crashes',
  'crashing',
  'crashloop',
  'crashloopbackoff',
  'current',
  'debug',
  'delete',
  'describe',
  'details',
  'detail',
  'diagnose',
  'did',
  'do',
  'does',
  'down',
  'error',
  'errors',
  'event',
  'events',
  'fail',
  'failed',
  'failing',
  'fails',
  'for',
  'from',
  'get',
  'give',
  'going',
  'has',
  'have',
  'history',
  'how',
  'i',
  'in',
  'info',
  'instances',
  'into',
  'investigate',
  'is',
  'it',
  'its',
  'keep',
  'keeps',
  'kill',
  'kubectl',
  'k8s',
  'kubernetes',
  'last',
  'latest',
  'lines',
  'list',
  'log',
  'logs',
  'look',
  'me',
  'my',
  'n',
  'namespace',
  'namespaces',
  'new',
  'not',
  'now',
  'ns',
  'of',
  'oh',
  'ok',
  'on',
  'one',
  'or',
  'our',
  'please',
  'pls',
  'plz',
  'previous',
  'recent',
  'reboot',
  'redeploy',
  'remove',
  'replica',
  'replicas',
  'restart',
  'restarted',
  'restarting',
  'restarts',
  'revert',
  'revision',
  'revisions',
  'roll',
  'rollback',
  'rollout',
  'run',
  's',
  'scale',
  'see',
  'set',
  'show',
  'so',
  'status',
  'tail',
  'tell',
  'terminate',
  'the',
  'there',
  'this',
  'to',
  'troubleshoot',
  'undo',
  'up',
  'us',
  'version',
  'versions',
  'was',
  'what',
  'whats',
  'why',
  'with',
  'working',
  'wrong',
  'you',
  'bounce',
  'recycle',
  'destroy',
  'instance',
  'happening',
  'happened',
  'going',
  'healthy',
  'health',
  't',
  'name',
  'kind',
  'label',
  'selector',
  'involved_object',
  'limit',
  'cannot',
  "can't",
  "won't",
  'start',
  'starting',
  'ready',
  'pending',
  'oom',
  'oomkilled',
  'mean',
  'means',
]);

const KIND_WORDS: ReadonlyArray<[RegExp, ResourceKind]> = [
  [/^(?:pods?|po)$/, 'pod'],
  [/^(?:deployments?|deploys?)$/, 'deployment'],
  [/^(?:statefulsets?|sts)$/, 'statefulset'],
  [/^(?:daemonsets?|ds)$/, 'daemonset'],
  [/^(?:services?|svc)$/, 'service'],
  [/^(?:ingress(?:es)?|ing)$/, 'ingress'],
  [/^(?:configmaps?|cm)$/, 'configmap'],
  [/^(?:nodes?)$/, 'node'],
  [/^(?:jobs?)$/, 'job'],
  [/^(?:cronjobs?|cj)$/, 'cronjob'],
  [/^(?:hpas?|horizontalpodautoscalers?)$/, 'hpa'],
];

const ZH_KIND_WORDS: ReadonlyArray<[RegExp, ResourceKind]> = [
  [/服務/, 'service'],
  [/部署/, 'deployment'],
  [/節點/, 'node'],
  [/設定檔|組態/, 'configmap'],
  [/排程工作|定時任務/, 'cronjob'],
];

export function kindOfWord(word: string): ResourceKind | null {
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(word)) return kind;
  return null;
}

/** A word that cannot be a name the user means: filler, verbs, kind words, bare numbers. */
export function isNotAName(word: string): boolean {
  return STOPWORDS.has(word) || kindOfWord(word) !== null || /^\d+$/.test(word);
}

/** The resource kind the request names, English words first, then Chinese ones. */
export function namedKind(text: string): ResourceKind | null {
  for (const token of nameTokens(text)) {
    const kind = kindOfWord(token.word);
    if (kind) return kind;
  }
  for (const [pattern, kind] of ZH_KIND_WORDS) if (pattern.test(text)) return kind;
  return null;
}

export interface NameToken {
  word: string;
  index: number;
  end: number;
}

/** Every ASCII word that could be a Kubernetes name, in order. */
export function nameTokens(text: string): NameToken[] {
  return [...text.matchAll(new RegExp(NAME, 'g'))].map((m) => ({ word: m[0], index: m.index, end: m.index + m[0].length }));
}

export function isDnsLabel(word: string): boolean {
  return word.length <= 63 && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(word);
}

const COMMON_NAMESPACES: ReadonlySet<string> = new Set([
  'default',
  'prod',
  'production',
  'staging',
  'stage',
  'stg',
  'dev',
  'develop',
  'development',
  'test',
  'testing',
  'qa',
  'uat',
  'sandbox',
  'preview',
  'demo',
  'monitoring',
  'logging',
  'observability',
  'kube-system',
  'kube-public',
  'ingress-nginx',
  'cert-manager',
  'argocd',
  'istio-system',
]);

/** A guess for "X 的事件": is X a namespace or an object? Only for words that are usually namespaces. */
export function looksLikeNamespace(word: string, defaultNamespace: string): boolean {
  return (
    word === defaultNamespace ||
    COMMON_NAMESPACES.has(word) ||
    /^(?:prod|staging|dev|test)-|-(?:prod|production|staging|dev|test)$/.test(word)
  );
}

const EXPLICIT_NAMESPACE: readonly RegExp[] = [
  new RegExp(`(?:^|\\s)(?:-n|--namespace)(?:\\s+|=)(${NAME})`),
  new RegExp(`\\bnamespace\\s*[:=]\\s*(${NAME})`),
  new RegExp(`(${NAME})\\s*(?:namespace|命名空間|名稱空間)(?!\\s*[:=])`),
  new RegExp(`(?:namespace|\\bns|命名空間|名稱空間)\\s*[:=]?\\s*(${NAME})`),
  new RegExp(`\\bin\\s+(?:the\\s+)?(${NAME})`),
  new RegExp(`(?:在|於)\\s*(${NAME})`),
];

/** A namespace said in so many words: "-n prod", "namespace prod", "prod namespace", "in prod", "在 prod". */
export function explicitNamespace(text: string): string | null {
  for (const pattern of EXPLICIT_NAMESPACE) {
    for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
      const word = m[1];
      if (word !== undefined && isDnsLabel(word) && !isNotAName(word)) return word;
    }
  }
  return null;
}

/** Names written before "的" ("prod 的 api"), in order, each with the name that follows its 的 (kind words skipped). */
export function possessives(text: string): { owner: string; next: string | null }[] {
  const found: { owner: string; next: string | null }[] = [];
  for (const m of text.matchAll(new RegExp(`(${NAME})\\s*(?:裡|裏|中|內|上)?的`, 'g'))) {
    const owner = m[1];
    if (isNotAName(owner)) continue;
    const after = nameTokens(text.slice(m.index + m[0].length)).find((token) => kindOfWord(token.word) === null);
    // Only a name right after 的 (Chinese in between breaks the link: "api 的 log 和 web").
    const gap = after ? text.slice(m.index + m[0].length, m.index + m[0].length + after.index) : '';
    const adjacent = after !== undefined && /^[\s\w/-]*$/.test(gap);
    found.push({ owner, next: adjacent && after && !isNotAName(after.word) ? after.word : null });
  }
  return found;
}

const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "三" → 3, "十二" → 12, "二十" → 20, "九十九" → 99; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (text === '') return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (ZH_DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : ZH_DIGITS[text.slice(0, ten)];
  const units = ten === text.length - 1 ? 0 : ZH_DIGITS[text.slice(ten + 1)];
  if (tens === undefined || units === undefined || text.length > 3) return null;
  return tens * 10 + units;
}

/** A number written with digits or Chinese numerals. */
export function readNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return chineseNumber(word);
}
