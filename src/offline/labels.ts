import type { SuspectedCause } from './answer.js';

/**
 * Every user-facing text of the offline provider, in one place per locale, so they can move into the locale
 * files as they are. The two markers say, on every final answer, that no model wrote it.
 */
export const OFFLINE_MARKER_EN = '🔌 Offline provider: rule-based answer, no AI model was used.';
export const OFFLINE_MARKER_ZH_TW = '🔌 離線模式：依規則產生的回覆，未使用 AI 模型。';

export type OfflineLocale = 'en' | 'zh-TW';

export interface OfflineTexts {
  marker: string;
  more(count: number): string;
  podsTitle(namespace: string, count: number): string;
  noPods(namespace: string): string;
  restarts(count: number): string;
  logsTitle(pod: string, namespace: string, previous: boolean): string;
  noLogLines: string;
  describeTitle(kind: string, name: string, namespace: string | null): string;
  age: string;
  labels: string;
  details: string;
  recentEvents: string;
  eventsTitle(namespace: string, object: string | null, count: number): string;
  noEvents: string;
  deploymentsTitle(namespace: string, count: number): string;
  noDeployments(namespace: string): string;
  ready: string;
  revision: string;
  historyTitle(name: string, namespace: string): string;
  current: string;
  noHistory: string;
  nodesTitle(count: number): string;
  podsOnNode(count: number): string;
  change: Record<'approved' | 'declined' | 'expired' | 'failed', (call: string, detail: string | null) => string>;
  toolError(tool: string, code: string, message: string): string;
  noPod(target: string, namespaces: readonly string[], pods: readonly string[]): string;
  investigationTitle(target: string | null, namespace: string): string;
  suspect(pod: string, status: string, restarts: number, ready: string): string;
  otherTroubledPods(count: number): string;
  healthy(target: string | null, namespace: string, count: number): string;
  logsHeading(previous: boolean): string;
  logsUnavailable(error: string): string;
  warningsHeading: string;
  noWarnings: string;
  keyLine: string;
  causeHeading: string;
  cause: Record<SuspectedCause, string>;
  nextHeading: string;
  next: Record<SuspectedCause | 'unknown', (target: string, namespace: string) => string>;
  clarifyName(action: string): string;
  clarifyReplicas: string;
  actionNames: Record<'restart' | 'scale' | 'rollback' | 'delete' | 'logs' | 'describe' | 'history', string>;
  invalid(reason: string): string;
  unreadable(tool: string): string;
  help: string;
}

const EN: OfflineTexts = {
  marker: OFFLINE_MARKER_EN,
  more: (count) => `…and ${count} more`,
  podsTitle: (ns, count) => `**Pods in \`${ns}\`** (${count})`,
  noPods: (ns) => `There are no pods in \`${ns}\`.`,
  restarts: (count) => `restarts ${count}`,
  logsTitle: (pod, ns, previous) => `**Logs of \`${pod}\`** in \`${ns}\`${previous ? ' (previous, crashed run)' : ''}`,
  noLogLines: 'No log lines.',
  describeTitle: (kind, name, ns) => `**${kind} \`${name}\`**${ns ? ` in \`${ns}\`` : ''}`,
  age: 'Age',
  labels: 'Labels',
  details: 'Details',
  recentEvents: 'Recent events',
  eventsTitle: (ns, object, count) => `**Events in \`${ns}\`**${object ? ` about \`${object}\`` : ''} (${count}, newest first)`,
  noEvents: 'No events.',
  deploymentsTitle: (ns, count) => `**Deployments in \`${ns}\`** (${count})`,
  noDeployments: (ns) => `There are no deployments in \`${ns}\`.`,
  ready: 'ready',
  revision: 'revision',
  historyTitle: (name, ns) => `**Rollout history of \`${name}\`** in \`${ns}\``,
  current: 'current',
  noHistory: 'No revisions.',
  nodesTitle: (count) => `**Nodes** (${count})`,
  podsOnNode: (count) => `${count} pods`,
  change: {
    approved: (call, detail) => `✅ Done: ${call}${detail ? `\n${detail}` : ''}`,
    declined: (call, reason) => `❌ Not done: ${call} was declined, so nothing changed.${reason ? ` (${reason})` : ''}`,
    expired: (call) => `⌛ Not done: nobody approved ${call} in time, so nothing changed.`,
    failed: (call, reason) => `⚠️ The approved change ${call} failed${reason ? `: ${reason}` : '.'}`,
  },
  toolError: (tool, code, message) => `⚠️ \`${tool}\` did not work (${code}): ${message}`,
  noPod: (target, namespaces, pods) =>
    `I found no pod of \`${target}\` in ${namespaces.map((ns) => `\`${ns}\``).join(', ')}.${pods.length > 0 ? ` Pods in \`${namespaces[0]}\`: ${pods.map((p) => `\`${p}\``).join(', ')}.` : ''} Name the namespace to look elsewhere, for example "in prod".`,
  investigationTitle: (target, ns) => `**Investigation: ${target ? `\`${target}\` in ` : ''}\`${ns}\`**`,
  suspect: (pod, status, restarts, ready) => `- Pod \`${pod}\`: **${status}**, ${restarts} restarts, ${ready} ready`,
  otherTroubledPods: (count) => `- ${count} more pod(s) of it are in trouble too`,
  healthy: (target, ns, count) =>
    `${target ? `The ${count} pod(s) of \`${target}\`` : `All ${count} pod(s) in \`${ns}\``} are running and ready, with no restarts.`,
  logsHeading: (previous) => (previous ? '**Last log lines of the crashed run**' : '**Last log lines**'),
  logsUnavailable: (error) => `Logs unavailable: ${error}`,
  warningsHeading: '**Warning events**',
  noWarnings: 'No warning events.',
  keyLine: 'Key line:',
  causeHeading: '**Likely cause**:',
  cause: {
    missing_config: 'the container exits at start-up because its configuration is incomplete (see the key line).',
    crash: 'the container keeps exiting after it starts, and Kubernetes backs off between restarts.',
    image: 'the image cannot be pulled (wrong name or tag, or no access to the registry).',
    oom: 'the container is killed for using more memory than its limit.',
    scheduling: 'the pod cannot be placed on any node (not enough resources, or taints and selectors).',
    config: 'the container cannot be created: it refers to a ConfigMap, Secret or key that does not exist.',
  },
  nextHeading: '**Next step**:',
  next: {
    missing_config: (t, ns) =>
      `Fix the deployment's configuration (add what the key line says is missing), or roll back: \`rollback ${t} in ${ns}\` (needs approval).`,
    crash: (t, ns) => `Read more of the logs (\`show logs of ${t} in ${ns}\`) or roll back to the last good revision: \`rollback ${t} in ${ns}\` (needs approval).`,
    image: (t, ns) => `Check the image name and tag (\`rollout history of ${t} in ${ns}\`), or roll back (needs approval).`,
    oom: (t, ns) => `Raise the memory limit of \`${t}\` in \`${ns}\`, or find what uses the memory.`,
    scheduling: () => 'Check the nodes (`list nodes`) for capacity, pressure and taints.',
    config: (t, ns) => `Create the missing ConfigMap or Secret in \`${ns}\`, or fix the reference in \`${t}\`.`,
    unknown: (t, ns) => `Look at the events and the description: \`describe ${t} in ${ns}\`.`,
  },
  clarifyName: (action) => `Which one should I ${action}? Name it, for example "${action} api in prod".`,
  clarifyReplicas: 'To how many replicas? For example "scale web to 3".',
  actionNames: {
    restart: 'restart',
    scale: 'scale',
    rollback: 'roll back',
    delete: 'delete',
    logs: 'show the logs of',
    describe: 'describe',
    history: 'show the rollout history of',
  },
  invalid: (reason) => `I could not turn that into a valid request: ${reason}`,
  unreadable: (tool) => `The result of \`${tool}\` could not be read.`,
  help: [
    "I am the **offline provider**: no AI model is available, so I follow simple rules. I understand requests like:",
    '- `list pods in prod` · `list deployments in prod` · `list nodes`',
    '- `show logs of api in prod` · `describe deployment api in prod` · `events in prod`',
    '- `rollout history of api in prod`',
    '- `why is api failing in prod` (I read the pods, the crashed run\'s logs and the events)',
    '- `restart api in prod` · `scale web to 3 in prod` · `rollback api in prod` · `delete pod <name> in prod` (these need approval)',
  ].join('\n'),
};

// Chinese puts the object in the middle of some requests, so the examples are whole sentences.
const ZH_EXAMPLES: Readonly<Record<string, string>> = { 看日誌: '看 prod 的 api 的 log', 看版本紀錄: 'prod 的 api 的版本紀錄' };

const ZH_TW: OfflineTexts = {
  marker: OFFLINE_MARKER_ZH_TW,
  more: (count) => `…還有 ${count} 筆`,
  podsTitle: (ns, count) => `**\`${ns}\` 的 Pod**（${count} 個）`,
  noPods: (ns) => `\`${ns}\` 裡沒有任何 Pod。`,
  restarts: (count) => `重啟 ${count} 次`,
  logsTitle: (pod, ns, previous) => `**\`${pod}\` 的日誌**（\`${ns}\`${previous ? '，上一次當掉的執行' : ''}）`,
  noLogLines: '沒有日誌內容。',
  describeTitle: (kind, name, ns) => `**${kind} \`${name}\`**${ns ? `（\`${ns}\`）` : ''}`,
  age: '存在時間',
  labels: '標籤',
  details: '詳細資訊',
  recentEvents: '最近的事件',
  eventsTitle: (ns, object, count) => `**\`${ns}\` 的事件**${object ? `（關於 \`${object}\`）` : ''}（${count} 筆，最新的在前）`,
  noEvents: '沒有事件。',
  deploymentsTitle: (ns, count) => `**\`${ns}\` 的部署**（${count} 個）`,
  noDeployments: (ns) => `\`${ns}\` 裡沒有任何部署。`,
  ready: '就緒',
  revision: '版本',
  historyTitle: (name, ns) => `**\`${name}\` 的版本紀錄**（\`${ns}\`）`,
  current: '目前版本',
  noHistory: '沒有版本紀錄。',
  nodesTitle: (count) => `**節點**（${count} 個）`,
  podsOnNode: (count) => `${count} 個 Pod`,
  change: {
    approved: (call, detail) => `✅ 已完成：${call}${detail ? `\n${detail}` : ''}`,
    declined: (call, reason) => `❌ 未執行：${call} 已被拒絕，叢集沒有任何變更。${reason ? `（${reason}）` : ''}`,
    expired: (call) => `⌛ 未執行：${call} 沒有人在時限內核准，叢集沒有任何變更。`,
    failed: (call, reason) => `⚠️ 已核准的變更 ${call} 執行失敗${reason ? `：${reason}` : '。'}`,
  },
  toolError: (tool, code, message) => `⚠️ \`${tool}\` 執行失敗（${code}）：${message}`,
  noPod: (target, namespaces, pods) =>
    `在 ${namespaces.map((ns) => `\`${ns}\``).join('、')} 裡找不到 \`${target}\` 的 Pod。${pods.length > 0 ? `\`${namespaces[0]}\` 裡的 Pod：${pods.map((p) => `\`${p}\``).join('、')}。` : ''}要查其他命名空間，請說出名稱，例如「prod 的 ${target}」。`,
  investigationTitle: (target, ns) => `**調查：${target ? `\`${target}\`（\`${ns}\`）` : `\`${ns}\``}**`,
  suspect: (pod, status, restarts, ready) => `- Pod \`${pod}\`：**${status}**，重啟 ${restarts} 次，就緒 ${ready}`,
  otherTroubledPods: (count) => `- 另外還有 ${count} 個 Pod 也有問題`,
  healthy: (target, ns, count) =>
    `${target ? `\`${target}\` 的 ${count} 個 Pod` : `\`${ns}\` 的 ${count} 個 Pod`} 都在執行且已就緒，沒有重啟。`,
  logsHeading: (previous) => (previous ? '**上一次當掉時的最後幾行日誌**' : '**最後幾行日誌**'),
  logsUnavailable: (error) => `無法取得日誌：${error}`,
  warningsHeading: '**警告事件**',
  noWarnings: '沒有警告事件。',
  keyLine: '關鍵訊息：',
  causeHeading: '**可能原因**：',
  cause: {
    missing_config: '容器啟動時因為設定不完整而結束（請看關鍵訊息）。',
    crash: '容器啟動後一直結束，Kubernetes 每次重啟前都會等待更久（BackOff）。',
    image: '映像檔拉不下來（名稱或標籤錯誤，或沒有映像檔倉庫的權限）。',
    oom: '容器用的記憶體超過上限，被系統終止。',
    scheduling: 'Pod 無法排程到任何節點（資源不足，或受 taint、selector 限制）。',
    config: '容器無法建立：它參照的 ConfigMap、Secret 或其中的鍵不存在。',
  },
  nextHeading: '**建議下一步**：',
  next: {
    missing_config: (t, ns) => `修正部署的設定（補上關鍵訊息所說缺少的項目），或回滾：「回滾 ${ns} 的 ${t}」（需要核准）。`,
    crash: (t, ns) => `看更多日誌（「看 ${ns} 的 ${t} 的 log」），或回滾到上一個正常的版本：「回滾 ${ns} 的 ${t}」（需要核准）。`,
    image: (t, ns) => `檢查映像檔名稱與標籤（「${ns} 的 ${t} 的版本紀錄」），或回滾（需要核准）。`,
    oom: (t, ns) => `調高 \`${ns}\` 裡 \`${t}\` 的記憶體上限，或找出占用記憶體的原因。`,
    scheduling: () => '檢查節點的容量、壓力與 taint（「列出節點」）。',
    config: (t, ns) => `在 \`${ns}\` 建立缺少的 ConfigMap 或 Secret，或修正 \`${t}\` 裡的參照。`,
    unknown: (t, ns) => `查看事件與描述：「描述 ${ns} 的 ${t}」。`,
  },
  clarifyName: (action) => `要${action}哪一個？請說出名稱，例如「${ZH_EXAMPLES[action] ?? `${action} prod 的 api`}」。`,
  clarifyReplicas: '要調整成幾個副本？例如「把 web 擴展到 3 個副本」。',
  actionNames: {
    restart: '重啟',
    scale: '調整副本數',
    rollback: '回滾',
    delete: '刪除',
    logs: '看日誌',
    describe: '描述',
    history: '看版本紀錄',
  },
  invalid: (reason) => `無法把這個要求轉成有效的操作：${reason}`,
  unreadable: (tool) => `無法讀取 \`${tool}\` 的結果。`,
  help: [
    '我是**離線模式**：目前沒有可用的 AI 模型，所以我依簡單的規則處理。我看得懂這類要求：',
    '- 「列出 prod 的 pod」·「列出 prod 的部署」·「列出節點」',
    '- 「看 prod 的 api 的 log」·「描述 prod 的 api」·「prod 的事件」',
    '- 「prod 的 api 的版本紀錄」',
    '- 「為什麼 api 一直重啟?」（我會查看 Pod、上一次當掉時的日誌與事件）',
    '- 「重啟 prod 的 api」·「把 web 擴展到 3 個副本」·「回滾 prod 的 api」·「刪除 prod 的 pod <名稱>」（這些需要核准）',
  ].join('\n'),
};

export const OFFLINE_TEXTS: Readonly<Record<OfflineLocale, OfflineTexts>> = { en: EN, 'zh-TW': ZH_TW };
