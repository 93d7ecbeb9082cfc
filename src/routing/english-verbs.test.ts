import { describe, expect, it } from 'vitest';
import { tokenize } from './english-tokens.js';
import { findEnglishChangeVerbs, stemChangeVerb } from './english-verbs.js';

const verbs = (text: string) => findEnglishChangeVerbs(tokenize(text)).map((h) => `${h.action}/${h.form}`);

describe('stemChangeVerb', () => {
  it('finds the base verb and the form of inflected words', () => {
    expect(stemChangeVerb('restarting')).toEqual({ base: 'restart', form: 'ing' });
    expect(stemChangeVerb('scaled')).toEqual({ base: 'scale', form: 'past' });
    expect(stemChangeVerb('applies')).toEqual({ base: 'apply', form: 'third' });
    expect(stemChangeVerb('delete')).toEqual({ base: 'delete', form: 'base' });
  });

  it('does not see change verbs inside other words', () => {
    expect(stemChangeVerb('download')).toBeNull();
    expect(stemChangeVerb('scaler')).toBeNull();
    expect(stemChangeVerb('redeployment')).toBeNull();
  });
});

describe('findEnglishChangeVerbs', () => {
  it('joins two-word verbs, also around their object', () => {
    expect(verbs('roll back web')).toEqual(['rollback/base']);
    expect(verbs('roll it back')).toEqual(['rollback/base']);
    expect(verbs('shut the worker down')).toEqual(['change/base']);
  });

  it('recognises typos of the distinctive verbs', () => {
    expect(findEnglishChangeVerbs(tokenize('restar api'))[0]).toMatchObject({ action: 'restart', typo: true });
    expect(findEnglishChangeVerbs(tokenize('scael web'))[0]).toMatchObject({ action: 'scale', typo: true });
  });

  it('wants an object after verbs that are also everyday words', () => {
    expect(verbs("let's start")).toEqual([]);
    expect(verbs('update me on the incident')).toEqual([]);
    expect(verbs('start the cronjob')).toEqual(['change/base']);
  });
});
