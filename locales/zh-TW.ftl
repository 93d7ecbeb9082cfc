# 繁體中文（台灣）。所有給使用者看的文字都在這裡和 en.ftl，兩邊的鍵要一致。
# 以 parse_mode HTML 送出的文字，變數在傳進來前已經跳脫過。

## Telegram 指令選單
cmd-start = 這個機器人能做什麼
cmd-help = 功能說明與範例
cmd-lang = 選擇語言
cmd-status = 機器人目前的狀態

## /start
start-text =
    👋 <b>Kubernetes ChatOps</b>
    我可以在這個聊天室裡幫你管理叢集。用中文或 English 都可以：問題我會馬上回答，查看叢集的工作在背景執行，任何會變更叢集的操作，都要等核准者按下 ✅ 核准 才會執行。

    試試看：
    • <code>列出 prod 的 pod</code>
    • <code>為什麼 api 一直重啟？</code>
    • <code>把 prod 的 web 擴展到 3 個副本</code>

    你的 Telegram 使用者 ID：<code>{ $userId }</code>
    輸入 /help 看更多說明。

## /help
help-text =
    <b>我能做的事</b>
    • 回答 Kubernetes 問題：<code>什麼是 HPA？</code>
    • 查看叢集現況：<code>列出 prod 的 pod</code>、<code>看 staging 的事件</code>
    • 找出故障原因：<code>為什麼 api 一直 CrashLoopBackOff？</code>
    • 變更叢集（需核准）：<code>重啟 prod 的 api</code>、<code>把 web 回滾到上一版</code>
    • 撰寫 runbook：<code>幫我寫一份 Redis OOM 的 runbook</code>

    <b>指令</b>
    /run：不經模型直接執行工具（<code>/run list_pods namespace=prod</code>，或只輸入 /run 開啟引導選單）
    /approvals：等待核准的變更 · /cancel：停止這個聊天室正在執行的請求
    /mode：唯讀、需核准或僅建議（限核准者） · /audit：最近的稽核紀錄（限核准者）
    /status：機器人、佇列與模型的狀態
    /lang：English 或繁體中文

## /lang
lang-choose = 請選擇語言：
lang-set = 好的，之後我會用繁體中文回覆。
lang-button-en = English
lang-button-zh-TW = 繁體中文

## 存取控制
auth-refused =
    抱歉，這個機器人只服務團隊成員。
    你的 Telegram 使用者 ID 是 <code>{ $userId }</code>，請管理員把它加進 ALLOWED_USER_IDS。
auth-refused-short = 這個機器人只服務團隊成員。你的使用者 ID：{ $userId }

## 錯誤
error-generic = 我這邊出了點問題。錯誤代碼：<code>{ $errorId }</code>。叢集沒有任何變更。


## /status
status-title = <b>狀態</b>
status-version = 版本：{ $version }
status-uptime = 已運作：{ $uptime }
status-redis-ok = Redis：連線正常（來回 { $rttMs } 毫秒）
status-redis-down = Redis：無法連線（{ $error }）
status-polling = Telegram：{ $state ->
    [polling] 正在接收更新
    [standby] 待命中（由另一個副本接收更新）
    [starting] 啟動中
   *[stopped] 未接收更新
    }
status-locale = 你的語言：{ $locale }

## 時間長度
duration-dhm = { $d } 天 { $h } 小時 { $m } 分
duration-hms = { $h } 小時 { $m } 分 { $s } 秒
duration-ms = { $m } 分 { $s } 秒
duration-s = { $s } 秒

## 自由輸入
command-unknown = 我不認得這個指令。輸入 /help 看我能做什麼。
task-general_chat = 閒聊
task-simple_qa = 問題
task-status_query = 關於機器人的問題
task-k8s_operation = 查看叢集
task-tool_calling = 變更叢集
task-incident_analysis = 故障分析
task-playbook_generation = 撰寫 runbook
route-no-provider = 要處理{ $task }需要模型，但目前沒有設定可用的模型。請設定 { $settings } 其中之一，然後重新啟動。
job-queued = ⏳ #{ $ref } 正在背景處理{ $task }…
answer-footer = <i>— { $provider } · { $model } · 嘗試 { $attempts } 次</i>
answer-empty = （模型回傳了空白的答案。）
answer-failed = 抱歉，目前沒有任何模型能回答。已嘗試：{ $tried }。請稍後再試。

## 背景工作
request-too-long = 這個請求太長了（超過 { $max } 個字元），請縮短一點。
cmd-cancel = 停止這個聊天室正在執行的請求
job-cancelled = ⏹ #{ $ref } 已取消，這個請求不會再執行任何動作。
cancel-none = 這個聊天室目前沒有執行中的請求。
cancel-done = 已取消：{ $refs }
job-failed = ⚠️ #{ $ref } 這個請求執行失敗，沒有完成。錯誤代碼：<code>{ $errorId }</code>。叢集沒有任何變更。

## /status 其他部分
status-queue = 佇列：{ $waiting } 個等待中、{ $active } 個執行中、{ $delayed } 個延後、{ $failed } 個失敗；{ $workers } 個 worker
status-cluster-ok = 叢集：{ $description }（連線正常，{ $latency } 毫秒）
status-cluster-down = 叢集（{ $backend }）：無法連線（{ $detail }）
status-approvals = 今日核准：{ $pending } 件待決定、{ $approved } 件已核准、{ $expired } 件已逾期
status-providers = <b>模型</b>
status-provider = • { $name }（{ $model }）：斷路器 { $breaker }，上次 { $latency } 毫秒，本分鐘剩 { $remaining } 次請求，今日 { $tokens } tokens、US${ $cost }
status-provider-off = • { $name }：未設定

## Agent 結果
agent-done = ✅ #{ $ref }
agent-footer = <i>— { $provider } · { $model } · 呼叫工具 { $steps } 次</i>
agent-footer-offline = <i>— 離線模式（規則式，未使用模型）· 呼叫工具 { $steps } 次</i>
agent-needs-approval = ✋ #{ $ref } 這個操作需要核准（{ $risk }），目前還沒有執行任何動作：
agent-failed-invalid_calls = ⚠️ #{ $ref } 模型一直提出不被允許的工具呼叫，所以沒有執行任何動作。請換個說法，或使用 /run。
agent-failed-no_model = ⚠️ #{ $ref } 目前沒有模型能處理這個請求。請稍後再試，或使用 /run。
agent-failed-budget = ⚠️ #{ $ref } 這個請求在完成前就用完了 token 預算。請把問題縮小一點。
agent-failed-steps = ⚠️ #{ $ref } 這個請求需要的步驟超過上限。請把問題縮小一點。
risk-read = 唯讀
risk-write = 會變更叢集
risk-critical = 高風險

## 核准卡片
approval-title-write = 🛡 <b>需要核准</b> · #{ $id }
approval-title-critical = 🚨 <b>高風險變更：需要另一位核准者核准</b> · #{ $id }
approval-title-read = 🛡 <b>需要核准</b> · #{ $id }
approval-what-restart_deployment = 重新啟動 { $namespace } 的部署 { $name }
approval-what-scale_deployment = 把 { $namespace } 的部署 { $name } 調整為 { $replicas } 個副本
approval-what-rollback_deployment = 把 { $namespace } 的部署 { $name } 回滾（到第 { $revision } 版）
approval-what-delete_resource = 刪除 { $namespace } 的 { $kind } { $name }
approval-what-apply_manifest = 在 { $namespace } 套用 manifest
approval-what-list_pods = 列出 { $namespace } 的 pod
approval-what-get_pod_logs = 讀取 { $namespace } 的 pod { $name } 的日誌
approval-what-describe_resource = 查看 { $namespace } 的 { $kind } { $name } 詳細資訊
approval-what-list_events = 列出 { $namespace } 的事件
approval-what-list_deployments = 列出 { $namespace } 的部署
approval-what-get_rollout_history = 查看 { $namespace } 的 { $name } 版本紀錄
approval-what-list_nodes = 列出節點
approval-call = 實際呼叫：{ $call }
approval-target = 目標：命名空間 { $namespace } · { $target }
approval-risk = 風險：{ $risk }
approval-preview = <b>預覽</b>（{ $source ->
    [server] 伺服器端 dry run
   *[simulated] 模擬叢集
    }）：
approval-preview-failed = 無法預覽：{ $error }
approval-preview-replicas = 副本數：{ $before } → { $after }
approval-preview-revision = 版本：{ $current } → { $target }
approval-preview-pods = 受影響的 pod（{ $count } 個）：{ $pods }
approval-preview-delete = 將被刪除：{ $kind } { $name }
approval-requested-by = 申請人：{ $who }
approval-expires = 截止時間：{ $at }
approval-hash = 呼叫雜湊：<code>{ $hash }</code>
approval-state-pending = ⏳ 等待核准者決定，期限到 { $at }。沒人回應就視為不核准。
approval-state-approved = ✅ 已由 { $by } 於 { $at } 核准
approval-state-executing = ⚙️ 執行中…
approval-state-succeeded = ✅ 完成：{ $message }
approval-state-failed = ❌ 失敗：{ $error }
approval-state-rejected = ❌ 已由 { $by } 於 { $at } 駁回，沒有執行任何動作。
approval-state-cancelled = 🚫 已由 { $by } 於 { $at } 撤回，沒有執行任何動作。
approval-state-expired = ⌛ 已於 { $at } 逾期，沒有執行任何動作。
approval-reason = 原因：{ $reason }
approval-button-approve = ✅ 核准
approval-button-reject = ❌ 駁回

## 核准按鈕
approval-tap-invalid = 這個按鈕無效，沒有任何變更。
approval-tap-approved = 已核准，馬上執行。
approval-tap-rejected = 已駁回，不會執行任何動作。
approval-tap-cancelled = 已撤回，不會執行任何動作。
approval-tap-confirm = 請輸入名稱「{ $target }」確認。
approval-denied-not_approver = 只有核准者可以決定，沒有任何變更。
approval-denied-two_person_rule = 這是高風險變更，必須由另一位核准者核准（雙人原則），沒有任何變更。
approval-stale-not_found = 這筆核准已經不存在，沒有任何變更。
approval-stale-wrong_state = 這筆核准已經有人決定了，沒有任何變更。
approval-stale-expired = 這筆核准已經逾期，沒有執行任何動作。
approval-stale-hash_mismatch = 呼叫內容和這張卡片不符，沒有執行任何動作。
approval-reason-prompt = 原因是？可以回覆這則訊息說明（非必填）。
approval-reason-saved = 已把原因加到卡片和稽核紀錄。
approval-reason-too-late = 這筆核准已經不能再加原因了。
approval-confirm-prompt = 你正在核准自己提出的高風險變更。請完整輸入資源名稱確認：<code>{ $target }</code>
    卡片會在 { $at } 逾期。
approval-confirm-mismatch = 輸入的不是「{ $target }」，沒有核准任何動作。
approval-confirm-done = 已確認。
approval-confirm-failed = 沒有核准：{ $reason }

## /approvals 與 /audit
cmd-approvals = 待核准的項目
cmd-audit = 最近的稽核紀錄（核准者）
approvals-none = 目前沒有等待核准的項目。
approvals-title = <b>等待核准（{ $count } 件）</b>
approvals-item = • #{ $id } { $call }：剩 { $left }，卡片 { $card }
audit-approvers-only = 只有核准者可以查看稽核紀錄。
audit-empty = 稽核紀錄是空的。
audit-title = <b>最近 { $count } 筆稽核紀錄</b>

## 離線模式
# 沒有可用模型時依規則運作的替代方案（src/offline）。回覆是 Markdown，不是 HTML。
offline-marker = 🔌 離線模式：依規則產生的回覆，未使用 AI 模型。
offline-more = …還有 { $count } 筆
offline-list-separator = 、
offline-pods-title = **`{ $namespace }` 的 Pod**（{ $count } 個）
offline-no-pods = `{ $namespace }` 裡沒有任何 Pod。
offline-restarts = 重啟 { $count } 次
offline-logs-title = **`{ $pod }` 的日誌**（`{ $namespace }`）
offline-logs-title-previous = **`{ $pod }` 的日誌**（`{ $namespace }`，上一次當掉的執行）
offline-no-log-lines = 沒有日誌內容。
offline-describe-title = **{ $kind } `{ $name }`**
offline-describe-title-namespaced = **{ $kind } `{ $name }`**（`{ $namespace }`）
offline-age = 存在時間
offline-labels = 標籤
offline-details = 詳細資訊
offline-recent-events = 最近的事件
offline-events-title = **`{ $namespace }` 的事件**（{ $count } 筆，最新的在前）
offline-events-title-about = **`{ $namespace }` 裡關於 `{ $object }` 的事件**（{ $count } 筆，最新的在前）
offline-no-events = 沒有事件。
offline-deployments-title = **`{ $namespace }` 的部署**（{ $count } 個）
offline-no-deployments = `{ $namespace }` 裡沒有任何部署。
offline-ready = 就緒
offline-revision = 版本
offline-history-title = **`{ $name }` 的版本紀錄**（`{ $namespace }`）
offline-current = 目前版本
offline-no-history = 沒有版本紀錄。
offline-nodes-title = **節點**（{ $count } 個）
offline-pods-on-node = { $count } 個 Pod
offline-change-approved = ✅ 已完成：{ $call }
offline-change-approved-detail =
    ✅ 已完成：{ $call }
    { $detail }
offline-change-declined = ❌ 未執行：{ $call } 已被拒絕，叢集沒有任何變更。
offline-change-declined-reason = ❌ 未執行：{ $call } 已被拒絕，叢集沒有任何變更。（{ $reason }）
offline-change-expired = ⌛ 未執行：{ $call } 沒有人在時限內核准，叢集沒有任何變更。
offline-change-failed = ⚠️ 已核准的變更 { $call } 執行失敗。
offline-change-failed-reason = ⚠️ 已核准的變更 { $call } 執行失敗：{ $reason }
offline-tool-error = ⚠️ `{ $tool }` 執行失敗（{ $code }）：{ $message }
offline-no-pod = 在 { $namespaces } 裡找不到 `{ $target }` 的 Pod。要查其他命名空間，請說出名稱，例如「prod 的 { $target }」。
offline-no-pod-listed = 在 { $namespaces } 裡找不到 `{ $target }` 的 Pod。`{ $first }` 裡的 Pod：{ $pods }。要查其他命名空間，請說出名稱，例如「prod 的 { $target }」。
offline-investigation-title = **調查：`{ $namespace }`**
offline-investigation-title-target = **調查：`{ $target }`（`{ $namespace }`）**
offline-suspect = - Pod `{ $pod }`：**{ $status }**，重啟 { $restarts } 次，就緒 { $ready }
offline-other-troubled-pods = - 另外還有 { $count } 個 Pod 也有問題
offline-healthy-target = { $count ->
    [1] `{ $target }` 的 Pod 正在執行且已就緒，沒有重啟。
   *[other] `{ $target }` 的 { $count } 個 Pod 都在執行且已就緒，沒有重啟。
    }
offline-healthy-namespace = { $count ->
    [1] `{ $namespace }` 唯一的 Pod 正在執行且已就緒，沒有重啟。
   *[other] `{ $namespace }` 的 { $count } 個 Pod 都在執行且已就緒，沒有重啟。
    }
offline-logs-heading = **最後幾行日誌**
offline-logs-heading-previous = **上一次當掉時的最後幾行日誌**
offline-logs-unavailable = 無法取得日誌：{ $error }
offline-warnings-heading = **警告事件**
offline-no-warnings = 沒有警告事件。
offline-key-line = 關鍵訊息：
offline-cause-heading = **可能原因**：
offline-cause-missing_config = 容器啟動時因為設定不完整而結束（請看關鍵訊息）。
offline-cause-crash = 容器啟動後一直結束，Kubernetes 每次重啟前都會等待更久（BackOff）。
offline-cause-image = 映像檔拉不下來（名稱或標籤錯誤，或沒有映像檔儲存庫的存取權限）。
offline-cause-oom = 容器用的記憶體超過上限，被系統終止。
offline-cause-scheduling = Pod 無法排程到任何節點（資源不足，或受 taint、selector 限制）。
offline-cause-config = 容器無法建立：它參照的 ConfigMap、Secret 或其中的鍵不存在。
offline-next-heading = **建議下一步**：
offline-next-missing_config = 修正部署的設定（補上關鍵訊息所說缺少的項目），或回滾：「回滾 { $namespace } 的 { $target }」（需要核准）。
offline-next-crash = 看更多日誌（「看 { $namespace } 的 { $target } 的 log」），或回滾到上一個正常的版本：「回滾 { $namespace } 的 { $target }」（需要核准）。
offline-next-image = 檢查映像檔名稱與標籤（「{ $namespace } 的 { $target } 的版本紀錄」），或回滾（需要核准）。
offline-next-oom = 調高 `{ $namespace }` 裡 `{ $target }` 的記憶體上限，或找出佔用記憶體的原因。
offline-next-scheduling = 檢查節點的容量、壓力與 taint（「列出節點」）。
offline-next-config = 在 `{ $namespace }` 建立缺少的 ConfigMap 或 Secret，或修正 `{ $target }` 裡的參照。
offline-next-unknown = 查看事件與詳細資訊：「查看 { $namespace } 的 { $target } 的詳細資訊」。
offline-clarify-name = 要{ $action }的是哪一個？請說出名稱，例如「{ $example }」。
offline-clarify-replicas = 要調整成幾個副本？例如「把 web 擴展到 3 個副本」。
offline-action-restart = 重啟
offline-action-scale = 調整副本數
offline-action-rollback = 回滾
offline-action-delete = 刪除
offline-action-logs = 看日誌
offline-action-describe = 查看詳細資訊
offline-action-history = 看版本紀錄
offline-example-restart = 重啟 prod 的 api
offline-example-scale = 把 prod 的 api 擴展到 3 個副本
offline-example-rollback = 回滾 prod 的 api
offline-example-delete = 刪除 prod 的 api
offline-example-logs = 看 prod 的 api 的 log
offline-example-describe = 查看 prod 的 api 的詳細資訊
offline-example-history = prod 的 api 的版本紀錄
offline-invalid = 無法把這個要求轉成有效的操作：{ $reason }
offline-unreadable = 無法讀取 `{ $tool }` 的結果。
offline-help =
    我是**離線模式**：目前沒有可用的 AI 模型，所以我依簡單的規則處理。我看得懂這類要求：
    - 「列出 prod 的 pod」·「列出 prod 的部署」·「列出節點」
    - 「看 prod 的 api 的 log」·「查看 prod 的 api 的詳細資訊」·「prod 的事件」
    - 「prod 的 api 的版本紀錄」
    - 「為什麼 prod 的 api 一直重啟？」（我會查看 Pod、上一次當掉時的日誌與事件）
    - 「重啟 prod 的 api」·「把 prod 的 web 擴展到 3 個副本」·「回滾 prod 的 api」·「刪除 prod 的 pod <名稱>」（這些需要核准）

## /mode
cmd-mode = 這個聊天室允許機器人做哪些變更
mode-name-read-only = 🔒 唯讀
mode-name-approve = ✅ 需核准
mode-name-suggest = 💡 僅建議
mode-explain-read-only = 機器人只讀取叢集，任何變更都不會送出核准。
mode-explain-approve = 變更會變成核准卡片，核准者核准前不會執行。
mode-explain-suggest = 機器人只說明會執行什麼，不會真的執行。
mode-current = 這個聊天室的模式：{ $mode }。{ $explain }
mode-set = 模式已設為 { $mode }。{ $explain }
mode-unknown = 沒有這個模式。請選擇：{ $modes }
mode-approvers-only = 只有核准者可以變更模式。
mode-blocked-read-only = 🔒 這個聊天室是唯讀模式，所以沒有提出這項變更，也沒有執行任何動作：{ $call }
mode-blocked-suggest = 💡 建議（僅建議模式）：我會執行 { $call }。沒有執行任何動作。

## /run
cmd-run = 直接執行工具，不經過模型
run-usage = 用法：{ $usage }
run-usage-legend = [ ] 裡的值可以省略；命名空間預設為 { $namespace }。
run-usage-manifest = 把 YAML manifest 寫在指令的下一行起。
run-unknown-tool = ❓ 沒有「{ $tool }」這個工具。可用的工具：{ $tools }
    只輸入 /run 可以用按鈕挑選。
run-problem-syntax = ⚠️ 看不懂「{ $token }」。請寫成 <code>/run 工具 key=value ...</code>；值裡有空白就加引號：key="a b"。
run-problem-unclosed_quote = ⚠️ 引號沒有成對：「{ $token }」
run-problem-duplicate_key = ⚠️「{ $token }」重複給了兩次。
run-problem-unexpected_body = ⚠️ 只有 apply_manifest 可以在指令下一行接文字（也就是 YAML manifest）。
run-invalid = ⚠️ 沒有執行：{ $reason }
cluster-error-not_found = 🔍 找不到：{ $detail }
cluster-error-forbidden = 🚫 叢集拒絕了這個操作（權限不足）：{ $detail }
cluster-error-conflict = ⚠️ 發生衝突：{ $detail }。請稍後再試。
cluster-error-invalid = ⚠️ 叢集認為這個呼叫無效：{ $detail }
cluster-error-out_of_scope = 🚫 超出這個機器人可操作的命名空間：{ $detail }。沒有執行任何動作。
cluster-error-protected_namespace = 🔒 已拒絕：<code>{ $namespace }</code> 是受保護的命名空間，只能讀取。叢集沒有任何變更。
cluster-error-unavailable = 📡 目前連不上叢集：{ $detail }。請稍後再試。
run-result-more = …還有 { $count } 筆
run-result-pods-title = <b>{ $namespace } 的 pod</b>（{ $count } 個）
run-result-pods-none = { $namespace } 裡沒有任何 pod。
run-result-pod-line = 就緒 { $ready } · { $status } · 重啟 { $restarts } 次 · 已運作 { $age } · 節點 { $node }
run-result-deployments-title = <b>{ $namespace } 的部署</b>（{ $count } 個）
run-result-deployments-none = { $namespace } 裡沒有任何部署。
run-result-try-namespaces = 其他命名空間：
    { $commands }
run-result-deployment-line = 就緒 { $ready } · 第 { $revision } 版 · { $images } · 已運作 { $age }
run-result-events-title = <b>{ $namespace } 的事件</b>（{ $count } 筆，最新的在前）
run-result-events-about-title = <b>{ $namespace } 中關於 { $object } 的事件</b>（{ $count } 筆，最新的在前）
run-result-events-none = 沒有事件。
run-result-event-line = { $mark }<b>{ $reason }</b> { $object }{ $times } · { $age } 前：{ $message }
run-result-nodes-title = <b>節點</b>（{ $count } 個）
run-result-node-line = { $status } · { $roles } · { $version } · 已運作 { $age } · { $pods } 個 pod
run-result-taints = taint：{ $taints }
run-result-history-title = <b>{ $name } 的版本紀錄</b>（{ $namespace }）
run-result-history-line = 第 { $revision } 版 · { $images }
run-result-history-current = 目前版本
run-result-history-none = 沒有任何版本紀錄。
run-result-logs-title = <b>{ $pod } 的日誌</b>（{ $namespace }，容器 { $container }）
run-result-logs-previous-title = <b>{ $pod } 的日誌</b>（{ $namespace }，容器 { $container }，上一次當掉的執行）
run-result-logs-cut = 只顯示最後 { $shown } 行。
run-result-logs-none = 沒有任何日誌。
run-result-describe-title = <b>{ $kind } { $name }</b>（{ $namespace }）
run-result-describe-cluster-title = <b>{ $kind } { $name }</b>
run-result-age = 已存在：{ $age }
run-result-labels = 標籤：{ $labels }
run-result-recent-events = <b>最近的事件</b>
run-result-footer = <i>— /run，未使用模型 · { $backend ->
    [simulated] 模擬叢集（不是真的 Kubernetes）
   *[other] Kubernetes
    }</i>
run-guided-pick-tool = 🧰 <b>執行工具</b>：要用哪一個？
run-guided-pick-kind = 哪一種資源？
run-guided-pick-namespace = 哪個命名空間？
run-guided-pick-resource = { $namespace } 裡的哪個{ $kind }？
run-guided-pick-node = 哪個節點？
run-guided-or-type = 點選一個，或直接輸入名稱。
run-guided-none-found = 沒有可以挑選的項目，請直接輸入名稱。
run-guided-type-instead = 請改為直接輸入名稱。
run-guided-type-name = 請輸入名稱。
run-guided-first-shown = 只列出前 { $count } 個。
run-guided-ask-value = 請輸入{ $field }：{ $hint }。
run-guided-ask-optional = 請輸入{ $field }（{ $hint }），或按「略過」。
run-guided-skipped = → 已略過
run-guided-invalid-value = ⚠️ { $reason }
    請再輸入一次，或按 ✖ 取消。
run-guided-use-buttons = 請點選上面的按鈕，或按 ✖ 取消。
run-guided-stale-button = 這個按鈕屬於前面的步驟。
run-guided-expired = 這個選單已經結束，或是屬於別人的。請輸入 /run 開始你自己的。
run-guided-cancelled = ✖ 已取消，沒有執行任何動作。
run-guided-typed-form = <i>直接輸入的寫法：</i>{ $command }
run-guided-options = <i>可以再加上的選項：</i>{ $options }
run-button-cancel = ✖ 取消
run-button-skip = 略過 ⏭
run-button-yes = 是
run-button-no = 否
run-hint-choice = 可選：{ $options }
run-hint-boolean = 是或否
run-hint-integer-range = { $min } 到 { $max } 的整數
run-hint-integer-min = 至少 { $min } 的整數
run-hint-name = Kubernetes 名稱
run-hint-label-selector = 標籤選擇器，例如 app=web,tier=front
run-hint-container = 容器名稱
run-hint-involved-object = 事件相關物件的名稱
run-hint-manifest = YAML manifest，整份放在一則訊息
run-field-namespace = 命名空間
run-field-label_selector = 標籤選擇器
run-field-pod = pod
run-field-container = 容器
run-field-tail_lines = 日誌行數
run-field-previous = 是否看上一次當掉的執行
run-field-kind = 資源種類
run-field-name = 名稱
run-field-involved_object = 相關物件
run-field-limit = 事件筆數
run-field-replicas = 副本數
run-field-revision = 版本
run-field-manifest = manifest
run-kind-pod = pod
run-kind-deployment = 部署
run-kind-statefulset = StatefulSet
run-kind-daemonset = DaemonSet
run-kind-service = Service
run-kind-ingress = Ingress
run-kind-configmap = ConfigMap
run-kind-node = 節點
run-kind-job = Job
run-kind-cronjob = CronJob
run-kind-hpa = HPA
run-tool-list_pods = 列出 pod
run-tool-get_pod_logs = pod 日誌
run-tool-describe_resource = 查看詳細資訊
run-tool-list_events = 事件
run-tool-list_deployments = 部署清單
run-tool-get_rollout_history = 版本紀錄
run-tool-list_nodes = 節點
run-tool-restart_deployment = 重新啟動 ✋
run-tool-scale_deployment = 調整副本 ✋
run-tool-rollback_deployment = 回滾 ✋
run-tool-delete_resource = 刪除 🚨
run-tool-apply_manifest = 套用 YAML 🚨

# --- Alerts: Alertmanager notifications in the chat (src/bot/render/alert-message.ts, src/alerts/investigation.ts) ---
alert-status-firing = 🔥 告警中
alert-status-resolved = ✅ 已恢復
alert-severity = 嚴重程度 { $severity }
alert-count = 共 { $count } 則告警，{ $firing } 則告警中
alert-count-total = 共 { $count } 則告警
alert-labels = 標籤：{ $labels }
alert-started = 開始時間：{ $time }
alert-resolved-at = 恢復時間：{ $time }
alert-item-firing = 🔥 { $labels } · 自 { $time } 起
alert-item-resolved = ✅ { $labels } · 於 { $time } 恢復
alert-more = …還有 { $count } 則
alert-truncated = Alertmanager 另外省略了 { $count } 則告警。
alert-acknowledged = 👤 { $user } 已於 { $time } 確認
alert-silenced = 🔕 { $user } 已設定靜音至 { $time }
alert-silence-ended = 🔕 { $user } 設定的靜音已於 { $time } 結束
alert-link-source = 來源
alert-link-alertmanager = Alertmanager
alert-seed-question = 為什麼告警 { $alertname } 正在觸發{ $target }？{ $summary }請只用唯讀工具找出原因。
alert-seed-summary = 摘要：{ $summary }{ " " }
alert-seed-target-pod = （namespace { $namespace } 的 pod { $pod }）
alert-seed-target-deployment = （namespace { $namespace } 的部署 { $deployment }）
alert-seed-target-namespace = （namespace { $namespace }）

# Safety: names on cards, cards over several messages, untracked cards, taps from another chat, request limits (w/safety-ui)
person-label = { $name } · ID { $id }
person-label-id-only = ID { $id }
answer-truncated = <i>…內容已截斷；完整內容在附加的檔案中。</i>
answer-full-text-caption = 完整回答。
approval-card-part-unused = <i>（接續上方）</i>
approval-state-untracked = ⚠️ 這張卡片無法追蹤（機器人無法儲存它），因此不接受任何決定：不會從這張卡片執行任何操作。請在機器人恢復正常後重新提出。
approval-untracked-notice = ⚠️ 核准 #{ $id } 無法追蹤，因此不會從它的卡片執行任何操作。請在機器人恢復正常後重新提出。
approval-stale-untracked = 這張卡片無法追蹤，因此不接受任何決定。沒有任何變更；請重新提出。
request-limit-reached = ⏸ 你在最近一分鐘內已送出 { $limit } 個請求，已達上限。現在送出的請求不會處理；請一分鐘後再試。（這則通知不會重複。）

# --- Alerts: the buttons on an alert message and their answers (src/bot/features/alerts.ts) ---
alert-button-investigate = 🔍 調查原因
alert-button-silence = 🔕 靜音 1 小時
alert-button-acknowledge = ✅ 我來處理
alert-tap-unknown = 這邊已經沒有這則告警的紀錄。沒有任何變更。
alert-tap-resolved = 這則告警已經恢復。沒有任何變更。
alert-tap-acknowledged = ✅ 已確認：這則告警由你處理。
alert-tap-already-acknowledged = { $user } 已於 { $time } 確認處理。
alert-tap-silence-denied = 只有核准者可以將告警靜音。沒有設定任何靜音。
alert-tap-silence-off = 無法從聊天室設定靜音：沒有設定 ALERTMANAGER_URL。沒有設定任何靜音。
alert-tap-silence-no-matchers = 這組告警沒有共同標籤可以比對，靜音會連其他告警一起隱藏。請到 Alertmanager 設定靜音。
alert-tap-silenced = 🔕 已靜音至 { $time }。
alert-tap-silence-active = { $user } 已設定靜音至 { $time }。
alert-tap-silence-in-progress = 這則告警的靜音正在設定中。
alert-tap-silence-failed = Alertmanager 沒有建立靜音：{ $error }。沒有設定任何靜音。
alert-tap-silence-pending = 🔕 正在向 Alertmanager 設定 1 小時的靜音…
# Sent as a reply to the alert message when Alertmanager answered after the tap was answered; HTML.
alert-silence-failed = ⚠️ { $user }：Alertmanager 沒有為 { $alertname } 建立靜音：{ $error }。沒有設定任何靜音。
alert-tap-investigating = 🔍 調查中：#{ $ref }。結果會以回覆告警訊息的方式送出。
alert-tap-investigation-running = 這則告警已經有調查正在進行：#{ $ref }。

# safety-core: the request beside a model's change, every object of a manifest, manifest policy
approval-request = 🗣 原始請求：「{ $text }」
approval-request-cluster-data = ⚠️ 模型在提出這項變更前讀取了叢集資料（日誌、事件、描述），而任何能寫入叢集的人都能寫入這些內容。請確認變更與請求相符。
approval-objects = <b>物件（{ $count } 個）</b>：核准後會全部套用
approval-object = • { $kind } <code>{ $name }</code>（{ $apiVersion }），命名空間 { $namespace }
approval-object-cluster = • { $kind } <code>{ $name }</code>（{ $apiVersion }），叢集層級
cluster-error-refused_by_policy = 🚫 已在建立核准卡片前拒絕：{ $kind } <code>{ $name }</code>：{ $rule }（規則 <code>{ $ruleName }</code>{ $field }）。沒有執行任何動作。管理者可以用 MANIFEST_ALLOW={ $ruleName } 允許。
cluster-error-policy-field = ，欄位 <code>{ $field }</code>
manifest-rule-rbac = 不從聊天套用 RBAC 物件（Role、RoleBinding、ClusterRole、ClusterRoleBinding）
manifest-rule-secrets = 不從聊天套用 Secret
manifest-rule-privileged = 不允許特權容器（或 SYS_ADMIN、ALL capability）
manifest-rule-host-path = 不允許 hostPath 磁碟區（節點本身的檔案）
manifest-rule-host-pid = 不允許 hostPID（節點的程序）
manifest-rule-host-network = 不允許 hostNetwork（節點的網路）
manifest-rule-host-ipc = 不允許 hostIPC（節點的共用記憶體）
manifest-rule-cluster-scoped = 不從聊天套用叢集層級的種類（Namespace、CRD、webhook、StorageClass 等）
