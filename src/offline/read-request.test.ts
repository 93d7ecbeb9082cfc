import { describe, expect, it } from 'vitest';
import type { OfflineIntent } from './intent.js';
import { readRequest } from './read-request.js';
import { chineseNumber } from './request-words.js';

const read = (text: string): OfflineIntent => readRequest(text, 'default');

function expectEach(cases: ReadonlyArray<[string, Partial<OfflineIntent> & { kind: OfflineIntent['kind'] }]>) {
  for (const [text, expected] of cases) {
    expect(read(text), text).toMatchObject(expected);
  }
}

describe('offline request reader: the demo phrases', () => {
  it('reads "list pods in prod" and "列出 prod 的 pod" as a pod listing in prod', () => {
    expect(read('list pods in prod')).toEqual({ kind: 'list_pods', namespace: 'prod' });
    expect(read('列出 prod 的 pod')).toEqual({ kind: 'list_pods', namespace: 'prod' });
  });

  it('reads "為什麼 api 一直重啟?" as an investigation of api, not as a restart, with the namespace unsaid', () => {
    expect(read('為什麼 api 一直重啟?')).toEqual({ kind: 'investigate', target: 'api', namespace: 'default', namespaceSaid: false });
    expect(read('為什麼 api 一直重啟？')).toMatchObject({ kind: 'investigate', target: 'api' });
  });

  it('reads "restart api in prod" and "重啟 prod 的 api" as the same restart', () => {
    expect(read('restart api in prod')).toEqual({ kind: 'restart', name: 'api', namespace: 'prod' });
    expect(read('重啟 prod 的 api')).toEqual({ kind: 'restart', name: 'api', namespace: 'prod' });
  });

  it('reads "scale web to 3" and "把 web 擴展到 3 個副本" as a scale to 3 in the default namespace', () => {
    expect(read('scale web to 3')).toEqual({ kind: 'scale', name: 'web', replicas: 3, namespace: 'default' });
    expect(read('把 web 擴展到 3 個副本')).toEqual({ kind: 'scale', name: 'web', replicas: 3, namespace: 'default' });
  });
});

describe('offline request reader: questions about an alert', () => {
  it('reads what an alert fires for as the target, never the alert’s own name, in English and Chinese', () => {
    expectEach([
      [
        'Why is the alert KubePodCrashLooping firing for pod api-7d9f-x2k4q in namespace prod? Summary: Pod prod/api-7d9f-x2k4q is crash looping. Find the cause with read-only tools.',
        { kind: 'investigate', target: 'api-7d9f-x2k4q', namespace: 'prod', namespaceSaid: true },
      ],
      [
        'Why is the alert HighErrorRate firing for deployment web in namespace prod?',
        { kind: 'investigate', target: 'web', namespace: 'prod', namespaceSaid: true },
      ],
      [
        '為什麼告警 KubePodCrashLooping 正在觸發（namespace prod 的 pod api-1）？摘要：Pod prod/api-1 is crash looping. 請只用唯讀工具找出原因。',
        { kind: 'investigate', target: 'api-1', namespace: 'prod', namespaceSaid: true },
      ],
    ]);
  });

  it('looks at the whole namespace when the alert names no pod or deployment', () => {
    expect(read('Why is the alert KubePodCrashLooping firing in namespace prod? Find the cause with read-only tools.')).toEqual({
      kind: 'investigate',
      target: null,
      namespace: 'prod',
      namespaceSaid: true,
    });
    expect(read('為什麼告警 KubePodCrashLooping 正在觸發（namespace prod）？請只用唯讀工具找出原因。')).toEqual({
      kind: 'investigate',
      target: null,
      namespace: 'prod',
      namespaceSaid: true,
    });
    expect(read('Why is the alert NodeDown firing?')).toEqual({
      kind: 'investigate',
      target: null,
      namespace: 'default',
      namespaceSaid: false,
    });
  });
});

describe('offline request reader: namespaces', () => {
  it('finds the namespace in every usual phrasing', () => {
    expectEach([
      ['list pods in prod', { kind: 'list_pods', namespace: 'prod' }],
      ['list pods -n prod', { kind: 'list_pods', namespace: 'prod' }],
      ['kubectl get pods --namespace=prod', { kind: 'list_pods', namespace: 'prod' }],
      ['list pods in namespace prod', { kind: 'list_pods', namespace: 'prod' }],
      ['pods in the prod namespace', { kind: 'list_pods', namespace: 'prod' }],
      ['show me prod pods', { kind: 'list_pods', namespace: 'prod' }],
      ['列出 prod 的 pod', { kind: 'list_pods', namespace: 'prod' }],
      ['列出在 prod 裡的 pod', { kind: 'list_pods', namespace: 'prod' }],
      ['prod 命名空間的 pod', { kind: 'list_pods', namespace: 'prod' }],
      ['list pods', { kind: 'list_pods', namespace: 'default' }],
      ['列出 pod', { kind: 'list_pods', namespace: 'default' }],
    ]);
  });

  it('tells "prod 的 api" (namespace, then object) from "api 的 log" (object, then what of it)', () => {
    expectEach([
      ['重啟 prod 的 api', { kind: 'restart', name: 'api', namespace: 'prod' }],
      ['看 api 的 log', { kind: 'pod_logs', target: 'api', namespace: 'default', namespaceSaid: false }],
      ['看 prod 的 api 的 log', { kind: 'pod_logs', target: 'api', namespace: 'prod', namespaceSaid: true }],
      ['把 prod 的 web 擴展到三個副本', { kind: 'scale', name: 'web', replicas: 3, namespace: 'prod' }],
      ['api 的事件', { kind: 'list_events', namespace: 'default', object: 'api' }],
      ['prod 的事件', { kind: 'list_events', namespace: 'prod', object: null }],
    ]);
  });

  it('folds case and full-width characters', () => {
    expect(read('Restart API in PROD')).toEqual({ kind: 'restart', name: 'api', namespace: 'prod' });
    expect(read('ｒｅｓｔａｒｔ ａｐｉ ｉｎ ｐｒｏｄ')).toEqual({ kind: 'restart', name: 'api', namespace: 'prod' });
  });
});

describe('offline request reader: reads', () => {
  it('reads logs requests, with the crashed run when asked', () => {
    expectEach([
      ['show logs of api in prod', { kind: 'pod_logs', target: 'api', namespace: 'prod', previous: false }],
      ["api's logs", { kind: 'pod_logs', target: 'api', previous: false }],
      [
        'kubectl logs api-7c9d8-x2k4p -n prod --previous',
        { kind: 'pod_logs', target: 'api-7c9d8-x2k4p', namespace: 'prod', previous: true },
      ],
      ['看 api 上一次的日誌', { kind: 'pod_logs', target: 'api', previous: true }],
    ]);
  });

  it('reads describe requests with the kind said or guessed', () => {
    expectEach([
      ['describe deployment api -n prod', { kind: 'describe', resourceKind: 'deployment', name: 'api', namespace: 'prod' }],
      ['describe api in prod', { kind: 'describe', resourceKind: 'deployment', name: 'api' }],
      ['describe node sim-node-3', { kind: 'describe', resourceKind: 'node', name: 'sim-node-3' }],
      ['describe api-7c9d8-x2k4p', { kind: 'describe', resourceKind: 'pod', name: 'api-7c9d8-x2k4p' }],
      ['描述 prod 的 service api', { kind: 'describe', resourceKind: 'service', name: 'api', namespace: 'prod' }],
      ['status of api in prod', { kind: 'describe', resourceKind: 'deployment', name: 'api', namespace: 'prod' }],
    ]);
  });

  it('reads events, deployments, rollout history and nodes in both languages', () => {
    expectEach([
      ['events in prod', { kind: 'list_events', namespace: 'prod', object: null }],
      ['events for api in prod', { kind: 'list_events', namespace: 'prod', object: 'api' }],
      ['prod 的事件', { kind: 'list_events', namespace: 'prod' }],
      ['list deployments in staging', { kind: 'list_deployments', namespace: 'staging' }],
      ['get deployments -n kube-system', { kind: 'list_deployments', namespace: 'kube-system' }],
      ['列出 prod 的部署', { kind: 'list_deployments', namespace: 'prod' }],
      ['rollout history of api in prod', { kind: 'rollout_history', name: 'api', namespace: 'prod' }],
      ['kubectl rollout history deployment/api -n prod', { kind: 'rollout_history', name: 'api', namespace: 'prod' }],
      ['api 的版本紀錄', { kind: 'rollout_history', name: 'api' }],
      ['list nodes', { kind: 'list_nodes' }],
      ['列出節點', { kind: 'list_nodes' }],
      ['節點狀態', { kind: 'list_nodes' }],
    ]);
  });
});

describe('offline request reader: changes', () => {
  it('reads restarts in many phrasings', () => {
    expectEach([
      ['restart the api deployment in the prod namespace', { kind: 'restart', name: 'api', namespace: 'prod' }],
      ['kubectl rollout restart deployment/api -n prod', { kind: 'restart', name: 'api', namespace: 'prod' }],
      ['please bounce web', { kind: 'restart', name: 'web', namespace: 'default' }],
      ['重新啟動 prod 的 web', { kind: 'restart', name: 'web', namespace: 'prod' }],
      ['重啟 api', { kind: 'restart', name: 'api', namespace: 'default' }],
    ]);
  });

  it('reads scaling with digits, flags and Chinese numerals', () => {
    expectEach([
      ['scale deployment/web --replicas=4 -n prod', { kind: 'scale', name: 'web', replicas: 4, namespace: 'prod' }],
      ['scale web in prod to 5', { kind: 'scale', name: 'web', replicas: 5, namespace: 'prod' }],
      ['web 調整成 5', { kind: 'scale', name: 'web', replicas: 5 }],
      ['把 web 縮到 0 個副本', { kind: 'scale', name: 'web', replicas: 0 }],
      ['把 web 擴展到十二個副本', { kind: 'scale', name: 'web', replicas: 12 }],
    ]);
  });

  it('reads rollbacks with and without a revision, and deletes with a kind', () => {
    expectEach([
      ['rollback api in prod', { kind: 'rollback', name: 'api', revision: null, namespace: 'prod' }],
      ['roll back api to revision 2', { kind: 'rollback', name: 'api', revision: 2 }],
      ['undo api', { kind: 'rollback', name: 'api', revision: null }],
      ['把 api 回滾到第 2 版', { kind: 'rollback', name: 'api', revision: 2 }],
      ['回滾 prod 的 api', { kind: 'rollback', name: 'api', namespace: 'prod' }],
      ['delete pod api-7c9d8-x2k4p in prod', { kind: 'delete', resourceKind: 'pod', name: 'api-7c9d8-x2k4p', namespace: 'prod' }],
      ['刪除 prod 的 pod api-7c9d8-x2k4p', { kind: 'delete', resourceKind: 'pod', name: 'api-7c9d8-x2k4p', namespace: 'prod' }],
      ['delete configmap api-config in prod', { kind: 'delete', resourceKind: 'configmap', name: 'api-config' }],
    ]);
  });

  it('asks back when a change lacks its object or its number', () => {
    expect(read('restart')).toEqual({ kind: 'clarify', missing: 'name', action: 'restart' });
    expect(read('scale web')).toEqual({ kind: 'clarify', missing: 'replicas', action: 'scale' });
    expect(read('重啟')).toEqual({ kind: 'clarify', missing: 'name', action: 'restart' });
  });
});

describe('offline request reader: investigations and the rest', () => {
  it('reads "why is X failing" and its Chinese forms as an investigation', () => {
    expectEach([
      ['why is api failing in prod', { kind: 'investigate', target: 'api', namespace: 'prod', namespaceSaid: true }],
      ["what's wrong with web?", { kind: 'investigate', target: 'web' }],
      ['api keeps crashing', { kind: 'investigate', target: 'api' }],
      ['why are pods crashing in prod', { kind: 'investigate', target: null, namespace: 'prod' }],
      ['為什麼 prod 的 api 一直 CrashLoopBackOff?', { kind: 'investigate', target: 'api', namespace: 'prod' }],
      ['api 在 prod 一直重啟，為什麼', { kind: 'investigate', target: 'api', namespace: 'prod' }],
      ['web 怎麼了', { kind: 'investigate', target: 'web' }],
    ]);
  });

  it('does not understand small talk', () => {
    expect(read('hello')).toEqual({ kind: 'unknown' });
    expect(read('早安')).toEqual({ kind: 'unknown' });
    expect(read('')).toEqual({ kind: 'unknown' });
  });

  it('reads Chinese numerals up to 99', () => {
    expect([
      chineseNumber('三'),
      chineseNumber('兩'),
      chineseNumber('十'),
      chineseNumber('十二'),
      chineseNumber('二十'),
      chineseNumber('九十九'),
    ]).toEqual([3, 2, 10, 12, 20, 99]);
    expect(chineseNumber('百')).toBeNull();
  });
});

describe('offline request reader: tool names written out', () => {
  it('reads a catalog tool name with key=value arguments as that tool', () => {
    expectEach([
      ['/run list_pods', { kind: 'list_pods', namespace: 'default' }],
      ['list_pods namespace=prod', { kind: 'list_pods', namespace: 'prod' }],
      ['restart_deployment name=api namespace=prod', { kind: 'restart', name: 'api', namespace: 'prod' }],
      ['scale_deployment name=web replicas=2', { kind: 'scale', name: 'web', replicas: 2 }],
      ['get_pod_logs pod=api-7c9d8-x2k4p namespace=prod', { kind: 'pod_logs', target: 'api-7c9d8-x2k4p', namespace: 'prod' }],
      ['list_nodes', { kind: 'list_nodes' }],
    ]);
  });
});
