import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import winston from 'winston';

/** Carries the request id (and anything else per request) to every log line written while serving it. */
export const logContext = new AsyncLocalStorage<{ requestId: string }>();

const addContext = winston.format((info) => {
  const ctx = logContext.getStore();
  if (ctx && info.requestId === undefined) info.requestId = ctx.requestId;
  return info;
});

const SECRET_KEYS = /pass(word)?|token|secret|authorization|cookie/i;
/** Never let a password or token reach a log line, whatever a caller passes as metadata. */
const redactSecrets = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (SECRET_KEYS.test(key)) info[key] = '[redacted]';
  }
  return info;
});

export type LogFormat = 'text' | 'json';

export interface LoggerOptions {
  level: string;
  /** Console lines: `text` (time level message key=value…) or `json` (one object per line, for journald/log shippers). */
  format?: LogFormat;
  file?: string;
  console?: boolean;
  /** Where console lines go instead of stdout (tests). */
  stream?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): winston.Logger {
  const transports: winston.transport[] = [];
  if (options.console !== false) {
    const format = options.format === 'json' ? jsonLine() : textLine(!options.stream && process.stdout.isTTY === true);
    transports.push(options.stream
      ? new winston.transports.Stream({ stream: options.stream, format })
      : new winston.transports.Console({ format }));
  }
  if (options.file) {
    mkdirSync(path.dirname(options.file), { recursive: true });
    transports.push(new winston.transports.File({ filename: options.file, format: winston.format.json({ replacer: errorReplacer }) }));
  }
  if (transports.length === 0) transports.push(new winston.transports.Console({ silent: true }));
  return winston.createLogger({
    level: options.level,
    format: winston.format.combine(addContext(), redactSecrets(), winston.format.timestamp()),
    transports,
  });
}

function jsonLine(): winston.Logform.Format {
  return winston.format.json({ replacer: errorReplacer });
}

/** `2026-01-01T10:00:00.000Z info call connected component=engine campaignId=3 callId=c-1` */
function textLine(colors: boolean): winston.Logform.Format {
  const line = winston.format.printf(({ level, message, timestamp, ...rest }) => {
    const fields = Object.entries(rest).map(([key, value]) => `${key}=${fieldValue(value)}`);
    return [String(timestamp), level, String(message), ...fields].join(' ');
  });
  return colors ? winston.format.combine(winston.format.colorize(), line) : line;
}

function fieldValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value, errorReplacer) ?? String(value);
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** Keeps the last 4 digits of a phone number for logs below debug. */
export function maskPhone(phone: string): string {
  return phone.length <= 4 ? phone : '*'.repeat(phone.length - 4) + phone.slice(-4);
}
