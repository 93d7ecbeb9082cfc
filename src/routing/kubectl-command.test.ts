import { describe, expect, it } from 'vitest';
import { findShellCommands } from './kubectl-command.js';

const first = (text: string) => findShellCommands(text)[0];

describe('findShellCommands', () => {
  it('tells commands that change the cluster from reads', () => {
    expect(first('kubectl scale deploy/web --replicas=3')).toMatchObject({ tool: 'kubectl', verb: 'scale', changes: true });
    expect(first('kubectl get pods -n prod')).toMatchObject({ verb: 'get', changes: false });
    expect(first('helm rollback payments 7')).toMatchObject({ tool: 'helm', verb: 'rollback', changes: true });
    expect(first('helm list -n prod')).toMatchObject({ tool: 'helm', changes: false });
  });

  it('reads the rollout subcommand', () => {
    expect(first('kubectl rollout undo deploy/api')).toMatchObject({ verb: 'rollout undo', changes: true });
    expect(first('kubectl rollout restart deployment/api')).toMatchObject({ verb: 'rollout restart', changes: true });
    expect(first('kubectl rollout history deploy/web')).toMatchObject({ verb: 'rollout history', changes: false });
  });

  it('skips flags written before the subcommand', () => {
    expect(first('kubectl -n prod delete pod api-0')).toMatchObject({ verb: 'delete', changes: true });
    expect(first('kubectl --context=prod get nodes')).toMatchObject({ verb: 'get', changes: false });
  });

  it('knows the k alias only with a known subcommand', () => {
    expect(first('k get deploy -A')).toMatchObject({ verb: 'get' });
    expect(findShellCommands('ok k thanks')).toEqual([]);
  });

  it('ends the command where Chinese text begins', () => {
    const text = 'kubectl rollout undo 是做什麼用的?';
    const c = first(text);
    expect(text.slice(c.end)).toBe('是做什麼用的?');
  });
});
