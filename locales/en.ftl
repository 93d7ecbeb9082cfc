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
    /run: run one tool without a model (<code>/run list_pods namespace=prod</code>, or /run alone for a guided menu)
    /approvals: changes waiting for approval · /cancel: stop this chat's running request
    /mode: read-only, approve or suggest (approvers) · /audit: the latest audit entries (approvers)
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
request-too-long = That request is too long for me (over { $max } characters). Please shorten it.
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

## Offline provider
# The rule-based stand-in when no model is available (src/offline). Its answers are Markdown, not HTML.
offline-marker = 🔌 Offline provider: rule-based answer, no AI model was used.
offline-more = …and { $count } more
offline-list-separator = {", "}
offline-pods-title = **Pods in `{ $namespace }`** ({ $count })
offline-no-pods = There are no pods in `{ $namespace }`.
offline-restarts = restarts { $count }
offline-logs-title = **Logs of `{ $pod }`** in `{ $namespace }`
offline-logs-title-previous = **Logs of `{ $pod }`** in `{ $namespace }` (previous, crashed run)
offline-no-log-lines = No log lines.
offline-describe-title = **{ $kind } `{ $name }`**
offline-describe-title-namespaced = **{ $kind } `{ $name }`** in `{ $namespace }`
offline-age = Age
offline-labels = Labels
offline-details = Details
offline-recent-events = Recent events
offline-events-title = **Events in `{ $namespace }`** ({ $count }, newest first)
offline-events-title-about = **Events in `{ $namespace }`** about `{ $object }` ({ $count }, newest first)
offline-no-events = No events.
offline-deployments-title = **Deployments in `{ $namespace }`** ({ $count })
offline-no-deployments = There are no deployments in `{ $namespace }`.
offline-ready = ready
offline-revision = revision
offline-history-title = **Rollout history of `{ $name }`** in `{ $namespace }`
offline-current = current
offline-no-history = No revisions.
offline-nodes-title = **Nodes** ({ $count })
offline-pods-on-node = { $count ->
    [one] { $count } pod
   *[other] { $count } pods
    }
offline-change-approved = ✅ Done: { $call }
offline-change-approved-detail =
    ✅ Done: { $call }
    { $detail }
offline-change-declined = ❌ Not done: { $call } was declined, so nothing changed.
offline-change-declined-reason = ❌ Not done: { $call } was declined, so nothing changed. ({ $reason })
offline-change-expired = ⌛ Not done: nobody approved { $call } in time, so nothing changed.
offline-change-failed = ⚠️ The approved change { $call } failed.
offline-change-failed-reason = ⚠️ The approved change { $call } failed: { $reason }
offline-tool-error = ⚠️ `{ $tool }` did not work ({ $code }): { $message }
offline-no-pod = I found no pod of `{ $target }` in { $namespaces }. Name the namespace to look elsewhere, for example "in prod".
offline-no-pod-listed = I found no pod of `{ $target }` in { $namespaces }. Pods in `{ $first }`: { $pods }. Name the namespace to look elsewhere, for example "in prod".
offline-investigation-title = **Investigation: `{ $namespace }`**
offline-investigation-title-target = **Investigation: `{ $target }` in `{ $namespace }`**
offline-suspect = - Pod `{ $pod }`: **{ $status }**, { $restarts ->
    [one] { $restarts } restart
   *[other] { $restarts } restarts
    }, { $ready } ready
offline-other-troubled-pods = { $count ->
    [one] - { $count } more pod of it is in trouble too
   *[other] - { $count } more pods of it are in trouble too
    }
offline-healthy-target = { $count ->
    [one] The only pod of `{ $target }` is running and ready, with no restarts.
   *[other] The { $count } pods of `{ $target }` are running and ready, with no restarts.
    }
offline-healthy-namespace = { $count ->
    [one] The only pod in `{ $namespace }` is running and ready, with no restarts.
   *[other] All { $count } pods in `{ $namespace }` are running and ready, with no restarts.
    }
offline-logs-heading = **Last log lines**
offline-logs-heading-previous = **Last log lines of the crashed run**
offline-logs-unavailable = Logs unavailable: { $error }
offline-warnings-heading = **Warning events**
offline-no-warnings = No warning events.
offline-key-line = Key line:
offline-cause-heading = **Likely cause**:
offline-cause-missing_config = the container exits at start-up because its configuration is incomplete (see the key line).
offline-cause-crash = the container keeps exiting after it starts, and Kubernetes backs off between restarts.
offline-cause-image = the image cannot be pulled (wrong name or tag, or no access to the registry).
offline-cause-oom = the container is killed for using more memory than its limit.
offline-cause-scheduling = the pod cannot be placed on any node (not enough resources, or taints and selectors).
offline-cause-config = the container cannot be created: it refers to a ConfigMap, Secret or key that does not exist.
offline-next-heading = **Next step**:
offline-next-missing_config = Fix the deployment's configuration (add what the key line says is missing), or roll back: `rollback { $target } in { $namespace }` (needs approval).
offline-next-crash = Read more of the logs (`show logs of { $target } in { $namespace }`) or roll back to the last good revision: `rollback { $target } in { $namespace }` (needs approval).
offline-next-image = Check the image name and tag (`rollout history of { $target } in { $namespace }`), or roll back (needs approval).
offline-next-oom = Raise the memory limit of `{ $target }` in `{ $namespace }`, or find what uses the memory.
offline-next-scheduling = Check the nodes (`list nodes`) for capacity, pressure and taints.
offline-next-config = Create the missing ConfigMap or Secret in `{ $namespace }`, or fix the reference in `{ $target }`.
offline-next-unknown = Look at the events and the description: `describe { $target } in { $namespace }`.
offline-clarify-name = Which one should I { $action }? Name it, for example "{ $example }".
offline-clarify-replicas = To how many replicas? For example "scale web to 3".
offline-action-restart = restart
offline-action-scale = scale
offline-action-rollback = roll back
offline-action-delete = delete
offline-action-logs = show the logs of
offline-action-describe = describe
offline-action-history = show the rollout history of
offline-example-restart = restart api in prod
offline-example-scale = scale api in prod to 3
offline-example-rollback = roll back api in prod
offline-example-delete = delete api in prod
offline-example-logs = show the logs of api in prod
offline-example-describe = describe api in prod
offline-example-history = show the rollout history of api in prod
offline-invalid = I could not turn that into a valid request: { $reason }
offline-unreadable = The result of `{ $tool }` could not be read.
offline-help =
    I am the **offline provider**: no AI model is available, so I follow simple rules. I understand requests like:
    - `list pods in prod` · `list deployments in prod` · `list nodes`
    - `show logs of api in prod` · `describe deployment api in prod` · `events in prod`
    - `rollout history of api in prod`
    - `why is api failing in prod` (I read the pods, the crashed run's logs and the events)
    - `restart api in prod` · `scale web to 3 in prod` · `rollback api in prod` · `delete pod <name> in prod` (these need approval)

## /mode
cmd-mode = What this chat lets the bot change
mode-name-read-only = 🔒 read-only
mode-name-approve = ✅ approve
mode-name-suggest = 💡 suggest
mode-explain-read-only = The bot only reads the cluster; no change even reaches approval.
mode-explain-approve = Changes become approval cards; nothing runs until an approver approves.
mode-explain-suggest = The bot says what it would run and runs nothing.
mode-current = This chat's mode: { $mode }. { $explain }
mode-set = Mode set to { $mode }. { $explain }
mode-unknown = Unknown mode. Choose one of: { $modes }
mode-approvers-only = Only approvers can change the mode.
mode-blocked-read-only = 🔒 This chat is read-only, so this change was not proposed. Nothing was run: { $call }
mode-blocked-suggest = 💡 Suggestion (suggest mode): I would run { $call }. Nothing was run.

## /run
cmd-run = Run a tool directly, without a model
run-usage = Usage: { $usage }
run-usage-legend = Values in [ ] are optional; the namespace defaults to { $namespace }.
run-usage-manifest = Put the YAML manifest on the lines after the command.
run-unknown-tool = ❓ There is no tool "{ $tool }". Tools: { $tools }
    Send /run alone to pick one from buttons.
run-problem-syntax = ⚠️ I could not read "{ $token }". Write <code>/run tool key=value ...</code>; quote values with spaces: key="a b".
run-problem-unclosed_quote = ⚠️ A quote is not closed: "{ $token }"
run-problem-duplicate_key = ⚠️ "{ $token }" is given twice.
run-problem-unexpected_body = ⚠️ Only apply_manifest takes text on the lines after the command (its YAML manifest).
run-invalid = ⚠️ Not run: { $reason }
cluster-error-not_found = 🔍 Not found: { $detail }
cluster-error-forbidden = 🚫 The cluster refused this (no permission): { $detail }
cluster-error-conflict = ⚠️ Conflict: { $detail }. Try again in a moment.
cluster-error-invalid = ⚠️ The cluster refused this call as invalid: { $detail }
cluster-error-out_of_scope = 🚫 Outside the namespaces this bot may use: { $detail }. Nothing was run.
cluster-error-protected_namespace = 🔒 Refused: <code>{ $namespace }</code> is a protected namespace, reads only. Nothing was changed.
cluster-error-unavailable = 📡 The cluster cannot be reached right now: { $detail }. Try again in a minute.
run-result-more = …and { $count } more
run-result-pods-title = <b>Pods in { $namespace }</b> ({ $count })
run-result-pods-none = There are no pods in { $namespace }.
run-result-pod-line = ready { $ready } · { $status } · { $restarts } restarts · age { $age } · node { $node }
run-result-deployments-title = <b>Deployments in { $namespace }</b> ({ $count })
run-result-deployments-none = There are no deployments in { $namespace }.
run-result-try-namespaces = Other namespaces:
    { $commands }
run-result-deployment-line = ready { $ready } · revision { $revision } · { $images } · age { $age }
run-result-events-title = <b>Events in { $namespace }</b> ({ $count }, newest first)
run-result-events-about-title = <b>Events in { $namespace } about { $object }</b> ({ $count }, newest first)
run-result-events-none = No events.
run-result-event-line = { $mark }<b>{ $reason }</b> { $object }{ $times } · { $age } ago: { $message }
run-result-nodes-title = <b>Nodes</b> ({ $count })
run-result-node-line = { $status } · { $roles } · { $version } · age { $age } · { $pods } pods
run-result-taints = taints: { $taints }
run-result-history-title = <b>Rollout history of { $name }</b> in { $namespace }
run-result-history-line = revision { $revision } · { $images }
run-result-history-current = current
run-result-history-none = No revisions.
run-result-logs-title = <b>Logs of { $pod }</b> in { $namespace } (container { $container })
run-result-logs-previous-title = <b>Logs of { $pod }</b> in { $namespace } (container { $container }, the previous, crashed run)
run-result-logs-cut = Showing the last { $shown } lines.
run-result-logs-none = No log lines.
run-result-describe-title = <b>{ $kind } { $name }</b> in { $namespace }
run-result-describe-cluster-title = <b>{ $kind } { $name }</b>
run-result-age = Age: { $age }
run-result-labels = Labels: { $labels }
run-result-recent-events = <b>Recent events</b>
run-result-footer = <i>— /run, no model used · { $backend ->
    [simulated] simulated cluster (no real Kubernetes)
   *[other] Kubernetes
    }</i>
run-guided-pick-tool = 🧰 <b>Run a tool</b>: which one?
run-guided-pick-kind = Which kind of resource?
run-guided-pick-namespace = Which namespace?
run-guided-pick-resource = Which { $kind } in { $namespace }?
run-guided-pick-node = Which node?
run-guided-or-type = Tap one, or type the name.
run-guided-none-found = There is nothing to pick from; type the name.
run-guided-type-instead = Type the name instead.
run-guided-type-name = Type the name.
run-guided-first-shown = Only the first { $count } are shown.
run-guided-ask-value = Send { $field }: { $hint }.
run-guided-ask-optional = Send { $field } ({ $hint }), or tap Skip.
run-guided-skipped = → skipped
run-guided-invalid-value = ⚠️ { $reason }
    Try again, or tap ✖ Cancel.
run-guided-use-buttons = Please tap one of the buttons above, or ✖ Cancel.
run-guided-stale-button = That button belongs to an earlier step.
run-guided-expired = This menu has ended or belongs to someone else. Send /run to start your own.
run-guided-cancelled = ✖ Cancelled. Nothing was run.
run-guided-typed-form = <i>Typed, the same is:</i> { $command }
run-guided-options = <i>Options to add:</i> { $options }
run-button-cancel = ✖ Cancel
run-button-skip = Skip ⏭
run-button-yes = Yes
run-button-no = No
run-hint-choice = one of { $options }
run-hint-boolean = yes or no
run-hint-integer-range = a whole number from { $min } to { $max }
run-hint-integer-min = a whole number, at least { $min }
run-hint-name = a Kubernetes name
run-hint-label-selector = a label selector such as app=web,tier=front
run-hint-container = the container's name
run-hint-involved-object = the name of the object the events are about
run-hint-manifest = the YAML manifest, as one message
run-field-namespace = the namespace
run-field-label_selector = a label selector
run-field-pod = the pod
run-field-container = the container
run-field-tail_lines = how many log lines
run-field-previous = the previous, crashed run
run-field-kind = the kind
run-field-name = the name
run-field-involved_object = the object
run-field-limit = how many events
run-field-replicas = the number of replicas
run-field-revision = the revision
run-field-manifest = the manifest
run-kind-pod = pod
run-kind-deployment = deployment
run-kind-statefulset = statefulset
run-kind-daemonset = daemonset
run-kind-service = service
run-kind-ingress = ingress
run-kind-configmap = configmap
run-kind-node = node
run-kind-job = job
run-kind-cronjob = cronjob
run-kind-hpa = HPA
run-tool-list_pods = list pods
run-tool-get_pod_logs = pod logs
run-tool-describe_resource = describe
run-tool-list_events = events
run-tool-list_deployments = deployments
run-tool-get_rollout_history = rollout history
run-tool-list_nodes = nodes
run-tool-restart_deployment = restart ✋
run-tool-scale_deployment = scale ✋
run-tool-rollback_deployment = roll back ✋
run-tool-delete_resource = delete 🚨
run-tool-apply_manifest = apply YAML 🚨

# --- Alerts: Alertmanager notifications in the chat (src/bot/render/alert-message.ts, src/alerts/investigation.ts) ---
alert-status-firing = 🔥 FIRING
alert-status-resolved = ✅ RESOLVED
alert-severity = severity { $severity }
alert-count = { $count ->
    [one] 1 alert
   *[other] { $count } alerts
}, { $firing } firing
alert-count-total = { $count ->
    [one] 1 alert
   *[other] { $count } alerts
}
alert-labels = Labels: { $labels }
alert-started = Started: { $time }
alert-resolved-at = Resolved: { $time }
alert-item-firing = 🔥 { $labels } · since { $time }
alert-item-resolved = ✅ { $labels } · resolved { $time }
alert-more = …and { $count } more
alert-truncated = Alertmanager left out { $count } more alerts.
alert-acknowledged = 👤 Acknowledged by { $user } at { $time }
alert-silenced = 🔕 Silenced by { $user } until { $time }
alert-silence-ended = 🔕 The silence by { $user } ended at { $time }
alert-link-source = source
alert-link-alertmanager = Alertmanager
alert-seed-question = Why is the alert { $alertname } firing{ $target }?{ $summary } Find the cause with read-only tools.
alert-seed-summary = { " " }Summary: { $summary }
alert-seed-target-pod = { " " }for pod { $pod } in namespace { $namespace }
alert-seed-target-deployment = { " " }for deployment { $deployment } in namespace { $namespace }
alert-seed-target-namespace = { " " }in namespace { $namespace }

# Safety: names on cards, cards over several messages, untracked cards, taps from another chat, request limits (w/safety-ui)
person-label = { $name } · id { $id }
person-label-id-only = id { $id }
answer-truncated = <i>…truncated; the full text is in the attached file.</i>
answer-full-text-caption = The full answer.
approval-card-part-unused = <i>(continued above)</i>
approval-state-untracked = ⚠️ This card could not be tracked (the bot could not save it), so it takes no decision: nothing will run from it. Ask again once the bot is healthy.
approval-untracked-notice = ⚠️ Approval #{ $id } could not be tracked, so nothing will run from its card. Ask again once the bot is healthy.
approval-stale-untracked = This card is not tracked, so it takes no decision. Nothing was changed; ask again.
request-limit-reached = ⏸ You have sent { $limit } requests in the last minute, the most allowed. Requests you send now are not answered; try again in a minute. (This notice is not repeated.)

# --- Alerts: the buttons on an alert message and their answers (src/bot/features/alerts.ts) ---
alert-button-investigate = 🔍 Investigate
alert-button-silence = 🔕 Silence 1h
alert-button-acknowledge = ✅ Acknowledge
alert-tap-unknown = This alert is no longer known here. Nothing was changed.
alert-tap-resolved = This alert has resolved. Nothing was changed.
alert-tap-acknowledged = ✅ Acknowledged: the alert is yours.
alert-tap-already-acknowledged = Already acknowledged by { $user } at { $time }.
alert-tap-silence-denied = Only approvers may silence alerts. Nothing was silenced.
alert-tap-silence-off = Silencing from the chat is off: ALERTMANAGER_URL is not set. Nothing was silenced.
alert-tap-silence-no-matchers = This alert group has no common labels to match on, so a silence would hide other alerts too. Silence it in Alertmanager.
alert-tap-silenced = 🔕 Silenced until { $time }.
alert-tap-silence-active = Already silenced by { $user } until { $time }.
alert-tap-silence-in-progress = A silence for this alert is being made right now.
alert-tap-silence-failed = Alertmanager did not make the silence: { $error }. Nothing was silenced.
alert-tap-silence-pending = 🔕 Asking Alertmanager for a 1-hour silence…
# Sent as a reply to the alert message when Alertmanager answered after the tap was answered; HTML.
alert-silence-failed = ⚠️ { $user }: Alertmanager did not make the silence for { $alertname }: { $error }. Nothing was silenced.
alert-tap-investigating = 🔍 Investigating: #{ $ref }. The answer comes as a reply to the alert.
alert-tap-investigation-running = An investigation of this alert is already running: #{ $ref }.

# safety-core: the request beside a model's change, every object of a manifest, manifest policy
approval-request = 🗣 Requested: “{ $text }”
approval-request-cluster-data = ⚠️ The model read cluster data (logs, events, descriptions) before proposing this, and anyone who can write to the cluster can write such text. Check that the change matches the request.
approval-objects = <b>Objects ({ $count })</b>: approving applies every one of them
approval-object = • { $kind } <code>{ $name }</code> ({ $apiVersion }) in { $namespace }
approval-object-cluster = • { $kind } <code>{ $name }</code> ({ $apiVersion }), cluster-wide
cluster-error-refused_by_policy = 🚫 Refused before any approval card: { $kind } <code>{ $name }</code>: { $rule } (rule <code>{ $ruleName }</code>{ $field }). Nothing was run. An operator can allow it with MANIFEST_ALLOW={ $ruleName }.
cluster-error-policy-field = , field <code>{ $field }</code>
manifest-rule-rbac = RBAC objects (Role, RoleBinding, ClusterRole, ClusterRoleBinding) are not applied from chat
manifest-rule-secrets = Secrets are not applied from chat
manifest-rule-privileged = privileged containers (or the SYS_ADMIN or ALL capability) are not allowed
manifest-rule-host-path = hostPath volumes (the node's own files) are not allowed
manifest-rule-host-pid = hostPID (the node's processes) is not allowed
manifest-rule-host-network = hostNetwork (the node's network) is not allowed
manifest-rule-host-ipc = hostIPC (the node's shared memory) is not allowed
manifest-rule-cluster-scoped = cluster-scoped kinds (Namespace, CRDs, webhooks, StorageClass...) are not applied from chat
