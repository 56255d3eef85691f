import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'winston';
import { logContext } from '../logger';

/** Gives every request an id (or keeps a sane incoming X-Request-Id) that appears on every log line. */
export function requestContext(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    logContext.run({ requestId }, () => {
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logContext.run({ requestId }, () => log.http('request', { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }));
      });
      next();
    });
  };
}
