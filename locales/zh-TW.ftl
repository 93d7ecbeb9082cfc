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

## 自由輸入（理解請求的功能完成前）
text-not-yet = 收到你的訊息了。理解請求的功能會在下一版推出，現在可以先試試 /help 或 /status。

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
