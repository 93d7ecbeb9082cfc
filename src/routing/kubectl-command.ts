/** A `kubectl` / `helm` command written inside a message, and whether running it would change the cluster. */
export interface ShellCommand {
  tool: 'kubectl' | 'helm';
  /** The subcommand as written, e.g. `scale`, `rollout undo`. */
  verb: string;
  changes: boolean;
  start: number;
  end: number;
}

const KUBECTL_CHANGES = new Set([
  'apply',
  'create',
  'delete',
  'edit',
  'patch',
  'replace',
  'scale',
  'autoscale',
  'label',
  'annotate',
  'taint',
  'cordon',
  'uncordon',
  'drain',
  'expose',
  'run',
  'exec',
  'cp',
  'debug',
  'set',
]);
const KUBECTL_READS = new Set([
  'get',
  'describe',
  'logs',
  'log',
  'top',
  'explain',
  'events',
  'version',
  'cluster-info',
  'api-resources',
  'api-versions',
  'auth',
  'diff',
  'wait',
  'config',
  'port-forward',
  'attach',
  'rollout',
  'certificate',
]);
const ROLLOUT_CHANGES = new Set(['restart', 'undo', 'pause', 'resume']);
const HELM_CHANGES = new Set(['install', 'upgrade', 'uninstall', 'delete', 'del', 'rm', 'un', 'rollback']);
const HELM_READS = new Set(['list', 'ls', 'status', 'history', 'get', 'show', 'template', 'search', 'repo', 'lint']);

// Flags that take the next word as their value when written without `=`.
const FLAGS_WITH_VALUE = new Set(['-n', '--namespace', '--context', '--kubeconfig', '-l', '--selector', '-c', '--container']);

const COMMAND_START = /(?:^|[\s"'(])(kubectl|kubecttl|kubctl|oc|k|helm)\s+/g;

function subcommand(words: string[]): { verb: string; next: string | undefined; used: number } | null {
  let i = 0;
  while (i < words.length && words[i].startsWith('-')) {
    i += !words[i].includes('=') && FLAGS_WITH_VALUE.has(words[i]) ? 2 : 1;
  }
  const verb = words[i];
  if (!verb) return null;
  return { verb, next: words[i + 1], used: i + 1 };
}

export function findShellCommands(text: string): ShellCommand[] {
  const found: ShellCommand[] = [];
  for (const m of text.matchAll(COMMAND_START)) {
    const name = m[1];
    const bodyStart = m.index + m[0].length;
    // The command runs to the end of the clause or to the first Chinese character ("... 是做什麼用的").
    const tail = text.slice(bodyStart, bodyStart + 400);
    const cjkAt = tail.search(/[\u3000-\u9fff]/);
    const rest = cjkAt >= 0 ? tail.slice(0, cjkAt) : tail;
    const words = rest.split(/\s+/).filter(Boolean);
    const sub = subcommand(words);
    if (!sub) continue;
    const start = m.index + m[0].indexOf(name);
    const end = bodyStart + rest.length;
    if (name === 'helm') {
      if (HELM_CHANGES.has(sub.verb)) found.push({ tool: 'helm', verb: sub.verb, changes: true, start, end });
      else if (HELM_READS.has(sub.verb)) found.push({ tool: 'helm', verb: sub.verb, changes: false, start, end });
      continue;
    }
    if (sub.verb === 'rollout') {
      const action = sub.next ?? '';
      found.push({ tool: 'kubectl', verb: `rollout ${action}`.trim(), changes: ROLLOUT_CHANGES.has(action), start, end });
    } else if (sub.verb === 'certificate') {
      found.push({
        tool: 'kubectl',
        verb: `certificate ${sub.next ?? ''}`.trim(),
        changes: sub.next === 'approve' || sub.next === 'deny',
        start,
        end,
      });
    } else if (KUBECTL_CHANGES.has(sub.verb)) {
      found.push({ tool: 'kubectl', verb: sub.verb, changes: true, start, end });
    } else if (KUBECTL_READS.has(sub.verb)) {
      found.push({ tool: 'kubectl', verb: sub.verb, changes: false, start, end });
    }
    // `k` and `oc` without a known subcommand are ordinary words ("ok k thanks").
  }
  return found;
}
