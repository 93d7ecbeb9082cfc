import { findBotStatusQuestion } from './bot-status.js';
import { findChangeRequests, withoutQuotedErrors } from './change-requests.js';
import { splitClauses } from './clauses.js';
import { findClusterRead } from './cluster-read.js';
import { findIncidentSignals } from './incident-signals.js';
import { findAdvice, findHowTo, findKnowledgeQuestion } from './knowledge-question.js';
import { findShellCommands } from './kubectl-command.js';
import { normalizeText, stripCourtesy } from './normalize.js';
import { findRunbookRequest } from './runbook-request.js';
import { findSmallTalk, isOnlySmallTalk, isQuestion } from './small-talk.js';
import type { TaskLabel } from './tasks.js';

export interface Classification {
  task: TaskLabel;
  /** Short human-readable reasons, e.g. `verb:restart`, `question:為什麼`, `negated:verb:重啟`. */
  evidence: string[];
}

// A particular thing in the cluster is named: a namespace, a generated name, "our api pods", "it".
const SPECIFIC_TARGET =
  /\b[a-z]+-[a-z0-9]+\b|\b(?:my|our|the)\s+[a-z0-9-]+\s+(?:pods?|deployments?|services?|apps?|api|cluster|nodes?|jobs?)\b|\b(?:it|its)\b|它|這個|那個|的 ?pod|\b(?:prod|production|staging)\b/;
// "nodes?", "pods in staging?": a cluster noun asked about on its own.
const BARE_NOUN_QUESTION = /^[\p{L}\p{N}\s-]{1,30}[?？]$/u;

/**
 * Labels a message by its structure, locally and without a model (tens of microseconds).
 *
 * A request to change the cluster wins over everything: change-requests.ts sets aside only change words that
 * are negated, asked about (how-to, what-does, what-if), part of a runbook request, or that describe what
 * happened. After that, in order: small talk on its own, runbooks, questions about a change, failures to
 * explain, how-to, the bot itself, knowledge, reported symptoms, cluster reads, history, small talk.
 */
export function classify(text: string): Classification {
  const { text: full, hadCode } = normalizeText(text);
  const norm = stripCourtesy(full);
  const clauses = splitClauses(norm);
  const change = findChangeRequests(splitClauses(withoutQuotedErrors(norm)));
  const setAside = hadCode ? [...change.setAside, 'code'] : change.setAside;
  const decide = (task: TaskLabel, ...reasons: Array<string | null>): Classification => ({
    task,
    evidence: [...reasons.filter((r): r is string => r !== null), ...setAside],
  });

  if (change.requested.length > 0) return decide('tool_calling', ...change.requested);
  if (isOnlySmallTalk(full)) return decide('general_chat', 'chat');

  const runbook = findRunbookRequest(norm);
  if (runbook) return decide('playbook_generation', runbook);
  // A question about what a change does or would do ("kubectl cordon 會影響正在跑的 pod 嗎?") is knowledge.
  if (change.setAside.some((e) => e.startsWith('asking-about:'))) return decide('simple_qa');

  // Failures: asked why (or pasted an error) comes before how-to; "debug"/"alert" words after it, so
  // "how do I debug a crashlooping pod?" stays a how-to question.
  const incident = findIncidentSignals(norm, clauses, SPECIFIC_TARGET.test(norm));
  const investigating = incident.strong?.startsWith('investigate') || incident.strong?.startsWith('alert');
  if (incident.strong && !investigating) return decide('incident_analysis', incident.strong);
  const howTo = findHowTo(norm);
  if (howTo) return decide('simple_qa', howTo);
  if (incident.strong) return decide('incident_analysis', incident.strong);

  const readCommand = findShellCommands(norm).find((c) => !c.changes);
  const cluster = findClusterRead(norm, readCommand ? `${readCommand.tool}:${readCommand.verb}` : null);
  const bot = findBotStatusQuestion(norm, cluster.nouns);
  if (bot) return decide('status_query', bot);

  // Knowledge unless it asks about live state; advice ("should I …", "建議") is knowledge even then.
  const knowledge = findKnowledgeQuestion(norm);
  const advice = findAdvice(norm);
  const question = isQuestion(norm);
  if (knowledge && !cluster.command && (!cluster.live || advice)) return decide('simple_qa', knowledge, advice);
  if (advice && question && !cluster.command && !incident.reported) return decide('simple_qa', advice);

  if (incident.reported) return decide('incident_analysis', incident.reported);
  if (cluster.command) return decide('k8s_operation', cluster.command);
  if (cluster.read) return decide('k8s_operation', cluster.read);
  // A question about a change that happened ("when was web last deployed?", "api 的回滾紀錄") reads history.
  const pastChange = change.setAside.some((e) => e.startsWith('described:'));
  if (pastChange && cluster.live) return decide('k8s_operation', 'history');
  if (pastChange && (question || cluster.readVerb) && !knowledge) return decide('k8s_operation', 'history');
  if (knowledge) return decide('simple_qa', knowledge);
  if (question && cluster.nouns && BARE_NOUN_QUESTION.test(norm) && !/\s(?:a|an|the)\s/.test(` ${norm}`)) {
    return decide('k8s_operation', 'cluster-noun?');
  }

  const chat = findSmallTalk(norm);
  if (chat) return decide('general_chat', chat);
  if (question) return decide('simple_qa', 'question');
  if (cluster.nouns) return decide('k8s_operation', 'cluster-noun');
  return decide('general_chat', 'default');
}
