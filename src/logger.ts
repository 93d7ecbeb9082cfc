import { pino, type Logger, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

const REDACTED = '[REDACTED]';

/** Shapes of secrets we can recognise even when nobody told us their value, with what replaces them. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\b\d{6,15}:[A-Za-z0-9_-]{30,}\b/g, REDACTED], // Telegram bot token (also inside .../bot<token>/method URLs)
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`], // Authorization headers
  [/\b(?:nvapi-[A-Za-z0-9_-]{16,}|sk-ant-[A-Za-z0-9_-]{16,}|sk-[A-Za-z0-9_-]{20,}|AIza[A-Za-z0-9_-]{30,})/g, REDACTED], // provider keys
  [/([?&](?:key|api_key|apikey|token|access_token)=)[^&\s"']+/gi, `$1${REDACTED}`], // keys in query strings
  [/(\/\/[^:/@\s"]*:)[^@/\s"]+(@)/g, `$1${REDACTED}$2`], // passwords in URLs (redis://user:pass@host)
];

function escapeForRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes every known secret value and anything shaped like a token from a finished log line.
 * Working on the serialized line catches secrets in messages, error stacks and nested fields alike.
 */
export function createRedactor(secrets: readonly string[]): (line: string) => string {
  const known = [...new Set(secrets.filter((s) => s.length >= 4))]
    .sort((a, b) => b.length - a.length)
    // A value may appear JSON-escaped in a serialized line.
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)])
    .map(escapeForRegExp);
  const knownPattern = known.length > 0 ? new RegExp(known.join('|'), 'g') : null;
  return (line) => {
    let out = knownPattern ? line.replace(knownPattern, REDACTED) : line;
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  /** Values that must never be printed: the bot token, API keys, passwords. */
  secrets?: readonly string[];
  /** Where lines go; defaults to stdout. Tests pass a collecting stream. */
  destination?: { write(line: string): unknown };
  name?: string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const redact = createRedactor(options.secrets ?? []);
  const sink = options.destination ?? process.stdout;
  const prettySink = options.pretty ? pretty({ colorize: Boolean(process.stdout.isTTY), destination: 1, sync: true }) : null;
  const destination: DestinationStream = {
    write(line: string) {
      const clean = redact(line);
      if (prettySink) prettySink.write(clean);
      else sink.write(clean);
    },
  };
  return pino(
    {
      level: options.level ?? 'info',
      base: { name: options.name ?? 'chatops' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Field-level redaction for the places we know hold secrets; the line redactor catches the rest.
      redact: {
        paths: [
          'token',
          'apiKey',
          'api_key',
          '*.token',
          '*.apiKey',
          'headers.authorization',
          '*.headers.authorization',
          'config.telegram.token',
        ],
        censor: REDACTED,
      },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination,
  );
}
