import { describe, expect, it } from 'vitest';
import { normalizeText, stripCourtesy } from './normalize.js';

describe('normalizeText', () => {
  it('folds case and width and joins the spellings of phrasal words', () => {
    expect(normalizeText('Ｒｅｓｔａｒｔ API？').text).toBe('restart api?');
    expect(normalizeText('roll-back web, then write a post-mortem').text).toBe('rollback web, then write a postmortem');
  });

  it('maps Simplified and variant characters to Traditional', () => {
    expect(normalizeText('幫我重启 web').text).toBe('幫我重啟 web');
    expect(normalizeText('重啓 redis').text).toBe('重啟 redis');
  });

  it('fixes typos in reading words but leaves plurals alone', () => {
    expect(normalizeText('show me the evnets').text).toBe('show me the events');
    expect(normalizeText('replica count').text).toBe('replica count');
  });

  it('drops backticks and a pasted manifest but notes that there was code', () => {
    const n = normalizeText('apply this:\n```yaml\napiVersion: v1\nkind: ConfigMap\n```');
    expect(n.hadCode).toBe(true);
    expect(n.text).toContain('apply this:');
    expect(n.text).toContain('manifest.');
    expect(n.text).not.toContain('apiversion');
  });

  it('drops a leading @mention', () => {
    expect(normalizeText('@bot pods in prod').text).toBe('pods in prod');
  });
});

describe('stripCourtesy', () => {
  it('removes greetings before and thanks, emoji and exclamation marks after the request', () => {
    expect(stripCourtesy('hey, restart api thx 🙏')).toBe('restart api');
    expect(stripCourtesy('麻煩一下，列出 prod 的 pod!!')).toBe('列出 prod 的 pod');
  });

  it('keeps a message that is only courtesy', () => {
    expect(stripCourtesy('thanks!')).toBe('thanks!');
  });
});
