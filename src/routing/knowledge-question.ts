import { anyOf, englishWords, evidence } from './pattern.js';

/** Knowledge and how-to questions: answered from what a model knows, without a look at the cluster. */

const LEAD_IN = String.raw`(?:(?:hey|hi|so|ok|okay|and|also|quick question|question|q|btw|請問|問一下|想問)[,:]?\s*)?`;

const DEFINITION = anyOf([
  // "what is …", "explain …", "how does … work", "when should I …" at the start.
  String.raw`^${LEAD_IN}(?:what(?:'s| is| are| does| do)\b|whats\b|define\b|explain\b|how (?:does|do|can|should|would|to)\b|how's\b|tell me about\b|teach me\b)`,
  String.raw`^${LEAD_IN}(?:why (?:do|does|should|would|is it|are) (?:we|i|you|one|people|it)\b|when (?:should|do|to|would)\b|which (?:is better|one should|should i)\b)`,
  String.raw`^${LEAD_IN}(?:is it (?:possible|good|bad|ok|okay|recommended|better|normal|necessary) (?:to|for)\b|is there (?:a|any) (?:way|difference)\b|can (?:a|an|i|you|we|one)\b|should (?:i|we) (?:use|set|have|run)\b)`,
  // A yes/no question about things in general: "does deleting a deployment delete its pods?",
  // "can deployments be rolled back automatically?", "is it normal that …?"
  /^(?:does|do|can|will|would|is|are|should)\b[^?]*\b(?:a|an)\b/,
  /^(?:can|could|does|do|will|would|should|is|are) (?:the )?(?:deployments?|pods?|statefulsets?|daemonsets?|services?|jobs?|cronjobs?|nodes?|containers?|hpas?|pvcs?|kubernetes|k8s|kubectl|helm)\b|\b(?:is (?:it|that|this) (?:normal|expected))\b/,
  /\bwhat (?:usually|typically|normally|commonly|can) causes?\b|\bwhat (?:\w+ )?(?:happens|would happen|will happen)\b/,
  englishWords([
    'vs\\.?',
    'versus',
    'differences? between',
    'diff between',
    'same as',
    'different from',
    'equivalent to',
    'what does .+ (?:mean|do)',
    'meaning of',
    'used for',
    'how does .+ work',
    'pros and cons',
    'best practices?',
    'recommended way',
  ]),
]);
const DEFINITION_ZH = anyOf([
  /什麼是|是什麼(?!時候)|是啥|用來|拿來做|什麼意思|的意思|做什麼用|是做什麼|幹嘛用|是幹嘛|有什麼用|的作用|用途/,
  /差別|差異|區別|有什麼不同|差在哪|哪個(?:比較)?好|比較好|原理|怎麼運作|如何運作|運作方式|介紹|解釋|說明一下|教我|請教|最佳實踐|好處|優缺點|建議|適合/,
  /(?:過程|期間|的時候)中?(?:到底)?(?:發生什麼|會怎樣|做了什麼)|可以自動|會自動|能不能自動|支援|支不支援|(?:這樣|這|是)正常(?:的)?嗎|會怎樣|會發生什麼|通常是什麼原因|一般是什麼原因|常見原因|為什麼(?:要|需要|該)|何時(?:該|要|用)|什麼時候(?:該|要|用|適合)/,
  // 怎麼 as "how", not as "why"/"what's wrong" (怎麼會, 怎麼了, 怎麼辦, 怎麼一直 …); 如何 at the end asks "how is it".
  /怎麼(?!辦|了|回事|會|又|一直|還是|這麼|那麼|突然|都)|如何(?![?？。]*$)|怎樣|要怎麼|該怎麼/,
]);
// How-to wording: the answer is instructions, not a look at the cluster.
const HOW_TO = anyOf([
  /\bhow (?:do|can|should|would) (?:i|we|you|one)\b|\bhow to\b|\bwhat(?:'s| is) the (?:best )?(?:way|command|kubectl command|syntax)\b|\bwhich command\b/,
  /怎麼(?!辦|了|回事|會|又|一直|還是|這麼|那麼|突然|都)|如何(?![?？。]*$)|要怎樣|怎樣才|教我|步驟是什麼|指令是什麼|用什麼指令/,
]);
// Advice wanted: general knowledge even when it mentions counts or state ("how many replicas should I run?").
const ADVICE = anyOf([
  englishWords(['should (?:i|we|you)', 'recommended', 'recommend', 'best practices?', 'good idea', 'rule of thumb']),
  /比較好|比較合適|合適|建議|應該設|該設|推薦|一般來說|通常/,
]);

export function findHowTo(text: string): string | null {
  return evidence('how-to', HOW_TO, text);
}

export function findKnowledgeQuestion(text: string): string | null {
  return findHowTo(text) ?? evidence('question', DEFINITION, text) ?? evidence('question', DEFINITION_ZH, text);
}

export function findAdvice(text: string): string | null {
  return evidence('advice', ADVICE, text);
}
