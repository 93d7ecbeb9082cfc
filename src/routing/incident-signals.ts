import type { Clause } from './clauses.js';
import { anyOf, englishWords, evidence } from './pattern.js';

/** Signals that something is failing, slow or down, and that the operator wants to know why. */

const WHY = /\b(?:why|how come)\b|為什麼|為何|怎麼會|為啥|怎麼又|怎麼一直|怎麼還是|怎麼這麼|怎麼那麼|怎麼突然|怎麼都/;
// A why-question about a practice, not a failure: "why do we need readiness probes?"
const WHY_KNOWLEDGE = anyOf([
  englishWords([
    'need',
    'needed',
    'use',
    'using',
    'should',
    'recommended',
    'prefer',
    'better',
    'important',
    'matter',
    'exists?',
    'choose',
    'instead of',
    'rather than',
  ]),
  /需要|要用|該用|建議|比較好|好處|必要|要有|要設定?|推薦/,
]);
// "通常是什麼原因", "what usually causes": a question about failures in general is knowledge.
const IN_GENERAL = /通常|一般(?:來說)?|常見|\b(?:usually|typically|commonly|in general|generally)\b/;

const WHAT_WENT_WRONG = anyOf([
  /\bwhat(?:'s| is| was)? (?:wrong|going on|happening|broken)\b|\bwhats wrong\b|\bwhat went wrong\b|\bwhat happened (?:to|with)\b/,
  /\bsomething(?:'s| is)? (?:wrong|off|broken|weird|fishy)\b|\b(?:seems?|looks?) (?:wrong|off|broken|weird)\b/,
  /\bon fire\b|炸了|燒起來|有沒有問題|有問題嗎|是不是有問題|哪裡有問題|怎麼了|怎麼回事|到底是怎樣|是怎樣|搞什麼|怎麼搞的|出了什麼問題|出什麼事|(?<!(?:會|過程中|期間|的時候)(?:到底)?)發生什麼事|(?<!會)發生了什麼|出問題|出了問題|有點問題|什麼狀況/,
]);
const INVESTIGATE = anyOf([
  englishWords([
    'root cause',
    'rca',
    'investigate',
    'investigation',
    'troubleshoot',
    'troubleshooting',
    'diagnose',
    'diagnosis',
    'debug',
    'debugging',
    'dig into',
    'dig in',
    'look into',
    'figure out',
    'find out',
    'analy[sz]e',
    'analysis',
    'post-?incident',
  ]),
  /排查|排除|診斷|調查|找原因|查原因|原因|根因|除錯|分析/,
]);
const ALERT = anyOf([
  englishWords([
    'alert',
    'alerts',
    'alerting',
    'alarm',
    'alarms',
    'firing',
    'paged',
    'pagerduty',
    'alertmanager',
    'incident',
    'outage',
    'sev ?[0-4]',
    'on-?call page',
  ]),
  /告警|警報|報警|警示|事故|異常通知|被 ?call/,
]);
// "explain this error", "這個錯誤是什麼意思": a pasted error to explain.
const THIS_ERROR = anyOf([
  /\b(?:this|the following|these|that|below|got an?|getting an?|seeing an?|seeing) (?:error|errors|alert|exception|stack ?trace|log line|message|warning|event)s?\b/,
  /這個(?:錯誤|告警|警報|錯誤訊息|error|exception|訊息|event)|這段(?:log|日誌|錯誤)|(?:以下|下面)(?:的)?(?:錯誤|log|訊息)|(?:看到|出現)(?:這個)?(?:錯誤|error)/,
]);
const ERROR_PASTE =
  /\b(?:error|exception|traceback|panic|fatal|err)\s*[:!]|exit code \d+|exited with|econnrefused|connection refused|connection reset|back-off restarting|segfault|x509|no such host|i\/o timeout|deadline exceeded|\[firing/;

const SYMPTOM = anyOf([
  // Kubernetes states and reasons (also as one token: createcontainerconfigerror, failedscheduling).
  /\bcrash\w*|\bcrashloop\w*|\boom\w*|\bout of memory\b|imagepullbackoff|errimagepull|\bevicted\b|\bpending\b|\bnot ?ready\b|\bunhealthy\b|\bunready\b|\bbackoff\b|\bcontainercreating\b/,
  /\b(?!default\b)[a-z]+(?:error|backoff|exceeded|notready|exception|fault)\b|\bfailed[a-z]+\b|\bpressure\b/,
  // Failing and erroring.
  englishWords([
    'failing',
    'failed',
    'fails?',
    'failures?',
    'errors?',
    'erroring',
    'broken',
    'broke',
    'breaks',
    'breaking',
    'wedged',
    'flaky',
    'flapping',
    'degraded',
    'dying',
    'died',
    'dead',
    'killed',
    'throws?',
    'throwing',
    'threw',
    'unable to',
  ]),
  /\busers? (?:can't|cannot|are unable|can not)\b|\bnot (?:working|starting|responding|coming up)\b/,
  /\b(?:doesn't|does not|isn't|is not|won't|will not|can't|cannot|couldn't|didn't|wouldn't) (?:work|start|connect|reach|resolve|pull|mount|schedule|respond|come up|boot|load|open|run|finish|complete|scale|deploy)\b/,
  /(?<!\b(?:for|after|before|by|about|of|from|without|instead of) )\brestarting\b|\bkeeps? (?:on )?[a-z]+ing\b|\brestarts? (?:\w+ ){0,2}every\b/,
  // HTTP errors, in context ("returns 500", "502s") so "tail 500 lines" is not one.
  /(?:\b(?:returns?|returning|returned|throws?|throwing|got|getting|gives?|giving|http|status|lots of|many|spike of|bunch of)|回|回傳|回應|噴|出現|報|大量|一堆|一直|都|又|狂|很多)\s*(?:[45]\d\d|[45]xx)s?\b/,
  /\b[45]\d\ds\b|\b[45]xx\b|\b[45]\d\d(?:ing|ed)\b|\b[45]\d\d (?:errors?|responses?|bad gateway|gateway timeout)|\bbad gateway\b|\bgateway timeout\b|\bservice unavailable\b|\binternal server error\b/,
  // Slow, down, unreachable, exhausted.
  englishWords([
    'time(?:d)? ?outs?',
    'timing out',
    'latency',
    'down',
    'outage',
    'unreachable',
    'unavailable',
    'hung',
    'stuck',
    'burning',
    'expir(?:ed|ing)',
    'p9\\d',
    'went up',
    'doubled',
    'tripled',
    'grew',
    'growing',
    'maxed out',
    'lagging',
    'behind by',
    'response times?',
    'responding slowly',
    'nan',
  ]),
  /\bslow\w*|\blag\w*|\brefus\w+|\bhang\w*|\bjump\w*|\bclimb\w*|\bsoar\w*|\bexhaust\w*|\bspik\w+|\bleak\w*|\bthrottl\w+|\bdropp\w+/,
  /\b(?:running|ran|run) out of\b|\bout of (?:disk|memory|space|cpu|inodes|capacity)\b|\bhigh (?:cpu|memory|load|latency|error)|\b(?:disk|volume) (?:is )?full\b|\b(?:is|are|almost|nearly|getting|completely) full\b/,
  // The fix did not work: "the restart didn't help", "still 502", "重啟也沒用".
  /\b(?:didn't|did not|doesn't|does not) (?:help|work|fix)\b|\bno (?:luck|effect|change)\b|\bstill (?:[45]\d\d|failing|broken|down|slow|crashing|erroring|timing out|the same|happening|there)\b/,
  /沒用|沒效|無效|沒幫助|沒改善|還是\s*(?:一樣|不行|會|很|[45]\d\d|掛|慢)|還在|依舊|仍然/,
  // zh-TW: down, broken, slow, stuck, unreachable, exhausted.
  /掛了|掛掉|掛點|當機|當掉|崩潰|異常|錯誤|報錯|出錯|失敗|壞了|壞掉|弄壞|搞壞|搞爛|弄掛|搞掛|爆了|死掉|死了|不健康|不正常|怪怪的|不穩/,
  /(?:很|變|好|太|這麼|那麼|超|有點|非常|越來越)慢|慢到|延遲|落後|卡住|卡死|卡在|逾時|超時|連不上|連不到|連線失敗|無法連線|打不開|拒絕連線|斷線|中斷|沒反應|沒回應|沒有回應|不能用/,
  /起不來|啟動不了|起不了|記憶體不足|洩漏|飆高|飆到|暴增|被殺|被踢|被驅逐|滿了|快滿|過期|噴|拋出|不夠用|不夠|不足|掉 ?(?:request|封包|包|線|連線)|會掉|丟包|積壓/,
  /(?:變|升|漲|飆|衝)(?:到|成)?\s*\d+(?:\.\d+)?\s*(?:秒|ms|s\b|%|倍)|從\s*\d+\S*\s*(?:變|升|漲|飆|衝|到)\s*\d|每\S{0,6}就?重啟/,
  // Something that keeps happening: "一直重啟", "不斷 timeout", "又掛了".
  /(?:一直|不斷|不停|頻繁|反覆|老是|又|還是)(?:在|被)?\s*(?:重啟|重開|重新啟動|restart\w*|crash\w*|掛|當|被殺|oom\w*|失敗|報錯|fail\w*|error\w*|timeout|die|dying|死|增加|變多|上升|漲|爬|噴|掉|throw\w*)/,
  /(?:一直|不斷|不停|老是|總是)(?!都?(?:正常|很穩|沒問題|ok|好|在跑))/,
]);

// A symptom inside a read ("list the pods in CrashLoopBackOff", "logs of the crashed container") is a filter.
const FILTERING_READ = anyOf([
  englishWords([
    'list',
    'show',
    'get',
    'give me',
    'find',
    'which',
    'what',
    'count',
    'how many',
    'display',
    'print',
    'are there',
    'is there',
    'any',
    'anything',
    'grab',
    'pull',
    'fetch',
    'tail',
    'logs?',
  ]),
  /列出|列|顯示|哪些|哪個|有幾個|幾個|多少|找出|查出|給我|有沒有|看看|撈|抓|日誌|所有/,
]);

/** The symptom is a filter when a read comes before it in the clause ("列出 … CrashLoopBackOff 的 pod"). */
function isFilter(clause: string, symptomAt: number, sentence: string): boolean {
  const read = FILTERING_READ.exec(clause);
  if ((read !== null && read.index < symptomAt) || LIST_REQUEST.test(clause)) return true;
  // "nodes NotReady?", "有 pod pending 嗎": a yes/no question about a state of a kind of object.
  return STATE_OF_KIND.test(clause) && /[?？]|嗎/.test(sentence);
}
const STATE_OF_KIND =
  /\b(?:pods|nodes|jobs|deployments|containers)\s+(?:(?:are|in)\s+)?(?:notready|not ready|pending|evicted|crashloopbackoff|oomkilled|imagepullbackoff|terminating|unknown|failed)\b|\b(?:notready|pending|evicted|failed|terminating) (?:pods|nodes|jobs)\b/;
// An explicit list request filters wherever it stands ("restarting pods list").
const LIST_REQUEST = /\blist\b|列出|列一下|列給我/;

export interface IncidentSignals {
  /** Asked to explain or investigate a failure. */
  strong: string | null;
  /** A failure is reported (not just used to filter a list). */
  reported: string | null;
}

/**
 * `specific`: the message names a particular thing (a namespace, a generated name); investigating words
 * ("debug", "分析") count only then or next to a symptom.
 */
export function findIncidentSignals(text: string, clauses: readonly Clause[], specific: boolean): IncidentSignals {
  const general = IN_GENERAL.test(text);
  let strong: string | null = null;
  const why = general ? null : WHY.exec(text);
  if (why) {
    const rest = text.slice(why.index);
    if (SYMPTOM.test(rest) || !WHY_KNOWLEDGE.test(rest)) strong = `why:${why[0]}`;
  }
  strong ??=
    evidence('wrong', WHAT_WENT_WRONG, text) ??
    evidence('error', THIS_ERROR, text) ??
    evidence('error-text', ERROR_PASTE, text) ??
    evidence('alert', ALERT, text);
  if (!strong && !general) {
    const investigate = evidence('investigate', INVESTIGATE, text);
    if (investigate && (specific || SYMPTOM.test(text))) strong = investigate;
  }
  let reported: string | null = null;
  for (const clause of clauses) {
    const symptom = SYMPTOM.exec(clause.text);
    if (symptom && !isFilter(clause.text, symptom.index, clause.sentence)) {
      reported = `symptom:${symptom[0].trim()}`;
      break;
    }
  }
  return { strong, reported };
}
