import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translator.js';
import type { SuspectedCause } from './answer.js';
import type { OfflineIntentKind } from './intent.js';
import { readRequest } from './read-request.js';
import { offlineTexts, type ClarifyAction, type OfflineLocale, type OfflineTexts } from './texts.js';

const translate = createTranslator();
const en = offlineTexts(translate, 'en');
const zh = offlineTexts(translate, 'zh-TW');

const CAUSES: readonly SuspectedCause[] = ['missing_config', 'crash', 'image', 'oom', 'scheduling', 'config'];
const ACTIONS: Readonly<Record<ClarifyAction, OfflineIntentKind>> = {
  restart: 'restart',
  scale: 'scale',
  rollback: 'rollback',
  delete: 'delete',
  logs: 'pod_logs',
  describe: 'describe',
  history: 'rollout_history',
};

/** Every text, with every optional part both present and absent. */
function everyText(t: OfflineTexts): string[] {
  const texts = [
    t.marker,
    t.more(3),
    t.podsTitle('prod', 2),
    t.noPods('prod'),
    t.restarts(4),
    t.logsTitle('api-1', 'prod', true),
    t.logsTitle('api-1', 'prod', false),
    t.noLogLines,
    t.describeTitle('Node', 'n1', null),
    t.describeTitle('Pod', 'a', 'prod'),
    t.age,
    t.labels,
    t.details,
    t.recentEvents,
    t.eventsTitle('prod', null, 2),
    t.eventsTitle('prod', 'api', 2),
    t.noEvents,
    t.deploymentsTitle('prod', 2),
    t.noDeployments('prod'),
    t.ready,
    t.revision,
    t.historyTitle('api', 'prod'),
    t.current,
    t.noHistory,
    t.nodesTitle(2),
    t.podsOnNode(1),
    t.podsOnNode(5),
    t.toolError('list_pods', 'not_found', 'gone'),
    t.noPod('api', ['default'], []),
    t.noPod('api', ['default', 'prod'], ['web-1']),
    t.investigationTitle(null, 'prod'),
    t.investigationTitle('api', 'prod'),
    t.suspect('api-1', 'CrashLoopBackOff', 7, '0/1'),
    t.otherTroubledPods(2),
    t.healthy(null, 'prod', 3),
    t.healthy('api', 'prod', 1),
    t.logsHeading(true),
    t.logsHeading(false),
    t.logsUnavailable('boom'),
    t.warningsHeading,
    t.noWarnings,
    t.keyLine,
    t.causeHeading,
    t.nextHeading,
    t.clarifyReplicas,
    t.invalid('bad'),
    t.unreadable('list_pods'),
    t.help,
  ];
  for (const status of ['approved', 'declined', 'expired', 'failed'] as const) {
    texts.push(t.change[status]('`restart_deployment`', 'why'), t.change[status]('`restart_deployment`', null));
  }
  for (const cause of CAUSES) texts.push(t.cause(cause));
  for (const cause of [...CAUSES, 'unknown'] as const) texts.push(t.next(cause, 'api', 'prod'));
  for (const action of Object.keys(ACTIONS) as ClarifyAction[]) texts.push(t.clarifyName(action));
  return texts;
}

/** The requests a text suggests: quoted in 「」 or "", or inline code with a space in it. */
function suggestedRequests(text: string): string[] {
  return [...text.matchAll(/「([^」]+)」|"([^"]+)"|`([^`]*)`/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((request) => request.includes(' ') || /\p{Script=Han}/u.test(request))
    .map((request) => request.replace(/<[^>]+>/, 'api-1'));
}

describe('offline texts', () => {
  it.each<[OfflineLocale, OfflineTexts]>([
    ['en', en],
    ['zh-TW', zh],
  ])('come from the locale files for every text in %s', (_locale, t) => {
    const texts = everyText(t);
    // The translator answers a missing key with "{key}".
    expect(texts.filter((text) => text.trim() === '' || /\{offline-|\{\$/.test(text))).toEqual([]);
  });

  it('say the same thing differently in each language', () => {
    expect(zh.marker).not.toBe(en.marker);
    expect(en.marker).toContain('Offline provider');
    expect(zh.marker).toContain('離線模式');
  });

  it('count in English with singular and plural', () => {
    expect(en.podsOnNode(1)).toBe('1 pod');
    expect(en.podsOnNode(12)).toBe('12 pods');
    expect(en.suspect('api-1', 'Error', 1, '0/1')).toBe('- Pod `api-1`: **Error**, 1 restart, 0/1 ready');
    expect(en.suspect('api-1', 'Error', 7, '0/1')).toContain('7 restarts');
    expect(en.otherTroubledPods(1)).toBe('- 1 more pod of it is in trouble too');
    expect(en.otherTroubledPods(3)).toBe('- 3 more pods of it are in trouble too');
    expect(en.healthy('api', 'prod', 1)).toBe('The only pod of `api` is running and ready, with no restarts.');
    expect(en.healthy(null, 'prod', 4)).toBe('All 4 pods in `prod` are running and ready, with no restarts.');
  });

  it('leave out the optional parts that are not there', () => {
    expect(en.logsTitle('api-1', 'prod', true)).toBe('**Logs of `api-1`** in `prod` (previous, crashed run)');
    expect(en.logsTitle('api-1', 'prod', false)).toBe('**Logs of `api-1`** in `prod`');
    expect(en.describeTitle('Node', 'n1', null)).toBe('**Node `n1`**');
    expect(zh.eventsTitle('prod', 'api', 2)).toBe('**`prod` 裡關於 `api` 的事件**（2 筆，最新的在前）');
    expect(en.change.approved('`restart`', 'deployment.apps/api restarted')).toBe('✅ Done: `restart`\ndeployment.apps/api restarted');
    expect(en.change.declined('`restart`', null)).toBe('❌ Not done: `restart` was declined, so nothing changed.');
    expect(zh.change.failed('`restart`', null)).toBe('⚠️ 已核准的變更 `restart` 執行失敗。');
    expect(zh.change.failed('`restart`', 'conflict')).toBe('⚠️ 已核准的變更 `restart` 執行失敗：conflict');
  });

  it('list names with the separator of the language', () => {
    expect(en.noPod('api', ['default', 'staging'], ['web-1', 'db-0'])).toContain(
      'in `default`, `staging`. Pods in `default`: `web-1`, `db-0`.',
    );
    expect(zh.noPod('api', ['default', 'staging'], [])).toBe(
      '在 `default`、`staging` 裡找不到 `api` 的 Pod。要查其他命名空間，請說出名稱，例如「prod 的 api」。',
    );
  });

  it.each<[OfflineLocale, OfflineTexts]>([
    ['en', en],
    ['zh-TW', zh],
  ])('ask for a missing name in %s with an example the reader understands as that action', (_locale, t) => {
    for (const [action, kind] of Object.entries(ACTIONS) as Array<[ClarifyAction, OfflineIntentKind]>) {
      const [example] = suggestedRequests(t.clarifyName(action));
      expect(example, action).toBeDefined();
      expect(readRequest(example, 'default').kind, example).toBe(kind);
    }
  });

  it.each<[OfflineLocale, OfflineTexts]>([
    ['en', en],
    ['zh-TW', zh],
  ])('suggest in %s only requests the reader understands', (_locale, t) => {
    const suggested = [t.help, t.clarifyReplicas, ...[...CAUSES, 'unknown' as const].map((cause) => t.next(cause, 'api', 'prod'))].flatMap(
      suggestedRequests,
    );
    expect(suggested.length).toBeGreaterThan(10);
    const notUnderstood = suggested.filter((request) => ['unknown', 'clarify'].includes(readRequest(request, 'default').kind));
    expect(notUnderstood).toEqual([]);
  });
});
