import { describe, expect, it } from 'vitest';
import { saysNoActionNeeded } from './no-action-text.js';

describe('a reply saying that no action is needed', () => {
  it('is recognised in English', () => {
    for (const text of [
      'No action needed.',
      'The rollout finished; no further action is required.',
      'Nothing to do here.',
      'Nothing needs to be done right now.',
      'There is no need to restart anything.',
      'The deployment does not need any changes.',
      'No changes are necessary.',
    ]) {
      expect(saysNoActionNeeded(text), text).toBe(true);
    }
  });

  it('is recognised in Chinese, Traditional and Simplified', () => {
    for (const text of ['不需要採取任何動作。', '目前無需處理。', '一切正常，不用處理', '沒有必要變更', '无需处理', '不需要进行任何操作']) {
      expect(saysNoActionNeeded(text), text).toBe(true);
    }
  });

  it('is not read into replies that ask for or describe a change', () => {
    for (const text of [
      'I will restart web in prod.',
      'Action needed: api is crash-looping, a restart should help.',
      'The pods need a restart.',
      '需要重新啟動 web 部署。',
      '',
    ]) {
      expect(saysNoActionNeeded(text), text).toBe(false);
    }
  });
});
