import 'server-only';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { LOG_LEVELS } from '@/lib/env';

/**
 * Fields that never reach a log line, at the top level or one object down (`req.headers.cookie`
 * two down): credentials, and what users wrote (notes, replies, article text, request bodies).
 * Log ids and counts instead.
 */
export const REDACTED_FIELDS = ['authorization', 'cookie', 'password', 'passwordHash', 'token', 'secret', 'note', 'body', 'text', 'content', 'exact', 'quote'];
const REDACT_PATHS = [
  ...REDACTED_FIELDS,
  ...REDACTED_FIELDS.map((f) => `*.${f}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
];

function initialLevel(): string {
  const level = process.env.LOG_LEVEL;
  if (level && (LOG_LEVELS as readonly string[]).includes(level)) return level;
  // Tests assert on responses; request lines would drown their output (they opt in with captureLogs).
  return process.env.NODE_ENV === 'test' ? 'warn' : 'info';
}

function defaultDestination(): DestinationStream {
  // Development: one readable line per entry. Everywhere else: JSON lines on stdout, written
  // synchronously so the last lines before an exit are not lost.
  if (process.env.NODE_ENV === 'development') return pretty({ colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname', sync: true });
  return pino.destination({ dest: 1, sync: true });
}

let destination: DestinationStream | null = null;
const sink: DestinationStream = { write: (line: string) => (destination ??= defaultDestination()).write(line) };

export const logger: Logger = pino(
  {
    level: initialLevel(),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  sink,
);

/** Tests: collects the JSON lines logged until `restore()`, at `level` and above. */
export function captureLogs(level = 'info'): { lines: () => Array<Record<string, unknown>>; raw: () => string; restore: () => void } {
  const previous = { destination, level: logger.level };
  const written: string[] = [];
  destination = { write: (line: string) => void written.push(line) };
  logger.level = level;
  return {
    lines: () => written.map((l) => JSON.parse(l) as Record<string, unknown>),
    raw: () => written.join(''),
    restore: () => {
      destination = previous.destination;
      logger.level = previous.level;
    },
  };
}
