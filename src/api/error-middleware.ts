import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'winston';
import { DialerError } from '../errors';

interface BodyParserError { type?: string; status?: number }

export function errorMiddleware(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const parserType = (err as BodyParserError | undefined)?.type;
    let error: DialerError;
    if (err instanceof DialerError) error = err;
    else if (parserType === 'entity.parse.failed') error = new DialerError('E_BAD_JSON', 'body is not valid JSON', 'body');
    else if (parserType === 'entity.too.large') error = new DialerError('E_PAYLOAD_TOO_LARGE', 'body is too large', 'body');
    else if (parserType === 'encoding.unsupported' || parserType === 'charset.unsupported') error = new DialerError('E_UNSUPPORTED_MEDIA', 'unsupported body encoding', 'body');
    else if ((err as BodyParserError | undefined)?.status === 404) error = new DialerError('E_NOT_FOUND', 'no such route');
    else if ((err as BodyParserError | undefined)?.status && (err as BodyParserError).status! < 500) error = new DialerError('E_VALIDATION', 'malformed request', 'body');
    else {
      log.error('request failed', { err });
      error = new DialerError('E_INTERNAL', 'internal error');
    }
    if (res.headersSent) return;
    if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res.status(error.httpStatus).json({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } });
  };
}
