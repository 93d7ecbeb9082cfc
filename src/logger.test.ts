import { describe, expect, it } from 'vitest';
import { createLogger, createRedactor } from './logger.js';

const TOKEN = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs';

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({ secrets, destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

describe('log redaction', () => {
  it('writes one JSON object per line', () => {
    const { logger, lines } = capture();
    logger.child({ update_id: 7, chat_id: 1, user_id: 2 }).info('hello');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ update_id: 7, chat_id: 1, user_id: 2, msg: 'hello', level: 30 });
  });

  it('removes the bot token from messages, URLs and error messages', () => {
    const { logger, lines } = capture([TOKEN]);
    logger.info(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.error({ err: new Error(`request to /bot${TOKEN}/sendMessage failed`) }, 'boom');
    const out = lines.join('');
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('AAEhBOweik6ad9r');
    expect(out).toContain('[REDACTED]');
  });

  it('removes configured API keys wherever they appear, even nested', () => {
    const { logger, lines } = capture(['gem-secret-value']);
    logger.info({ request: { url: 'https://x/v1?key=gem-secret-value', note: 'key is gem-secret-value' } }, 'call');
    expect(lines.join('')).not.toContain('gem-secret-value');
  });

  it('removes token-shaped values nobody registered: bearer headers, provider key formats, URL passwords', () => {
    const redact = createRedactor([]);
    expect(redact('Authorization: Bearer abcdef123456789')).toBe('Authorization: Bearer [REDACTED]');
    expect(redact('key nvapi-ABCDEFGHIJKLMNOPQRSTUV')).toBe('key [REDACTED]');
    expect(redact('redis://user:hunter22@redis:6379')).toBe('redis://user:[REDACTED]@redis:6379');
    expect(redact('https://g.example/v1?key=AIzaSomething&alt=json')).toBe('https://g.example/v1?key=[REDACTED]&alt=json');
  });

  it('leaves ordinary text alone', () => {
    const redact = createRedactor(['secret-1']);
    expect(redact('{"msg":"scaled web to 3 replicas in prod"}')).toBe('{"msg":"scaled web to 3 replicas in prod"}');
  });
});
