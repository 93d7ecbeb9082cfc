import { ANY_DOCUMENT, COMPOSE_VERB, STRONG_DOCUMENT } from './context-markers.js';
import { anyOf } from './pattern.js';

/** A request to write a runbook, playbook, SOP, checklist, postmortem or manifest (playbook_generation). */

// "how do I write a good runbook?" and "what is a runbook?" are knowledge questions.
const HOW_TO_WRITE = anyOf([
  /\b(?:how (?:do|can|should) (?:i|we|you)|how to|tips (?:for|on)|best practices? for)\s+(?:write|draft|create|make|structure)/,
  /怎麼寫|如何寫|要怎麼寫|該怎麼寫|怎樣寫/,
]);
const DEFINE_DOCUMENT = anyOf([
  String.raw`(?:what(?:'s| is| are)|whats|define)\s+(?:a|an|the)?\s*(?:${STRONG_DOCUMENT.source})`,
  String.raw`(?:${STRONG_DOCUMENT.source})\s*(?:是什麼|是啥|什麼意思)`,
]);
// A document verb leads the request: "write a helm values file", "幫我擬一份…", "generate a NetworkPolicy".
const LEADING_WRITE =
  /^(?:(?:please|pls|can you|could you|would you|hey|幫我|請|麻煩|可以|幫忙)\s*)*(?:write|draft|generate|author|compose|寫(?!入|進|不|死)|撰寫|擬|起草|產生|生成)/;
// "give me a yaml" asks for a new document; "give me the yaml of web" is the live object (a cluster read).
const NEW_DOCUMENT = anyOf([
  /\b(?:give me|send me|show me|i need|we need|need|want|get me|share|provide) (?:a|an|one|some|sample|example)\b/,
  /給我一份|給我一個|給我一套|來一份|來一個|要一份|需要一份|需要一個|一份|一套|一個/,
]);
// A template is always a new document: "inventory 的 deployment yaml 範本" (unless asked what one is).
const TEMPLATE_WORD = /範本|模板|範例|樣板|\b(?:templates?|boilerplate|skeleton)\b/;
const ASKS_WHAT_OR_HOW = /\b(?:what|how|why|explain|when)\b|是什麼|怎麼|如何|為什麼|意思|嗎/;
const MANIFEST_WORD = /\b(?:ya?ml|manifests?|templates?|helm charts?|examples?|samples?)\b|範本|模板|範例|樣板|yaml/;

export function findRunbookRequest(text: string): string | null {
  if (HOW_TO_WRITE.test(text) || DEFINE_DOCUMENT.test(text)) return null;
  const lead = LEADING_WRITE.exec(text);
  if (lead) return `runbook:${lead[0].trim()}`;
  const compose = COMPOSE_VERB.exec(text);
  if (compose) {
    const doc = ANY_DOCUMENT.exec(text.slice(compose.index));
    if (doc) return `runbook:${compose[0].trim()}+${doc[0].trim()}`;
  }
  const strong = STRONG_DOCUMENT.exec(text);
  if (strong) return `runbook:${strong[0].trim()}`;
  const template = TEMPLATE_WORD.exec(text);
  if (template && !ASKS_WHAT_OR_HOW.test(text)) return `runbook:${template[0].trim()}`;
  if (NEW_DOCUMENT.test(text)) {
    const doc = MANIFEST_WORD.exec(text);
    if (doc) return `runbook:${doc[0].trim()}`;
  }
  return null;
}
