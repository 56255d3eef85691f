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

export interface LoggerOptions {
  level: string;
  file?: string;
  console?: boolean;
}

export function createLogger(options: LoggerOptions): winston.Logger {
  const transports: winston.transport[] = [];
  if (options.console !== false) {
    transports.push(new winston.transports.Console({
      format: winston.format.combine(
        winston.format.colorize(),
        winston.format.printf(({ level, message, timestamp, component, requestId, ...rest }) => {
          const meta = Object.keys(rest).length ? ' ' + JSON.stringify(rest, errorReplacer) : '';
          const tags = [component, requestId].filter(Boolean).map((t) => `[${String(t)}]`).join('');
          return `${String(timestamp)} ${level} ${tags} ${String(message)}${meta}`;
        }),
      ),
    }));
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

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** Keeps the last 4 digits of a phone number for logs below debug. */
export function maskPhone(phone: string): string {
  return phone.length <= 4 ? phone : '*'.repeat(phone.length - 4) + phone.slice(-4);
}
