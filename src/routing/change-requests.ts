import { findChineseChangeVerbs } from './chinese-verbs.js';
import type { Clause } from './clauses.js';
import {
  ASKING_ABOUT_AFTER,
  ASKING_ABOUT_BEFORE,
  COMPOSE_VERB,
  CONDITION_BEFORE,
  CONJUNCTION,
  CONSEQUENCE_AFTER,
  CONSEQUENCE_QUESTION_AFTER,
  DESCRIBING_AFTER_ZH,
  DESCRIBING_BEFORE_ZH,
  DOCUMENT_RIGHT_AFTER,
  ANY_DOCUMENT,
  GENERIC_OBJECT,
  PERMISSION_QUESTION,
  WRITE_VERB,
  LEAD_IN_ZH,
  NEGATION_BEFORE,
  CLAUSE_END_AFTER_ZH,
  ORDER_BY_PARTICLE_ZH,
  ORDER_MARKER_ZH,
  PAST_PARTICLE_AFTER_ZH,
  STRONG_DOCUMENT,
  SYMPTOM_AFTER_CHANGE_ZH,
  WHY_BEFORE,
} from './context-markers.js';
import { nounUse, readEnglishVerb } from './english-context.js';
import { tokenize } from './english-tokens.js';
import { findEnglishChangeVerbs } from './english-verbs.js';
import { findChineseDisposal, findEnglishImperative } from './imperative-fallback.js';
import { CHANGE_TARGET, TARGET_REPORTED_BEFORE } from './change-targets.js';
import { findShellCommands } from './kubectl-command.js';

/** The result of reading a message for requests to change the cluster. */
export interface ChangeScan {
  /** Evidence for each change that is asked for, e.g. `verb:restart`, `kubectl:scale`, `target:擴到 5`. */
  requested: string[];
  /** Evidence for change words that were read as something else, e.g. `negated:verb:restart`. */
  setAside: string[];
}

type Reading = 'command' | 'negated' | 'asking-about' | 'why' | 'runbook' | 'described';

/** The part of `before` that still governs the verb: what follows the last conjunction ("… between A and B" keeps it). */
function scopeBefore(before: string): string {
  let cut = -1;
  for (const m of before.matchAll(CONJUNCTION)) {
    if (m[0] === 'and' && /\bbetween\b/.test(before.slice(0, m.index))) continue;
    cut = m.index + m[0].length;
  }
  return cut < 0 ? before : before.slice(cut);
}

// A document verb that also acts on the cluster ("create a namespace") writes a document when one is named
// after it ("create a deployment yaml"), unless the document is the input ("create it from this yaml").
const MAKES_DOCUMENTS = /^(?:create|make|build|prepare|建立|新增|產生)$/;
const DOCUMENT_AS_INPUT =
  /\b(?:from|using|with|via)\s+(?:this|that|the|my|our|following)?\s*(?:ya?ml|manifest|file|template)|這份|這個 ?ya?ml|以下|下面/;

function isRunbookContext(scope: string, sentenceScope: string, clause: string, after: string): boolean {
  if (STRONG_DOCUMENT.test(scope) || WRITE_VERB.test(sentenceScope)) return true;
  if (COMPOSE_VERB.test(scope) && ANY_DOCUMENT.test(clause)) return true;
  return DOCUMENT_RIGHT_AFTER.test(after);
}

/** Where a change word sits: its clause and its place in it. Context is read in a window around it. */
interface Spot {
  clause: Clause;
  start: number;
  end: number;
  surface: string;
}

// Context that decides a verb sits close to it; the window keeps long pastes linear.
const WINDOW = 160;

function beforeOf(spot: Spot): string {
  return spot.clause.text.slice(Math.max(0, spot.start - WINDOW), spot.start);
}
function afterOf(spot: Spot): string {
  return spot.clause.text.slice(spot.end, spot.end + WINDOW);
}
function restOfSentence(spot: Spot): string {
  const at = spot.clause.offset + spot.end;
  return spot.clause.sentence.slice(at, at + WINDOW);
}
function sentenceBefore(spot: Spot): string {
  const at = spot.clause.offset + spot.start;
  return spot.clause.sentence.slice(Math.max(0, at - 2 * WINDOW), at);
}

/** Checks every kind of change word shares: negation, questions about it, runbooks, reports. */
function readContext(spot: Spot): Reading | null {
  const before = beforeOf(spot);
  const after = afterOf(spot);
  if (NEGATION_BEFORE.test(before)) return 'negated';
  const scope = scopeBefore(before);
  if (WHY_BEFORE.test(scope)) return 'why';
  // "誰把 api 調成 10 個的?", "是誰刪了 configmap": who did it, a question about history.
  if (/誰/.test(scope)) return 'described';
  // "每十分鐘就重啟一次": a frequency makes it a report.
  if (/每[^，,。]{0,8}?(?:就|都|會)?\s*$/.test(scope)) return 'described';
  if (isRunbookContext(scope, scopeBefore(sentenceBefore(spot)), spot.clause.text, after)) return 'runbook';
  if (MAKES_DOCUMENTS.test(spot.surface) && ANY_DOCUMENT.test(after) && !DOCUMENT_AS_INPUT.test(after)) return 'runbook';
  if (ASKING_ABOUT_BEFORE.test(scope) || ASKING_ABOUT_AFTER.test(after)) return 'asking-about';
  if (PERMISSION_QUESTION.test(scope) && GENERIC_OBJECT.test(after)) return 'asking-about';
  const rest = restOfSentence(spot);
  if (CONSEQUENCE_AFTER.test(rest)) return 'asking-about';
  if (CONDITION_BEFORE.test(scope) && CONSEQUENCE_QUESTION_AFTER.test(rest)) return 'asking-about';
  // "會把 pod 一起刪掉嗎?": a change inside a will-it question.
  if (/(?<![待等一學開])會(?!議)/.test(scope) && /[嗎?？]\s*$/.test(rest)) return 'asking-about';
  // "HPA 晚上把 api 縮到 1 個正常嗎?", "is it expected that …?": whether a change that happened is normal.
  if (/(?:正常|合理|對|應該)(?:的)?嗎[?？]?\s*$|\b(?:normal|expected|ok|okay)\?\s*$/.test(rest)) return 'asking-about';
  // The autoscaler or the cluster itself did it: "HPA 晚上把 api 縮到 1".
  if (
    /\b(?:hpa|autoscaler|kubernetes|k8s|kubelet|scheduler|controller)\s*(?:晚上|半夜|自動|會|自己|又)*\s*(?:把|將)[^，,。]{0,16}$/.test(
      scope,
    )
  )
    return 'described';
  // "rollout undo 可以退超過一版嗎?": what the command can do.
  if (/^\s*(?:可以|能)[^嗎?？。，,]{2,20}[嗎?？]/.test(after)) return 'asking-about';
  return null;
}

/** Chinese checks: a verb used as a noun, a state, or the past. */
function readChinese(spot: Spot, weak: boolean): Reading {
  const before = beforeOf(spot);
  const after = afterOf(spot);
  if (DESCRIBING_BEFORE_ZH.test(before) || DESCRIBING_AFTER_ZH.test(after)) return 'described';
  const orderedByParticle = ORDER_BY_PARTICLE_ZH.test(spot.surface) && CLAUSE_END_AFTER_ZH.test(after) && !/被\s*$/.test(before);
  if (PAST_PARTICLE_AFTER_ZH.test(after) && !ORDER_MARKER_ZH.test(before) && !orderedByParticle) return 'described';
  if (SYMPTOM_AFTER_CHANGE_ZH.test(restOfSentence(spot))) return 'described';
  const atStart = LEAD_IN_ZH.test(before);
  if (DEPLOY_NOUN_OR_VERB.test(spot.surface)) {
    // 部署 is also the noun "deployment": a verb only at the start, after 把/要, or heading somewhere (部署到).
    if (/^\s*(?:到|上|一下|新|最新|吧)/.test(after) || (atStart && after.trim() !== '')) return 'command';
    // "billing-api 部署": a name and then the verb at the end of the clause (with 的 it is the noun).
    if (/^[\s!！。.]*$/.test(after) && /[a-z0-9]\s*$/.test(before)) return 'command';
    if (/(?:把|將)[^，,。]*$|(?:要|來|去|再|幫我|請|麻煩|直接|馬上|立刻)\s*$/.test(before)) return 'command';
    return 'described';
  }
  if (weak && !atStart && !/把|將|幫|請|麻煩|(?:要|可以|給我|替我|馬上|立刻|直接|先|再|趕快|快|現在)\s*$/.test(before)) {
    return 'described';
  }
  return 'command';
}
const DEPLOY_NOUN_OR_VERB = /^(?:部署|佈署|部屬)$/;

// Pasted error text ("error: failed to create containerd task") quotes a failure; it asks for nothing.
const QUOTED_ERROR =
  /(?:\b(?:error|exception|fatal|panic|traceback|warning|log line|stack ?trace)s?\s*[:：]|錯誤(?:訊息)?\s*[:：]|訊息\s*[:：]|\[firing[^\]]*\])[^\n]*/g;

export function withoutQuotedErrors(text: string): string {
  return text.replace(QUOTED_ERROR, ' error. ');
}

export function findChangeRequests(clauses: readonly Clause[]): ChangeScan {
  const requested: string[] = [];
  const setAside: string[] = [];
  // Spans of change words set aside in the current clause: a target inside one ("被縮到 0") goes with it.
  let asideSpans: Array<[number, number]> = [];
  const note = (reading: Reading, label: string, spot?: Spot) => {
    if (reading === 'command') requested.push(label);
    else {
      setAside.push(`${reading}:${label}`);
      if (spot) asideSpans.push([spot.start, spot.end]);
    }
  };

  for (const clause of clauses) {
    const text = clause.text;
    const notedBefore = requested.length + setAside.length;
    asideSpans = [];
    const commands = findShellCommands(text);
    for (const c of commands) {
      if (!c.changes) continue;
      const spot = { clause, start: c.start, end: c.end, surface: c.verb };
      // "can kubectl rollout undo go back …?": the command is the subject of a question.
      const subject = /\b(?:can|could|does|do|will|would|is|should|did)\s*$/.test(beforeOf(spot)) ? 'asking-about' : null;
      note(subject ?? readContext(spot) ?? 'command', `${c.tool}:${c.verb}`);
    }
    const insideCommand = (at: number) => commands.some((c) => at >= c.start && at < c.end);

    const tokens = tokenize(text);
    for (const hit of findEnglishChangeVerbs(tokens)) {
      const spot = { clause, start: tokens[hit.first].start, end: tokens[hit.last].end, surface: hit.surface };
      if (insideCommand(spot.start)) continue;
      const label = `verb:${hit.surface}${hit.typo ? '(typo)' : ''}`;
      // An inflected form reports a change ("what version is deployed") unless it asks for one ("get web
      // restarted"); a base form after a determiner is a noun ("the scale of our cluster").
      const early = hit.form === 'base' ? nounUse(tokens, hit) : readEnglishVerb(tokens, hit, text);
      if (early?.kind === 'described') {
        note('described', label, spot);
        continue;
      }
      const context = readContext(spot);
      if (context) {
        note(context, label, spot);
        continue;
      }
      // "ingress pods 幫我 recycle": a Chinese request marker right before the English verb.
      if (/(?:幫我|幫忙|請|麻煩|給我|替我|直接|馬上|立刻|先|要)\s*$/.test(beforeOf(spot))) {
        note('command', label);
        continue;
      }
      if (DESCRIBING_BEFORE_ZH.test(beforeOf(spot)) || DESCRIBING_AFTER_ZH.test(afterOf(spot))) {
        note('described', label, spot);
        continue;
      }
      const reading = readEnglishVerb(tokens, hit, text);
      note(reading.kind === 'command' ? 'command' : reading.kind === 'negated' ? 'negated' : 'described', label, spot);
    }

    for (const hit of findChineseChangeVerbs(text)) {
      const spot = { clause, start: hit.start, end: hit.end, surface: hit.surface };
      // A verb followed by its state or used as a noun ("重啟失敗的原因是什麼", "重啟次數") is read as such
      // before any question around it.
      const early = !NEGATION_BEFORE.test(beforeOf(spot)) && DESCRIBING_AFTER_ZH.test(afterOf(spot)) ? 'described' : null;
      note(early ?? readContext(spot) ?? readChinese(spot, hit.weak), `verb:${hit.surface}`, spot);
    }

    // Safety nets for change verbs we do not know, read with the same context checks.
    if (requested.length + setAside.length === notedBefore) {
      const fallback = findEnglishImperative(tokens, text) ?? findChineseDisposal(text);
      if (fallback && !insideCommand(fallback.start)) {
        const spot = { clause, start: fallback.start, end: fallback.end, surface: '' };
        note(readContext(spot) ?? 'command', fallback.label);
      }
    }

    const target = CHANGE_TARGET.exec(text);
    // A replica count inside a document request describes the document ("a manifest … with 3 replicas").
    if (target && !/\b(?:manifests?|ya?ml|templates?|charts?|examples?|samples?)\b|範本|模板|範例|yaml/.test(clause.sentence)) {
      const spot = { clause, start: target.index, end: target.index + target[0].length, surface: '' };
      const inAside = asideSpans.some(([from, to]) => from < spot.end && to > spot.start);
      const described = TARGET_REPORTED_BEFORE.test(beforeOf(spot)) || SYMPTOM_AFTER_CHANGE_ZH.test(restOfSentence(spot));
      if (!inAside) note(readContext(spot) ?? (described ? 'described' : 'command'), `target:${target[0].trim()}`);
    }
  }
  // "api rollback done? if not, do it": a go-ahead for the change the message talks about.
  if (requested.length === 0 && setAside.some((e) => e.startsWith('described:'))) {
    const sentences = clauses.map((c) => c.text).join(' ');
    const goAhead = GO_AHEAD.exec(sentences);
    if (goAhead) requested.push(`go-ahead:${goAhead[0].trim()}`);
  }
  return { requested, setAside };
}

const GO_AHEAD =
  /\b(?:if not|otherwise|if it isn't|if it's not)\b[\s,]*(?:please )?(?:do it|go ahead|proceed|do that)\b|\b(?:go ahead|proceed|just do it|do it now|make it so)\s*[.!]*$|(?:否則|沒有的話|還沒的話|不然)[\s,，]*(?:就)?(?:做|執行|處理|動手)|(?:執行吧|做吧|動手吧|就做吧)\s*$/;
