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

## Free text
command-unknown = I don't know that command. /help lists what I can do.
task-general_chat = small talk
task-simple_qa = a question
task-status_query = a question about the bot
task-k8s_operation = a look at the cluster
task-tool_calling = a change to the cluster
task-incident_analysis = an incident analysis
task-playbook_generation = a runbook
route-no-provider = To answer { $task } I need a model, and none is configured for it. Set one of { $settings } and restart.
job-queued = ⏳ #{ $ref } Working on { $task } in the background…
answer-footer = <i>— { $provider } · { $model } · { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
    }</i>
answer-empty = (The model returned an empty answer.)
answer-failed = Sorry, no model could answer right now. Tried: { $tried }. Please try again in a minute.

## Background jobs
cmd-cancel = Stop this chat's running request
job-cancelled = ⏹ #{ $ref } Cancelled. Nothing more will run for this request.
cancel-none = Nothing is running in this chat.
cancel-done = Cancelled: { $refs }
job-failed = ⚠️ #{ $ref } This request failed and was not finished. Error id: <code>{ $errorId }</code>. Nothing was changed on the cluster.

## /status, more parts
status-queue = Queue: { $waiting } waiting, { $active } running, { $delayed } delayed, { $failed } failed; { $workers } workers
status-cluster-ok = Cluster: { $description } (reachable, { $latency } ms)
status-cluster-down = Cluster ({ $backend }): unreachable ({ $detail })
status-approvals = Approvals today: { $pending } pending, { $approved } approved, { $expired } expired
status-providers = <b>Models</b>
status-provider = • { $name } ({ $model }): breaker { $breaker }, last { $latency } ms, { $remaining } requests left this minute, { $tokens } tokens and ${ $cost } today
status-provider-off = • { $name }: not configured

## Agent results
agent-done = ✅ #{ $ref }
agent-footer = <i>— { $provider } · { $model } · { $steps ->
    [one] 1 tool call
   *[other] { $steps } tool calls
    }</i>
agent-footer-offline = <i>— offline provider (rule-based, no model) · { $steps ->
    [one] 1 tool call
   *[other] { $steps } tool calls
    }</i>
agent-needs-approval = ✋ #{ $ref } This needs approval ({ $risk }). Nothing has run yet:
agent-failed-invalid_calls = ⚠️ #{ $ref } The model kept proposing tool calls that are not allowed, so nothing was run. Try rephrasing, or use /run.
agent-failed-no_model = ⚠️ #{ $ref } No model could take this request right now. Try again in a minute, or use /run.
agent-failed-budget = ⚠️ #{ $ref } This request used up its token budget before finishing. Try a narrower question.
agent-failed-steps = ⚠️ #{ $ref } This request needed more steps than allowed. Try a narrower question.
risk-read = read-only
risk-write = changes the cluster
risk-critical = critical

## Approval cards
approval-title-write = 🛡 <b>Approval needed</b> · #{ $id }
approval-title-critical = 🚨 <b>Critical change: approval by a second person needed</b> · #{ $id }
approval-title-read = 🛡 <b>Approval needed</b> · #{ $id }
approval-what-restart_deployment = Restart deployment { $name } in { $namespace }
approval-what-scale_deployment = Scale deployment { $name } in { $namespace } to { $replicas } replicas
approval-what-rollback_deployment = Roll back deployment { $name } in { $namespace } (to revision { $revision })
approval-what-delete_resource = Delete { $kind } { $name } in { $namespace }
approval-what-apply_manifest = Apply a manifest in { $namespace }
approval-what-list_pods = List pods in { $namespace }
approval-what-get_pod_logs = Read logs of pod { $name } in { $namespace }
approval-what-describe_resource = Describe { $kind } { $name } in { $namespace }
approval-what-list_events = List events in { $namespace }
approval-what-list_deployments = List deployments in { $namespace }
approval-what-get_rollout_history = Show rollout history of { $name } in { $namespace }
approval-what-list_nodes = List nodes
approval-call = Exact call: { $call }
approval-target = Target: namespace { $namespace } · { $target }
approval-risk = Risk: { $risk }
approval-preview = <b>Preview</b> ({ $source ->
    [server] server-side dry run
   *[simulated] simulated cluster
    }):
approval-preview-failed = Preview unavailable: { $error }
approval-preview-replicas = Replicas: { $before } → { $after }
approval-preview-revision = Revision: { $current } → { $target }
approval-preview-pods = Pods affected ({ $count }): { $pods }
approval-preview-delete = Goes away: { $kind } { $name }
approval-requested-by = Requested by: { $who }
approval-expires = Expires at: { $at }
approval-hash = Call hash: <code>{ $hash }</code>
approval-state-pending = ⏳ Waiting for an approver until { $at }. Nobody answering means no.
approval-state-approved = ✅ Approved by { $by } at { $at }
approval-state-executing = ⚙️ Running…
approval-state-succeeded = ✅ Done: { $message }
approval-state-failed = ❌ Failed: { $error }
approval-state-rejected = ❌ Rejected by { $by } at { $at }. Nothing was run.
approval-state-cancelled = 🚫 Withdrawn by { $by } at { $at }. Nothing was run.
approval-state-expired = ⌛ Expired at { $at }, nothing was run.
approval-reason = Reason: { $reason }
approval-button-approve = ✅ Approve
approval-button-reject = ❌ Reject

## Approval taps
approval-tap-invalid = This button is not valid. Nothing was changed.
approval-tap-approved = Approved. Running it now.
approval-tap-rejected = Rejected. Nothing will run.
approval-tap-cancelled = Withdrawn. Nothing will run.
approval-tap-confirm = Type the name "{ $target }" to confirm.
approval-denied-not_approver = Only approvers can decide this. Nothing was changed.
approval-denied-two_person_rule = This is a critical change: another approver must approve it (two-person rule). Nothing was changed.
approval-stale-not_found = This approval no longer exists. Nothing was changed.
approval-stale-wrong_state = This approval was already decided. Nothing was changed.
approval-stale-expired = This approval has expired. Nothing was run.
approval-stale-hash_mismatch = The call no longer matches this card. Nothing was run.
approval-reason-prompt = Why? Reply to this message with a reason (optional).
approval-reason-saved = Reason added to the card and the audit trail.
approval-reason-too-late = This approval cannot take a reason any more.
approval-confirm-prompt = You are approving your own critical change. To confirm, type the resource name exactly: <code>{ $target }</code>
    The card expires at { $at }.
approval-confirm-mismatch = That is not "{ $target }". Nothing was approved.
approval-confirm-done = Confirmed.
approval-confirm-failed = Not approved: { $reason }

## /approvals and /audit
cmd-approvals = Pending approvals
cmd-audit = Latest audit entries (approvers)
approvals-none = No approvals are waiting.
approvals-title = <b>Waiting for approval ({ $count })</b>
approvals-item = • #{ $id } { $call }: { $left } left, card { $card }
audit-approvers-only = Only approvers can read the audit trail.
audit-empty = The audit trail is empty.
audit-title = <b>Latest { $count } audit entries</b>
