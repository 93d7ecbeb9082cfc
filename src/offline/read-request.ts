import type { OfflineIntent } from './intent.js';
import {
  NAME,
  explicitNamespace,
  isDnsLabel,
  isNotAName,
  looksLikeNamespace,
  namedKind,
  nameTokens,
  normalizeRequest,
  possessives,
  readNumber,
} from './request-words.js';

type Action =
  | 'investigate'
  | 'history'
  | 'restart'
  | 'scale'
  | 'rollback'
  | 'delete'
  | 'logs'
  | 'events'
  | 'describe'
  | 'deployments'
  | 'nodes'
  | 'pods';

const ZH_NUMBER = '[零〇一二兩三四五六七八九十]+';

/**
 * The first rule that matches decides. Investigation comes first because "為什麼 api 一直重啟" names a restart
 * without asking for one; history comes before rollback so "rollback history" is a read.
 */
const ACTIONS: ReadonlyArray<[Action, RegExp]> = [
  [
    'investigate',
    /\bwhy\b|what'?s wrong|\bwrong with\b|\binvestigate\b|\bdiagnose\b|\btroubleshoot\b|\bdebug\b|\b(?:keeps?|is|are)\s+(?:\S+\s+)?(?:failing|crashing|restarting|erroring|down|broken)\b|\bcrash\s*loop|\bnot\s+(?:working|ready|starting|running)\b|為什麼|為何|怎麼了|怎麼回事|什麼問題|啥問題|一直重啟|一直重開|不斷重啟|反覆重啟|一直\s*crash|掛了|掛掉|壞了|起不來|啟動不了|無法啟動|排查|診斷|除錯|原因/,
  ],
  ['history', /\bget_rollout_history\b|\bhistory\b|\brevisions\b|版本紀錄|版本記錄|歷史版本|版本歷史|部署紀錄|部署記錄|上線紀錄/],
  ['restart', /\brestart_deployment\b|\b(?:restart|reboot|bounce|redeploy|recycle)\b|重啟|重新啟動|重開|重新部署/],
  [
    'scale',
    new RegExp(
      `\\bscale_deployment\\b|\\bscale\\b|擴展|擴充|擴容|擴增|縮容|縮減|縮到|擴到|縮成|擴成|副本|(?:調整|調|改)(?:成|為|到)\\s*(?:\\d|${ZH_NUMBER})`,
    ),
  ],
  ['rollback', /\brollback_deployment\b|\broll\s+(?:\S+\s+)?back\b|\brollback\b|\bundo\b|\brevert\b|回滾|回退|退版|降版|還原|回到上一版/],
  ['delete', /\bdelete_resource\b|\b(?:delete|remove|kill|terminate|destroy)\b|刪除|刪掉|移除|砍掉|殺掉|幹掉/],
  ['logs', /\bget_pod_logs\b|\blogs?\b|日誌|紀錄檔|記錄檔/],
  ['events', /\blist_events\b|\bevents?\b|事件/],
  ['describe', /\bdescribe_resource\b|\bdescribe\b|\bdetails?\b|\bstatus\b|描述|詳細|細節|詳情|狀態/],
  ['deployments', /\blist_deployments\b|\bdeploy(?:ment)?s?\b|部署/],
  ['nodes', /\blist_nodes\b|\bnodes?\b|節點/],
  ['pods', /\blist_pods\b|\bpods?\b|\bpo\b|容器/],
];

// Words that may stand between a verb and the name ("restart the deployment api", "describe pod/x").
const LEAD =
  '(?:(?:the|a|my|our|pod|pods|po|deployment|deployments|deploy|statefulset|sts|daemonset|ds|service|svc|node|ingress|configmap|cm|job|cronjob|hpa)(?:\\s+|/))*';

const re = (source: string) => new RegExp(source, 'g');

// "/run restart_deployment name=api namespace=prod": arguments written as key=value.
const NAMED_ARGUMENT = re(`\\b(?:name|pod|involved_object)\\s*[=:]\\s*(${NAME})`);

const TARGET_PATTERNS: Readonly<Record<Exclude<Action, 'deployments' | 'nodes' | 'pods'>, readonly RegExp[]>> = {
  investigate: [
    re(`\\bwhy\\s+(?:is|are|does|do|did|has|was|were|'s)\\s+${LEAD}(${NAME})`),
    re(`\\bwrong\\s+with\\s+${LEAD}(${NAME})`),
    re(`\\b(?:investigate|diagnose|debug|troubleshoot)\\s+${LEAD}(${NAME})`),
    re(`(${NAME})\\s+(?:is|are|keeps?)\\s`),
  ],
  history: [
    re(`\\bhistory\\s+(?:of|for)\\s+${LEAD}(${NAME})`),
    re(`\\brollout\\s+history\\s+${LEAD}(${NAME})`),
    re(`\\brevisions\\s+(?:of|for)\\s+${LEAD}(${NAME})`),
    re(`(${NAME})(?:'s)?\\s+(?:rollout\\s+)?history`),
  ],
  restart: [re(`\\b(?:rollout\\s+)?(?:restart|reboot|bounce|redeploy|recycle)\\s+${LEAD}(${NAME})`)],
  scale: [re(`\\bscale\\s+(?:up\\s+|down\\s+)?${LEAD}(${NAME})`)],
  rollback: [re(`\\b(?:roll\\s*back|rollback|undo|revert)\\s+${LEAD}(${NAME})`), re(`\\broll\\s+${LEAD}(${NAME})\\s+back\\b`)],
  delete: [re(`\\b(?:delete|remove|kill|terminate|destroy)\\s+${LEAD}(${NAME})`)],
  logs: [
    re(`\\blogs?\\s+(?:of|for|from)\\s+${LEAD}(${NAME})`),
    re(`(${NAME})(?:'s)?\\s+logs?\\b`),
    re(`\\blogs?\\s+(?:-[a-z]\\s+)?${LEAD}(${NAME})`),
  ],
  events: [re(`\\bevents?\\s+(?:of|for|about|on|from)\\s+${LEAD}(${NAME})`)],
  describe: [re(`\\bdescribe\\s+${LEAD}(${NAME})`), re(`\\b(?:details?|status)\\s+(?:of|for|about|on)\\s+${LEAD}(${NAME})`)],
};

const REPLICA_PATTERNS: readonly RegExp[] = [
  re(`--replicas[=\\s]+(\\d+)`),
  re(`\\breplicas?\\s*(?:to|=|:)?\\s*(\\d+)`),
  re(`\\bto\\s+(\\d+)\\b`),
  re(`(\\d+)\\s*(?:replicas?|pods|instances|copies)\\b`),
  re(`(?:到|成|為|至)\\s*(\\d+|${ZH_NUMBER})`),
  re(`(\\d+|${ZH_NUMBER})\\s*(?:個|份)?\\s*(?:副本|replicas?|pods?|實例)`),
];

const REVISION_PATTERNS: readonly RegExp[] = [
  re(`--to-revision[=\\s]+(\\d+)`),
  re(`\\b(?:revision|rev)\\s*#?\\s*(\\d+)`),
  re(`第\\s*(\\d+|${ZH_NUMBER})\\s*(?:個)?\\s*(?:版|次)`),
  re(`(?:版本|版)\\s*#?\\s*(\\d+)`),
  re(`\\bto\\s+(?:version\\s+)?(\\d+)\\b`),
  re(`(?:到|至)\\s*(\\d+)\\s*版?`),
];

const PREVIOUS =
  /\bprevious\b|\bcrashed\b|\blast run\b|before (?:the )?(?:crash|restart)|--previous|(?:^|\s)-p\b|上一次|前一次|上次|之前|崩潰前|重啟前/;

function firstName(text: string, patterns: readonly RegExp[], exclude: string | null): string | null {
  for (const pattern of [NAMED_ARGUMENT, ...patterns]) {
    for (const m of text.matchAll(pattern)) {
      const word = m[1];
      if (word !== undefined && word !== exclude && !isNotAName(word)) return word;
    }
  }
  return null;
}

function firstNumber(text: string, patterns: readonly RegExp[]): number | null {
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const value = m[1] === undefined ? null : readNumber(m[1]);
      if (value !== null) return value;
    }
  }
  return null;
}

interface Located {
  name: string | null;
  namespace: string;
  /** The request named the namespace (not just the default). */
  namespaceSaid: boolean;
}

/**
 * The object a request is about and its namespace. English phrasing is read by patterns; "prod 的 api" by
 * the possessive (the first owner is the namespace when a name follows it, else the object itself); what is
 * left is the first word that can be a name.
 */
function locateTarget(text: string, patterns: readonly RegExp[], defaultNamespace: string): Located {
  const explicit = explicitNamespace(text);
  const owned = possessives(text).filter((p) => p.owner !== explicit);
  let namespace = explicit;
  let name = firstName(text, patterns, explicit);
  if (name === null && owned.length > 0) {
    const [first, second] = owned;
    if (explicit === null && second) {
      namespace = first.owner;
      name = second.owner;
    } else if (explicit === null && first.next) {
      namespace = first.owner;
      name = first.next;
    } else {
      name = first.owner;
    }
  }
  if (name === null && explicit === null && owned[0]?.next) namespace = owned[0].owner;
  if (name === null) {
    name = nameTokens(text).find((t) => !isNotAName(t.word) && t.word !== namespace)?.word ?? null;
  }
  return { name, namespace: namespace ?? defaultNamespace, namespaceSaid: namespace !== null };
}

/** The namespace of a listing: said outright, "prod 的 pod", or "prod pods". */
function listingNamespace(text: string, defaultNamespace: string): string {
  const explicit = explicitNamespace(text);
  if (explicit) return explicit;
  const owner = possessives(text)
    .map((p) => p.owner)
    .find(isDnsLabel);
  if (owner) return owner;
  for (const m of text.matchAll(re(`(${NAME})\\s+(?:pods?|deployments?|events?|部署|事件)`))) {
    if (m[1] && looksLikeNamespace(m[1], defaultNamespace)) return m[1];
  }
  return defaultNamespace;
}

/** "api 的事件" is about api; "prod 的事件" is about the namespace prod. */
function eventsIntent(text: string, defaultNamespace: string): OfflineIntent {
  const explicit = explicitNamespace(text);
  const owned = possessives(text).filter((p) => p.owner !== explicit);
  let namespace = explicit;
  let object = firstName(text, TARGET_PATTERNS.events, explicit);
  const [first, second] = owned;
  if (object === null && first) {
    if (explicit === null && second) [namespace, object] = [first.owner, second.owner];
    else if (explicit === null && first.next) [namespace, object] = [first.owner, first.next];
    else if (explicit === null && looksLikeNamespace(first.owner, defaultNamespace)) namespace = first.owner;
    else object = first.owner;
  }
  if (namespace === null && object === null)
    return { kind: 'list_events', namespace: listingNamespace(text, defaultNamespace), object: null };
  return { kind: 'list_events', namespace: namespace ?? defaultNamespace, object };
}

/**
 * "Why is the alert KubePodCrashLooping firing for pod api-1 in namespace prod?" (the Investigate button asks so, in
 * either language): the alert's name is not an object. What it fires for (a pod or a deployment) is the target;
 * without one the whole namespace is looked at.
 */
const ALERT_QUESTION = /\balert\s+[\w:.-]+\s+(?:is\s+)?firing\b|告警\s*[\w:.-]+\s*(?:正在|一直)?觸發/;
const ALERT_OBJECT: readonly RegExp[] = [
  re(`\\bfiring\\s+for\\s+(?:pod|deployment)\\s+(${NAME})`),
  re(`的\\s*(?:pod|deployment|部署)\\s*(${NAME})`),
];

function alertInvestigation(text: string, defaultNamespace: string): OfflineIntent | undefined {
  if (!ALERT_QUESTION.test(text)) return undefined;
  const namespace = explicitNamespace(text);
  const target = firstName(text, ALERT_OBJECT, namespace);
  return { kind: 'investigate', target, namespace: namespace ?? defaultNamespace, namespaceSaid: namespace !== null };
}

function looksLikePodName(name: string): boolean {
  return /^[a-z0-9.-]+-[a-z0-9]{5}$/.test(name) && name.split('-').length >= 3;
}

/** Reads one request, English or Chinese, into what the offline provider should do. Deterministic. */
export function readRequest(rawText: string, defaultNamespace: string): OfflineIntent {
  const text = normalizeRequest(rawText);
  const action = ACTIONS.find(([, pattern]) => pattern.test(text))?.[0];
  switch (action) {
    case undefined:
      return { kind: 'unknown' };
    case 'pods':
      return { kind: 'list_pods', namespace: listingNamespace(text, defaultNamespace) };
    case 'deployments':
      return { kind: 'list_deployments', namespace: listingNamespace(text, defaultNamespace) };
    case 'nodes':
      return { kind: 'list_nodes' };
    case 'events':
      return eventsIntent(text, defaultNamespace);
    case 'investigate': {
      const alert = alertInvestigation(text, defaultNamespace);
      if (alert) return alert;
      const { name, namespace, namespaceSaid } = locateTarget(text, TARGET_PATTERNS.investigate, defaultNamespace);
      return { kind: 'investigate', target: name, namespace, namespaceSaid };
    }
    case 'logs': {
      const { name, namespace, namespaceSaid } = locateTarget(text, TARGET_PATTERNS.logs, defaultNamespace);
      if (name === null) return { kind: 'clarify', missing: 'name', action: 'logs' };
      return { kind: 'pod_logs', target: name, namespace, namespaceSaid, previous: PREVIOUS.test(text) };
    }
    case 'describe': {
      const kind = namedKind(text);
      const { name, namespace } = locateTarget(text, TARGET_PATTERNS.describe, defaultNamespace);
      if (name === null) {
        if (kind === 'node') return { kind: 'list_nodes' };
        if (kind === 'deployment') return { kind: 'list_deployments', namespace };
        return { kind: 'list_pods', namespace };
      }
      return { kind: 'describe', resourceKind: kind ?? (looksLikePodName(name) ? 'pod' : 'deployment'), name, namespace };
    }
    case 'history': {
      const { name, namespace } = locateTarget(text, TARGET_PATTERNS.history, defaultNamespace);
      if (name === null) return { kind: 'clarify', missing: 'name', action: 'history' };
      return { kind: 'rollout_history', name, namespace };
    }
    case 'restart': {
      const { name, namespace } = locateTarget(text, TARGET_PATTERNS.restart, defaultNamespace);
      return name === null ? { kind: 'clarify', missing: 'name', action: 'restart' } : { kind: 'restart', name, namespace };
    }
    case 'scale': {
      const { name, namespace } = locateTarget(text, TARGET_PATTERNS.scale, defaultNamespace);
      if (name === null) return { kind: 'clarify', missing: 'name', action: 'scale' };
      const replicas = firstNumber(text, REPLICA_PATTERNS);
      if (replicas === null) return { kind: 'clarify', missing: 'replicas', action: 'scale' };
      return { kind: 'scale', name, replicas, namespace };
    }
    case 'rollback': {
      const { name, namespace } = locateTarget(text, TARGET_PATTERNS.rollback, defaultNamespace);
      if (name === null) return { kind: 'clarify', missing: 'name', action: 'rollback' };
      return { kind: 'rollback', name, revision: firstNumber(text, REVISION_PATTERNS), namespace };
    }
    case 'delete': {
      const { name, namespace } = locateTarget(text, TARGET_PATTERNS.delete, defaultNamespace);
      if (name === null) return { kind: 'clarify', missing: 'name', action: 'delete' };
      const kind = namedKind(text) ?? (looksLikePodName(name) ? 'pod' : 'deployment');
      return { kind: 'delete', resourceKind: kind, name, namespace };
    }
  }
}
