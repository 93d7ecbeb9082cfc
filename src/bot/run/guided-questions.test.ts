import { describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../tools/registry.js';
import { htmlToPlainText } from '../../html/telegram-html.js';
import { createTranslator } from '../../i18n/translator.js';
import { kindQuestion, MAX_LIST_BUTTONS, namesQuestion, toolQuestion, valueHint, valueQuestion } from './guided-questions.js';
import { toolParameters } from './tool-parameters.js';

const t = createTranslator();
const en = { t, locale: 'en' as const };
const zh = { t, locale: 'zh-TW' as const };
const param = (tool: Parameters<typeof toolParameters>[0], key: string) => toolParameters(tool).find((p) => p.key === key)!;

describe('the questions of the guided /run flow', () => {
  it('offer the twelve tools with a localized label, and take a typed tool name too', () => {
    const q = toolQuestion(zh);
    expect(q.labels).toHaveLength(TOOL_NAMES.length);
    expect(q.labels[8]).toBe('scale_deployment · 調整副本 ✋');
    expect(q.accept({ kind: 'pick', index: 0 })).toEqual({ ok: true, value: 'list_pods', shown: 'list_pods' });
    expect(q.accept({ kind: 'text', text: ' List-Nodes ' })).toMatchObject({ ok: true, value: 'list_nodes' });
    const unknown = toolQuestion(en).accept({ kind: 'text', text: 'drop_db' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(htmlToPlainText(unknown.html)).toContain('There is no tool "drop_db"');
  });

  it('check a picked name like a typed one, so a listed but invalid name is still refused', () => {
    const q = namesQuestion(en, 'restart_deployment', 'name', 'Which deployment?', { ok: true, names: ['web', 'Bad_Name'] });
    expect(q.labels).toEqual(['web', 'Bad_Name']);
    expect(q.accept({ kind: 'pick', index: 0 })).toEqual({ ok: true, value: 'web', shown: 'web' });
    const bad = q.accept({ kind: 'pick', index: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(htmlToPlainText(bad.html)).toMatch(/^⚠️ name = "Bad_Name": must be a Kubernetes name/);
    expect(q.accept({ kind: 'text', text: 'api ' })).toEqual({ ok: true, value: 'api', shown: 'api' });
  });

  it('show at most MAX_LIST_BUTTONS names and say so; say why when listing failed; ask to type when a kind cannot be listed', () => {
    const many = namesQuestion(en, 'list_pods', 'namespace', 'Which namespace?', {
      ok: true,
      names: Array.from({ length: 50 }, (_, i) => `ns-${i}`),
    });
    expect(many.labels).toHaveLength(MAX_LIST_BUTTONS);
    expect(many.prompt).toContain(`Only the first ${MAX_LIST_BUTTONS} are shown.`);
    const failed = namesQuestion(en, 'list_pods', 'namespace', 'Which namespace?', { ok: false, html: '📡 down' });
    expect(failed.prompt).toBe('Which namespace?\n📡 down\nType the name instead.');
    expect(namesQuestion(en, 'describe_resource', 'name', 'Which service?', null).prompt).toBe('Which service?\nType the name.');
  });

  it('take the kind from a button or typed as Kubernetes spells it', () => {
    const q = kindQuestion(en, 'delete_resource');
    expect(q.accept({ kind: 'text', text: 'Deployment' })).toEqual({ ok: true, value: 'deployment', shown: 'deployment' });
    expect(q.accept({ kind: 'text', text: 'widget' }).ok).toBe(false);
  });

  it('ask a required value with its range, and offer yes/no and skip for an optional boolean', () => {
    const replicas = valueQuestion(en, 'scale_deployment', param('scale_deployment', 'replicas'));
    expect(htmlToPlainText(replicas.prompt)).toBe('Send the number of replicas: a whole number from 0 to 100.');
    expect(replicas.optional).toBe(false);
    expect(replicas.accept({ kind: 'text', text: '3' })).toEqual({ ok: true, value: 3, shown: '3' });
    expect(replicas.accept({ kind: 'text', text: '500' }).ok).toBe(false);

    const previous = valueQuestion(zh, 'get_pod_logs', param('get_pod_logs', 'previous'));
    expect(previous.optional).toBe(true);
    expect(previous.labels).toEqual(['是', '否']);
    expect(previous.accept({ kind: 'pick', index: 1 })).toEqual({ ok: true, value: false, shown: '否' });
  });

  it('describe every value of every tool in both languages', () => {
    for (const tool of TOOL_NAMES) {
      for (const p of toolParameters(tool)) {
        for (const texts of [en, zh]) {
          const prompt = valueQuestion(texts, tool, p).prompt;
          expect(prompt, `${tool}.${p.key}`).not.toMatch(/run-(field|hint)-/);
          expect(valueHint(texts, p).length).toBeGreaterThan(0);
        }
      }
    }
  });
});
