/**
 * Safety nets for change requests worded with a verb we do not know. Both fire only on clear imperative
 * structure, because missing a change is worse than routing a look at the cluster to the tool chain.
 *   English: a clause that opens with an unknown base-form verb and a determiner ("flip the flags deployment").
 *   Chinese: the 把 construction, which moves or changes its object ("把昨天上的版本退掉"), unless its verb reads.
 */
import type { Token } from './english-tokens.js';

export interface FallbackHit {
  label: string;
  start: number;
  end: number;
}

// Verbs that open requests to read, explain, write or talk, and other words that open a clause.
const NOT_A_CHANGE = new Set([
  'list', 'ls', 'show', 'get', 'describe', 'check', 'see', 'view', 'look', 'tail', 'watch', 'print', 'fetch', 'grab',
  'pull', 'find', 'give', 'tell', 'count', 'top', 'dump', 'export', 'compare', 'display', 'output', 'explain',
  'define', 'summarize', 'summarise', 'analyze', 'analyse', 'investigate', 'debug', 'troubleshoot', 'diagnose',
  'verify', 'confirm', 'validate', 'review', 'audit', 'monitor', 'track', 'search', 'locate', 'identify', 'send',
  'share', 'help', 'write', 'draft', 'generate', 'prepare', 'document', 'outline', 'plan', 'think', 'guess',
  'imagine', 'ignore', 'forget', 'remember', 'note', 'read', 'open', 'visit', 'go', 'come', 'wait', 'hold', 'thank',
  'thanks', 'welcome', 'love', 'like', 'hate', 'enjoy', 'mean', 'need', 'want', 'have', 'has', 'got', 'know', 'say',
  'ask', 'answer', 'reply', 'let', "let's", 'try', 'please', 'pls', 'plz', 'kindly', 'hey', 'hi', 'hello', 'ok',
  'okay', 'so', 'now', 'then', 'also', 'just', 'and', 'but', 'or', 'what', 'why', 'how', 'which', 'who', 'when',
  'where', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'should', 'will', 'would', 'may',
  'might', 'must', 'i', 'we', 'you', 'they', 'it', 'he', 'she', 'my', 'our', 'your', 'the', 'a', 'an', 'this',
  'that', 'these', 'those', 'there', 'here', 'all', 'any', 'some', 'every', 'no', 'not', 'yes', 'if', 'after',
  'before', 'since', 'once', 'until', 'while', 'because', 'in', 'on', 'at', 'for', 'from', 'to', 'of', 'with',
  'about', 'by', 'into', 'over', 'under', 'between', 'cool', 'nice', 'great', 'good', 'sorry', 'same', 'only',
  'maybe', 'probably', 'anyway', 'btw', 'fyi', 'note', 'ping', 'test', 'teach', 'learn', 'understand', 'report',
  'notify', 'alert', 'remind', 'keep', 'stay', 'use', 'make', 'put', 'take', 'bring', 'find', 'translate',
]);
const DETERMINER_NEXT = new Set(['the', 'a', 'an', 'all', 'every', 'this', 'that', 'those', 'these', 'its', 'their', 'our', 'my']);
const LEAD_IN = new Set(['please', 'pls', 'plz', 'kindly', 'hey', 'ok', 'okay', 'so', 'now', 'then', 'also', 'just', 'and', 'bot', 'quickly']);

/** "flip the feature-flags deployment to v2.3": an unknown verb opening an imperative clause. */
export function findEnglishImperative(tokens: readonly Token[], clause: string): FallbackHit | null {
  if (/[?？]\s*$/.test(clause)) return null;
  let i = 0;
  while (i < tokens.length && LEAD_IN.has(tokens[i]!.word)) i++;
  // "can you …", "could you …" open requests too.
  if (['can', 'could', 'would', 'will'].includes(tokens[i]?.word ?? '') && tokens[i + 1]?.word === 'you') i += 2;
  const verb = tokens[i];
  const next = tokens[i + 1];
  if (!verb || !next || !DETERMINER_NEXT.has(next.word)) return null;
  const word = verb.word;
  if (!/^[a-z]{3,}$/.test(word) || NOT_A_CHANGE.has(word) || /(?:ing|ed|ly|s)$/.test(word)) return null;
  // Only the first words of the clause: text before the verb must be lead-in words or nothing.
  return { label: `imperative:${word}`, start: verb.start, end: verb.end };
}

const DISPOSAL = /(?<![一])(?:把|將)(?!握|關|手|戲|柄|近)/;
// After 把 X, verbs that show, explain or write the object rather than change it.
const READS_ITS_OBJECT = /(?:給我看|給我|看|列|印|顯示|秀|查|撈|找|貼|傳|寄|整理|寫|翻譯|解釋|說明|告訴|講|念|讀|記|存|匯出|輸出|dump|列出來|拿來看|截圖|複製)/;

/** "把昨天上的版本退掉": the 把 construction with a verb that is not a read. */
export function findChineseDisposal(clause: string): FallbackHit | null {
  const m = DISPOSAL.exec(clause);
  if (!m) return null;
  const rest = clause.slice(m.index + 1);
  // The object and its verb follow 把; there must be a verb-like remainder (not just "把 web").
  if (!/[\u4e00-\u9fff]/.test(rest.replace(/^[^\u4e00-\u9fff]*[\u4e00-\u9fff]{0,4}?的?\s*[a-z0-9-]*\s*/, ''))) return null;
  if (READS_ITS_OBJECT.test(rest)) return null;
  return { label: `disposal:${m[0]}`, start: m.index, end: m.index + 1 };
}
