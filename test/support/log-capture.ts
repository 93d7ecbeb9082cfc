import type { Logger } from 'pino';
import { createLogger } from '../../src/logger.js';

/** A real pino logger whose JSON lines are kept in memory, for assertions about what was logged. */
export function captureLogger(
  secrets: string[] = [],
  level = 'debug',
): { logger: Logger; lines: string[]; records: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets, destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}
