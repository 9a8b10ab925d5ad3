import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Credential } from '../config';
import { ErrorCode } from '../errors/error-code';
import { callerFrom } from './caller';

/**
 * At most `perMinute` requests a minute from one anonymous client address (express-rate-limit, a
 * fixed one-minute window per address; IPv6 addresses grouped by /56). Callers with a configured
 * API key are not counted. Over the limit: 429 RATE_LIMITED as JSON, with RateLimit headers saying
 * when to come back. `perMinute` 0 turns the limit off.
 */
export function anonymousRateLimit(perMinute: number, apiKeys: ReadonlyMap<string, Credential>, refused: () => void): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => callerFrom(req.headers, apiKeys).credential === 'valid',
    handler: (_req, res) => {
      refused();
      res.status(429).json({
        errors: [
          {
            message: `Too many requests without an API key: at most ${perMinute} a minute from one address (CODESET_ANON_RATE_LIMIT); retry later or send an X-Api-Key`,
            extensions: { code: ErrorCode.RATE_LIMITED, limit: perMinute, windowSeconds: 60 },
          },
        ],
      });
    },
  });
}
