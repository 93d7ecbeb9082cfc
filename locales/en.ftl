# English. Every user-facing string lives here and in zh-TW.ftl, with the same keys.
# Variables arrive already HTML-escaped where the text is sent with parse_mode HTML.

## Commands as shown in Telegram's command menu
cmd-start = What this bot does
cmd-help = What I can do, with examples
cmd-lang = Choose the language
cmd-status = How the bot is doing

## /start
start-text =
    👋 <b>Kubernetes ChatOps</b>
    I run your cluster from this chat. Ask in English or 中文: I answer questions at once, look at the cluster in the background, and nothing that changes the cluster runs until an approver taps ✅ Approve.

    Try:
    • <code>list pods in prod</code>
    • <code>why does api keep restarting?</code>
    • <code>scale web in prod to 3</code>

    Your Telegram user id: <code>{ $userId }</code>
    /help shows more.

## /help
help-text =
    <b>What I can do</b>
    • Answer questions about Kubernetes: <code>what is an HPA?</code>
    • Look at the live cluster: <code>list pods in prod</code>, <code>show events in staging</code>
    • Find out why something fails: <code>why is api in CrashLoopBackOff?</code>
    • Change the cluster, after approval: <code>restart api in prod</code>, <code>roll back web</code>
    • Write runbooks: <code>write a runbook for Redis OOM</code>

    <b>Commands</b>
    /status: how the bot, its queue and its models are doing
    /lang: English or 繁體中文

## /lang
lang-choose = Choose your language:
lang-set = Done. I will answer in English.
lang-button-en = English
lang-button-zh-TW = 繁體中文

## Access
auth-refused =
    Sorry, this bot only serves its team.
    Your Telegram user id is <code>{ $userId }</code>. Ask an admin to add it to ALLOWED_USER_IDS.
auth-refused-short = This bot only serves its team. Your user id: { $userId }

## Errors
error-generic = Something went wrong on my side. Error id: <code>{ $errorId }</code>. Nothing was changed on the cluster.

## Free text, until requests are understood
text-not-yet = I read your message. Understanding requests comes in the next version; for now try /help or /status.

## /status
status-title = <b>Status</b>
status-version = Version: { $version }
status-uptime = Uptime: { $uptime }
status-redis-ok = Redis: reachable ({ $rttMs } ms round trip)
status-redis-down = Redis: unreachable ({ $error })
status-polling = Telegram: { $state ->
    [polling] polling for updates
    [standby] on standby (another replica polls)
    [starting] starting
   *[stopped] not polling
    }
status-locale = Your language: { $locale }

## Durations
duration-dhm = { $d } d { $h } h { $m } min
duration-hms = { $h } h { $m } min { $s } s
duration-ms = { $m } min { $s } s
duration-s = { $s } s
