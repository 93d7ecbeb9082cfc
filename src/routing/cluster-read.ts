import { anyOf, englishWords, evidence } from './pattern.js';

/** Signals of a look at live cluster state: a read verb, cluster nouns, a namespace, a live-state question. */

const CLUSTER_NOUN = anyOf([
  englishWords([
    'pods?',
    'po',
    'deployments?',
    'deploys?',
    'statefulsets?',
    'sts',
    'daemonsets?',
    'ds',
    'replicasets?',
    'rs',
    'services?',
    'svc',
    'ingress(?:es)?',
    'configmaps?',
    'cm',
    'secrets?',
    'nodes?',
    'jobs?',
    'cronjobs?',
    'cj',
    'hpas?',
    'pvcs?',
    'pvs?',
    'volumes?',
    'namespaces?',
    'ns',
    'containers?',
    'images?',
    'replicas?',
    'endpoints?',
    'events?',
    'rollouts?',
    'revisions?',
    'logs?',
    'clusters?',
    'workloads?',
    'quotas?',
    'releases?',
    'kubelet',
    'crds?',
    // Properties of workloads.
    'env',
    'env vars?',
    'environment variables?',
    'variables',
    'labels',
    'annotations',
    'ports?',
    'probes?',
    'limits',
    'requests',
    'args',
    'ya?ml',
    'manifests?',
    'spec',
    'cpu',
    'memory',
    'mem',
    'disk',
    'storage',
    'gpu',
    'restarts',
    'restart counts?',
    'rollout history',
    'replica count',
    'versions?',
    'image tags?',
  ]),
  /版本|哪一?版|叢集|集群|節點|命名空間|副本|容器|映像檔|映像|鏡像|服務|部署|工作負載|日誌|事件|記憶體|磁碟|重啟次數|環境變數|變數|標籤|資源|限制|探針|連接埠|設定|pod/,
]);
const READ_VERB = anyOf([
  englishWords([
    'list',
    'ls',
    'get',
    'show',
    'display',
    'describe',
    'check',
    'see',
    'view',
    'look',
    'inspect',
    'tail',
    'watch',
    'print',
    'fetch',
    'grab',
    'pull',
    'find',
    'give me',
    'tell me',
    'count',
    'top',
    'dump',
    'export',
    'compare',
  ]),
  /列出|列一下|查看|查詢|查一下|看看|看一下|(?<![好難])看(?!起來|來|法|到|得出)|描述|顯示|給我|檢查|確認|秀|撈|抓|找出|盤點|統計|列(?!表)/,
]);
const NAMESPACE_CUE = anyOf([
  /\b(?:in|on|at|from|of|for|-n|namespace|ns)\s+(?:the\s+)?(?:prod|production|staging|stage|dev|qa|uat|default|kube-system|monitoring|[a-z0-9-]+(?=\s+(?:namespace|ns)\b))\b/,
  /\b(?:prod|production|staging|kube-system)\b|--namespace|--all-namespaces|(?:^|\s)-a\b/,
  /命名空間|(?:prod|staging|production|dev)\s*(?:的|裡|上|環境)|在\s*(?:prod|staging|production|dev)/,
]);
const LIVE_STATE = anyOf([
  englishWords([
    'running',
    'deployed',
    'using',
    'currently',
    'current',
    'right now',
    'at the moment',
    'ready',
    'healthy',
    'available',
    'scheduled',
    'alive',
    'up and running',
    'status',
    'state',
    'logs?',
    'events?',
    'how many',
    'how much',
    'which(?!\\s+(?:is better|one|should))',
    'are there',
    'replica count',
    'usage',
    'utili[sz]ation',
    'version of',
    'uptime',
    'age',
    'restarts',
    'restart counts?',
    'rollout history',
    'history',
    'last time',
    'look like',
    'when (?:did|was|were)',
    'what (?:pods|nodes|deployments|services|jobs|images|namespaces|containers|workloads)',
    'what (?:revision|version|image|tag)',
    'did\\b.*\\b(?:finish|complete|succeed|run|start|end)\\w*',
    '(?:does|do) [a-z0-9-]+(?: [a-z0-9-]+)? have',
    'do we have',
  ]),
  /\bwhat(?:'s| is) (?:on|in|running on|running in|inside) [a-z0-9]+-[a-z0-9-]+|有什麼\s*(?:pod|服務|容器|東西|deployment|job)|目前|現在|當前|現況|在跑|跑著|跑了|跑的|跑什麼|有哪些|哪些|哪個|有幾個|幾個|多少|幾台|狀態|狀況|情況|日誌|log|事件|用量|使用率|使用量/,
  /版本|哪一?版|副本數|活著|正常嗎|健康嗎|ready|起來|歷史|紀錄|記錄|重啟次數|最後一次|上一次|上次|最近一次|長怎樣|長什麼樣|跑完|完成了嗎|結束了嗎/,
]);
// "is web running?", "api 有在跑嗎": a yes/no question about a workload's live state.
const LIVE_QUESTION = anyOf([
  /^(?:is|are|was|did|has|have)\b.*\b(?:running|ready|healthy|up|deployed|available|alive|scheduled|rolled out)\b/,
  /(?:有在跑|在跑|還在跑|活著|正常|健康|ready|起來|跑起來|上去|生效|上線)\s*(?:了)?\s*(?:嗎|沒|沒有)|是不是.*(?:ready|好了|起來|正常|在跑|跑起來)/,
]);
// "search 現在開了幾台", "how many are running right now": a count of something live.
const LIVE_COUNT_NOW = /(?:現在|目前|當前).{0,8}(?:幾台|幾個|多少)|\b(?:how many|which)\b.{0,40}\b(?:right now|currently|now)\b/;
// "what's the memory limit on api?": a property of a named object is live state.
const PROPERTY_OF_NAMED =
  /\bwhat(?:'s| is| are) the (?!point|meaning|purpose|difference|definition|use|syntax|command|best)[a-z ]{1,30} (?:on|of|for|in) (?!a\b|an\b|kubernetes\b|k8s\b|(?:pod|container|deployment|node|statefulset|daemonset|service|job|cronjob|ingress|replicaset|namespace|hpa|workload)(?:s|es)?\b)[a-z0-9-]+/;
// Verbs that only ever read the cluster, whatever their object ("describe inventory").
const STRONG_READ_VERB = /^(?:describe|tail|ls|描述|列出)$/;
// Generated or hyphenated names: redis-0, api-7f9c8d-x2k4q, ip-10-0-3-17.
const WORKLOAD_NAME = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/;

export interface ClusterReadSignals {
  /** A read-only kubectl/helm command written in the message. */
  command: string | null;
  /** Evidence of a request to look at live state. */
  read: string | null;
  /** Cluster nouns or a namespace are mentioned. */
  nouns: boolean;
  /** Live-state words are used (now, running, status, how many, history …). */
  live: boolean;
  readVerb: boolean;
}

export function findClusterRead(text: string, readCommand: string | null): ClusterReadSignals {
  const nouns = CLUSTER_NOUN.test(text) || NAMESPACE_CUE.test(text);
  const live = LIVE_STATE.test(text) || NAMESPACE_CUE.test(text) || PROPERTY_OF_NAMED.test(text);
  const verb = READ_VERB.exec(text);
  let read: string | null;
  if (verb && (nouns || live || WORKLOAD_NAME.test(text) || STRONG_READ_VERB.test(verb[0]))) read = `read:${verb[0].trim()}`;
  else if (nouns && live) {
    read = evidence('live', LIVE_STATE, text) ?? evidence('live', NAMESPACE_CUE, text) ?? evidence('live', PROPERTY_OF_NAMED, text);
  } else read = evidence('live', LIVE_QUESTION, text) ?? evidence('live', LIVE_COUNT_NOW, text);
  return { command: readCommand, read, nouns, live, readVerb: verb !== null };
}
