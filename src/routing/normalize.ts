import { isOneSlipAway } from './typo.js';

/** Text as the classifier reads it: one case, one width, one script, one spelling of the phrasal verbs. */
export interface NormalizedText {
  text: string;
  /** The message carried code (backticks or a fenced block). */
  hadCode: boolean;
}

// Hyphenated and split spellings operators use for the same word.
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\broll[- ]?backs?\b/g, 'rollback'],
  [/\bre-(run|start|deploy|create|apply)\b/g, 're$1'],
  [/\bshut-down\b/g, 'shutdown'],
  [/\bclean-up\b/g, 'cleanup'],
  [/\bpost[- ]mortem\b/g, 'postmortem'],
  [/\bcheck-list\b/g, 'checklist'],
  [/\brun-?book\b/g, 'runbook'],
  [/\bplay-book\b/g, 'playbook'],
  [/\bcrash[- ]loop[- ]?back[- ]?off\b/g, 'crashloopbackoff'],
  [/\bk8s\b/g, 'kubernetes'],
];

// Simplified and variant characters that appear in our vocabulary, mapped to the zh-TW form
// (operators paste from Simplified sources and IMEs offer 啓 for 啟).
const TO_TRADITIONAL: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '啓啟',
    '启啟',
    '删刪',
    '扩擴',
    '缩縮',
    '滚滾',
    '节節',
    '点點',
    '状狀',
    '态態',
    '为為',
    '么麼',
    '吗嗎',
    '这這',
    '个個',
    '请請',
    '帮幫',
    '题題',
    '问問',
    '错錯',
    '误誤',
    '败敗',
    '务務',
    '镜鏡',
    '负負',
    '载載',
    '没沒',
    '队隊',
    '审審',
    '费費',
    '挂掛',
    '报報',
    '发發',
    '执執',
    '设設',
    '释釋',
    '说說',
    '绍紹',
    '样樣',
    '时時',
    '间間',
    '历歷',
    '记記',
    '录錄',
    '显顯',
    '给給',
    '让讓',
    '处處',
    '试試',
    '还還',
    '产產',
    '写寫',
    '导導',
    '单單',
    '检檢',
    '册冊',
    '开開',
    '关關',
    '闭閉',
    '复復',
    '级級',
    '调調',
    '数數',
    '变變',
    '换換',
    '驱驅',
    '杀殺',
    '过過',
    '办辦',
    '连連',
    '线線',
    '断斷',
    '异異',
    '应應',
    '该該',
    '类類',
    '别別',
    '区區',
    '与與',
    '对對',
    '认認',
    '确確',
    '装裝',
    '库庫',
    '际際',
    '实實',
    '运運',
    '动動',
    '从從',
    '边邊',
    '资資',
    '网網',
    '络絡',
    '内內',
    '满滿',
    '们們',
    '现現',
    '几幾',
    '据據',
    '视視',
  ].map((pair) => [pair[0], pair[1]]),
);
const SIMPLIFIED = new RegExp(`[${Object.keys(TO_TRADITIONAL).join('')}]`, 'g');

// Words worth recognising through a typo when reading (change verbs have their own list).
const READ_WORDS = [
  'list',
  'show',
  'describe',
  'events',
  'deployments',
  'deployment',
  'pods',
  'nodes',
  'services',
  'namespaces',
  'replicas',
  'logs',
  'status',
  'history',
  'runbook',
  'playbook',
  'checklist',
  'postmortem',
  'manifest',
];
const KNOWN_WORDS = new Set([...READ_WORDS, 'evens', 'lost', 'last', 'shot', 'slow', 'stats', 'state', 'notes', 'load', 'loads', 'lots']);

function fixReadTypos(text: string): string {
  return text.replace(/[a-z]{4,}/g, (word) => {
    if (KNOWN_WORDS.has(word)) return word;
    // A plural or singular of the word is not a typo ("replica count" must stay as written).
    const target = READ_WORDS.find((w) => isOneSlipAway(word, w) && `${word}s` !== w && `${w}s` !== word);
    return target ?? word;
  });
}

/** A YAML document pasted as code: its contents must not vote (it is full of field names). */
const YAML_FENCE = /```(?:ya?ml)?\s*\n?([\s\S]*?)```/g;
const LOOKS_LIKE_YAML = /\bapiversion\s*:|\bkind\s*:/;

export function normalizeText(raw: string): NormalizedText {
  let text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u300c\u300d\u300e\u300f]/g, '"');
  const hadCode = text.includes('`');
  text = text.replace(YAML_FENCE, (_whole, body: string) => (LOOKS_LIKE_YAML.test(body) ? ' manifest. ' : ` ${body} `));
  if (LOOKS_LIKE_YAML.test(text)) {
    // An unfenced manifest: keep what precedes it (the request), drop the YAML itself.
    const at = text.search(/\bapiversion\s*:|\bkind\s*:/);
    text = `${text.slice(0, at)} manifest.`;
  }
  text = text.replace(/`+/g, ' ');
  text = text.replace(SIMPLIFIED, (ch) => TO_TRADITIONAL[ch] ?? ch).replace(/日志/g, '日誌');
  text = fixReadTypos(text);
  for (const [pattern, replacement] of SPELLINGS) text = text.replace(pattern, replacement);
  // A leading @mention addresses the bot; it says nothing about the request.
  text = text.replace(/^(?:@\w+[,:]?\s*)+/, '');
  text = text.replace(/[ \t\u3000]+/g, ' ').trim();
  return { text, hadCode };
}

// Greetings and thanks around a request ("hey, …", "… thx 🙏") say nothing about it, and they hide the
// question mark or the clause end that the rest of the classifier reads.
const COURTESY_HEAD =
  /^(?:(?:hey|hi|hello|yo|gm|morning|good morning|ok|okay|so|btw|re|fyi|早安|早|午安|quick question|question|q|請問|麻煩一下|麻煩你|不好意思|抱歉|打擾一下|哈囉|嗨|你好|hello bot|hi bot|hey bot)(?:\s*[,，:：!！~～]\s*|\s+)|bot\s*[,，:：]\s*)+/;
const COURTESY_TAIL =
  /(?:[\s,，]*(?:thanks|thank you|thx|tks|ty|pls|please|plz|謝謝|感謝|謝啦|謝了|3q|拜託|感恩|[!！~～。.]+|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f)+)+$/u;

/** The request without greetings before it or thanks, emoji and exclamation marks after it. */
export function stripCourtesy(text: string): string {
  const stripped = text.replace(COURTESY_HEAD, '').replace(COURTESY_TAIL, '').trim();
  return stripped === '' ? text : stripped;
}
