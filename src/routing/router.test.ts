import { describe, expect, it } from 'vitest';
import { PROVIDER_NAMES, type ProviderName } from '../llm/provider-names.js';
import { routeTask } from './router.js';
import { TASK_LABELS } from './tasks.js';

const all = new Set<ProviderName>(PROVIDER_NAMES);
const none = new Set<ProviderName>();

describe('routeTask', () => {
  it('follows the routing table when every provider is configured', () => {
    expect(routeTask('general_chat', all)).toEqual({
      task: 'general_chat',
      mode: 'sync',
      chain: ['ollama', 'gemini'],
      wanted: ['ollama', 'gemini'],
    });
    expect(routeTask('simple_qa', all).chain).toEqual(['ollama', 'gemini', 'anthropic']);
    expect(routeTask('k8s_operation', all)).toMatchObject({ mode: 'background', chain: ['nvidia', 'gemini', 'offline'] });
    expect(routeTask('tool_calling', all)).toMatchObject({ mode: 'background', chain: ['nvidia', 'gemini', 'offline'] });
    expect(routeTask('incident_analysis', all)).toMatchObject({ mode: 'background', chain: ['anthropic', 'gemini', 'offline'] });
    expect(routeTask('playbook_generation', all)).toMatchObject({ mode: 'background', chain: ['anthropic', 'gemini'] });
  });

  it('answers status questions without a model', () => {
    expect(routeTask('status_query', all)).toEqual({ task: 'status_query', mode: 'sync', chain: [], wanted: [] });
  });

  it('keeps only configured providers, in order', () => {
    expect(routeTask('simple_qa', new Set<ProviderName>(['anthropic', 'ollama'])).chain).toEqual(['ollama', 'anthropic']);
    expect(routeTask('incident_analysis', new Set<ProviderName>(['gemini'])).chain).toEqual(['gemini', 'offline']);
  });

  it('always ends the three tool chains with the offline provider', () => {
    for (const task of ['k8s_operation', 'tool_calling', 'incident_analysis'] as const) {
      expect(routeTask(task, none).chain).toEqual(['offline']);
    }
  });

  it('leaves the chain empty but names the wanted providers when none is configured', () => {
    expect(routeTask('playbook_generation', none)).toMatchObject({ chain: [], wanted: ['anthropic', 'gemini'] });
    expect(routeTask('general_chat', none)).toMatchObject({ chain: [], wanted: ['ollama', 'gemini'] });
  });

  it('never lists offline among the wanted providers', () => {
    for (const task of TASK_LABELS) expect(routeTask(task, none).wanted).not.toContain('offline');
  });
});
