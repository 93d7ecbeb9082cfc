import type { EnglishVerbHit } from './english-verbs.js';
import type { Token } from './english-tokens.js';

/** What an English change verb is doing in its clause. */
export type EnglishReading = { kind: 'command' } | { kind: 'negated' } | { kind: 'described'; why: string };

// Words skipped when looking back for what governs a verb ("don't just restart", "please quickly bounce").
const FILLERS = new Set([
  'just',
  'please',
  'pls',
  'plz',
  'kindly',
  'now',
  'also',
  'quickly',
  'immediately',
  'asap',
  'simply',
  'really',
  'actually',
  'go',
  'ahead',
  'then',
  'again',
  'first',
  'safely',
  'gracefully',
  'manually',
  'right',
  'away',
  'maybe',
  'probably',
  'gently',
  'carefully',
]);
// Adjectives that sit between a determiner and a verb used as a noun ("the rolling restart").
const ADJECTIVES = new Set([
  'rolling',
  'quick',
  'full',
  'graceful',
  'hard',
  'soft',
  'new',
  'clean',
  'immediate',
  'forced',
  'safe',
  'manual',
  'big',
  'small',
  'emergency',
  'planned',
  'partial',
  'complete',
  'successful',
  'failed',
  'recent',
  'last',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'last',
  'latest',
  'previous',
  'recent',
  'my',
  'our',
  'your',
  'his',
  'her',
  'its',
  'their',
  'each',
  'every',
  'any',
  'no',
  'some',
  'of',
  'after',
  'before',
  'during',
  'since',
  'until',
  'for',
  'about',
  'another',
  'next',
  'whose',
  'which',
  'one',
  'such',
  'same',
  'current',
  'pending',
  'failed',
  'successful',
  'scheduled',
  'automatic',
  'auto',
  'on',
  'at',
  'from',
  'with',
  'by',
  'per',
  'than',
  'like',
]);
// A determiner + change noun is still a command after these ("do a rollback", "needs a restart").
const LIGHT_VERBS = new Set([
  'do',
  'perform',
  'trigger',
  'run',
  'initiate',
  'issue',
  'need',
  'needs',
  'require',
  'requires',
  'kick',
  'execute',
  'make',
  'start',
  'give',
  'schedule',
  'want',
  'try',
  'attempt',
  'proceed',
  'go',
  'get',
  'plan',
  'let',
  "let's",
  'lets',
]);
// After these a base form describes, asks about the past, or states a fact ("did web restart", "pods restart").
const DESCRIBING_AUXILIARIES = new Set([
  'did',
  'does',
  "didn't",
  "doesn't",
  'didnt',
  'doesnt',
  'will',
  "won't",
  'would',
  "wouldn't",
  'can',
  "can't",
  'cannot',
  'could',
  "couldn't",
  'should',
  "shouldn't",
  'has',
  'have',
  'had',
  "hasn't",
  "haven't",
  'is',
  'are',
  'was',
  'were',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  'be',
  'been',
  'being',
  'may',
  'might',
  'must',
  'shall',
  "i'll",
  "we'll",
  "it'll",
  'it',
  'they',
  'he',
  'she',
  'which',
  'who',
  'that',
  'pods',
  'nodes',
  'containers',
  'replicas',
  'instances',
  'services',
  'deployments',
  'jobs',
]);
// "can you restart", "could we roll back": a polite request. (After "did you" it is a question about the past.)
const ASKING_AUXILIARIES = new Set([
  'can',
  'could',
  'would',
  'will',
  "won't",
  "can't",
  'cannot',
  "couldn't",
  "wouldn't",
  'please',
  'pls',
  'plz',
  'should',
  'shall',
  'may',
  'might',
  'must',
  'to',
  'need',
  'gotta',
  'lets',
  "let's",
  'let',
  'and',
  'or',
]);
const SUBORDINATORS = new Set(['when', 'whenever', 'if', 'after', 'once', 'since', 'before', 'while', 'until', 'because', 'as']);
const NEGATORS = new Set([
  "don't",
  'dont',
  'never',
  'not',
  'without',
  "doesn't",
  "didn't",
  'avoid',
  "shouldn't",
  "mustn't",
  'cannot',
  "can't",
  "won't",
]);
// A change word followed by these is a noun ("restart count", "rollback failed", "deploy pipeline").
const NOUN_FOLLOWERS = new Set([
  'count',
  'counts',
  'policy',
  'policies',
  'loop',
  'loops',
  'history',
  'status',
  'failed',
  'fails',
  'failure',
  'failures',
  'happened',
  'happens',
  'is',
  'was',
  'were',
  'are',
  'took',
  'takes',
  'taking',
  'strategy',
  'reason',
  'reasons',
  'time',
  'times',
  'window',
  'plan',
  'procedure',
  'runbook',
  'playbook',
  'sop',
  'checklist',
  'steps',
  'process',
  'command',
  'commands',
  'button',
  'operation',
  'operations',
  'latency',
  'issue',
  'issues',
  'problem',
  'problems',
  'errors',
  'error',
  'succeeded',
  'completed',
  'done',
  'finished',
  'worked',
  'went',
  'broke',
  'caused',
  'introduced',
  'started',
  'pipeline',
  'guide',
  'mean',
  'means',
  'has',
  'had',
  'will',
  'would',
  'should',
  'can',
  'could',
  'did',
  'does',
  'rate',
  'speed',
  'duration',
  'progress',
  'feature',
  'behavior',
  'behaviour',
  'semantics',
]);
const FREQUENCY =
  /^\s*(?:(?:like|about|roughly|around|almost|nearly)\s+)?(?:every\s+(?:\d+\s*)?(?:few\s+|other\s+|single\s+)?(?:second|minute|hour|day|night|morning|evening|week|month|time|deploy|release|run|restart|now)s?\b|every\s+so\s+often|often|frequently|constantly|a lot|randomly|repeatedly|all the time|continuously|on its own|by itself|itself|themselves|automatically|sometimes|occasionally|periodically|nonstop)\b/;
// "try restarting", "how about rolling back": a gerund that proposes the change.
const GERUND_PROPOSERS = new Set(['try', 'consider', 'about', 'with', 'suggest', 'recommend', 'start', 'begin', 'mind']);
// "get web restarted", "needs to be rolled back": a participle that asks for the change.
const PARTICIPLE_ASKERS = new Set(['need', 'needs', 'want', 'wants', 'get', 'have', 'require', 'requires']);
const PRONOUNS = new Set(['i', 'we', 'you', 'they', 'it', 'he', 'she']);

// "yesterday's rollback" (but not "let's", "it's", "what's").
const POSSESSIVE = /^(?!(?:let|it|that|what|he|she|there|here|who|where|how)'s$)[a-z0-9-]+'s$/;
const PLURAL_SUBJECTS = new Set(['pods', 'nodes', 'containers', 'replicas', 'instances', 'services', 'deployments', 'jobs']);
const PROPOSING_MODALS = new Set(['should', 'must', 'can', 'could', 'may', 'might', 'shall']);
const PAST_QUESTION = new Set(['did', 'does', "didn't", "doesn't", 'didnt', 'doesnt']);
const SOMEONE = new Set([
  'anyone',
  'someone',
  'somebody',
  'anybody',
  'nobody',
  'everyone',
  'who',
  'something',
  'nothing',
  'kubernetes',
  'kubelet',
  'hpa',
]);
// "the rolling update stuck at 50%": an adjective + change noun followed by its state.
const STATE_AFTER_NOUN = new Set([
  'stuck',
  'hanging',
  'hung',
  'paused',
  'halted',
  'at',
  'failed',
  'failing',
  'seems',
  'timed',
  'never',
  'still',
  'not',
]);
// "failed to create", "unable to delete": an attempt that is reported, not asked for.
const ATTEMPTS = new Set([
  'failed',
  'fails',
  'unable',
  'tried',
  'trying',
  'attempted',
  'attempting',
  'able',
  'managed',
  'refused',
  'refuses',
]);

function wordAt(tokens: readonly Token[], i: number): string {
  return i >= 0 && i < tokens.length ? tokens[i].word : '';
}

/** Index of the first word before `i` that is not a filler. */
function previousWord(tokens: readonly Token[], i: number, skip: ReadonlySet<string> = FILLERS): number {
  let j = i - 1;
  while (j >= 0 && skip.has(tokens[j].word)) j--;
  return j;
}

/**
 * A base form after a determiner is a noun ("the rollback", "a restart"), unless a light verb governs the
 * noun phrase ("do a rollback", "needs a restart"). Null when there is no determiner.
 */
export function nounUse(tokens: readonly Token[], hit: EnglishVerbHit): EnglishReading | null {
  // "the 14:05 deploy", "yesterday's rollback", "the v2 rollout": modifiers between determiner and noun.
  let d = hit.first - 1;
  while (d >= 0 && (ADJECTIVES.has(tokens[d].word) || /^(?:\d|v\d)/.test(tokens[d].word) || POSSESSIVE.test(tokens[d].word))) d--;
  if (d < hit.first - 1 && POSSESSIVE.test(tokens[d + 1].word)) return { kind: 'described', why: 'noun-after:possessive' };
  const det = wordAt(tokens, d);
  if (!DETERMINERS.has(det)) return null;
  for (let k = d - 1; k >= Math.max(0, d - 3); k--) {
    if (LIGHT_VERBS.has(tokens[k].word)) return { kind: 'command' };
  }
  return { kind: 'described', why: `noun-after:${det}` };
}

function describeBaseForm(tokens: readonly Token[], hit: EnglishVerbHit, clause: string): EnglishReading {
  if (clause[tokens[hit.last].end] === '/') return { kind: 'described', why: 'resource-ref' };
  const next = wordAt(tokens, hit.last + 1);
  const p = previousWord(tokens, hit.first);
  const prev = wordAt(tokens, p);

  // "did anyone restart web", "when did search last restart", "does the deploy restart pods"
  for (let k = hit.first - 1; k >= Math.max(0, hit.first - 4); k--) {
    const word = tokens[k].word;
    if (['and', 'then', 'but', 'so', 'or', 'please', 'pls'].includes(word)) break;
    if (PAST_QUESTION.has(word) && wordAt(tokens, k + 1) !== 'not') return { kind: 'described', why: `asked:${word}` };
  }
  if (SOMEONE.has(prev)) {
    // "can someone restart the ingress?" asks; "anyone restart web?" and "who restarted it" do not.
    const modal = wordAt(tokens, previousWord(tokens, p));
    if (['can', 'could', 'would', 'will', 'please', 'pls'].includes(modal) && prev !== 'who') return { kind: 'command' };
    return { kind: 'described', why: `subject:${prev}` };
  }
  if (ADJECTIVES.has(prev) && STATE_AFTER_NOUN.has(next)) return { kind: 'described', why: `noun-before:${next}` };

  if (NEGATORS.has(prev)) return { kind: 'negated' };
  if (prev === 'to' || prev === 'need' || prev === 'needs') {
    // "no need to restart", "don't need to restart" negate; "need to restart" asks.
    const before = wordAt(tokens, previousWord(tokens, p));
    const twoBack = wordAt(tokens, previousWord(tokens, previousWord(tokens, p)));
    if (before === 'need' && (twoBack === 'no' || NEGATORS.has(twoBack))) return { kind: 'negated' };
    if (prev === 'to' && ATTEMPTS.has(before)) return { kind: 'described', why: `attempt:${before}` };
    return { kind: 'command' };
  }
  if (prev === 'you' || prev === 'u' || prev === 'i' || prev === 'we') {
    const aux = wordAt(tokens, previousWord(tokens, p));
    if (SUBORDINATORS.has(aux)) return { kind: 'described', why: 'subordinate' };
    if (['did', 'do', 'does', 'have', 'has', 'had', 'already'].includes(aux)) return { kind: 'described', why: `asked:${aux}` };
    if (aux === '' || ASKING_AUXILIARIES.has(aux)) {
      if (FREQUENCY.test(clause.slice(tokens[hit.last].end))) return { kind: 'described', why: 'habit' };
      return { kind: 'command' };
    }
    return { kind: 'command' };
  }
  // A plural subject right before the verb ("pods restart every 5 minutes"), not across other words
  // ("sandbox 的 pods 全部 delete" puts 全部 between them).
  if (PLURAL_SUBJECTS.has(prev) && clause.slice(tokens[p].end, tokens[hit.first].start).trim() !== '') return { kind: 'command' };
  if (DESCRIBING_AUXILIARIES.has(prev)) {
    // "we should restart", "I must roll back", "you can delete": a modal after a person proposes the change.
    const subject = wordAt(tokens, previousWord(tokens, p));
    if (PROPOSING_MODALS.has(prev) && ['i', 'we', 'you', 'u'].includes(subject)) return { kind: 'command' };
    if ((prev === 'will' || prev === 'would') && subject === 'you') return { kind: 'command' };
    return { kind: 'described', why: `after:${prev}` };
  }

  const noun = nounUse(tokens, hit);
  if (noun !== null) return noun;
  if (NOUN_FOLLOWERS.has(next)) return { kind: 'described', why: `noun-before:${next}` };
  if (FREQUENCY.test(clause.slice(tokens[hit.last].end))) return { kind: 'described', why: 'habit' };
  return { kind: 'command' };
}

/** Decides whether an English change verb asks for the change, is negated, or only describes one. */
export function readEnglishVerb(tokens: readonly Token[], hit: EnglishVerbHit, clause: string): EnglishReading {
  if (hit.form === 'base') return describeBaseForm(tokens, hit, clause);
  const p = previousWord(tokens, hit.first);
  const prev = wordAt(tokens, p);
  if (hit.form === 'ing') {
    if (GERUND_PROPOSERS.has(prev)) {
      const before = wordAt(tokens, previousWord(tokens, p));
      if (prev === 'about' && !['how', 'what'].includes(before)) return { kind: 'described', why: 'about' };
      if (NEGATORS.has(before)) return { kind: 'negated' };
      return { kind: 'command' };
    }
    return { kind: 'described', why: 'ing' };
  }
  if (hit.form === 'past') {
    // "needs to be restarted", "should be rolled back" (but not "has been restarted").
    if (prev === 'be') {
      const aux = wordAt(tokens, previousWord(tokens, p));
      if (['to', 'should', 'must', 'gotta', 'needs', 'need'].includes(aux)) return { kind: 'command' };
    }
    if (PRONOUNS.has(prev)) return { kind: 'described', why: 'past' };
    for (let k = hit.first - 2; k >= Math.max(0, hit.first - 4); k--) {
      const word = tokens[k].word;
      if (PARTICIPLE_ASKERS.has(word)) return { kind: 'command' };
      // "I'd like checkout rolled back"
      if (word === 'like' && ["i'd", "we'd", 'would'].includes(wordAt(tokens, k - 1))) return { kind: 'command' };
    }
    return { kind: 'described', why: 'past' };
  }
  return { kind: 'described', why: 'third-person' };
}
