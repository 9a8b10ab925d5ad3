import type { Server } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';
import type { Logger } from '../common/logger';
import { ErrorCode } from '../errors/error-code';

/**
 * Security headers (helmet). The strict default Content-Security-Policy would block Apollo's
 * landing page (a script from Apollo's CDN), so CSP is left out only while that page is enabled.
 */
export function securityHeaders(landingPage: boolean): RequestHandler {
  return helmet({ contentSecurityPolicy: landingPage ? false : undefined, crossOriginEmbedderPolicy: false });
}

/** CORS for the configured origins: '*' allows any origin, an empty list none (same-origin only). */
export function corsFor(origins: '*' | string[], exposedHeaders: string[] = []): RequestHandler {
  // Browsers may keep a preflight answer for 10 minutes.
  const exposed = { maxAge: 600, ...(exposedHeaders.length ? { exposedHeaders } : {}) };
  if (origins === '*') return cors(exposed);
  return cors({ origin: origins.length ? origins : false, ...exposed });
}

/**
 * Turns body-parser failures into GraphQL-shaped JSON errors instead of Express's HTML page:
 * a body over the limit is 413 PAYLOAD_TOO_LARGE, malformed JSON or an unsupported charset or
 * encoding is 400 BAD_REQUEST. Nothing of the body is echoed.
 */
export function bodyErrors(maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error?.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `The request body is larger than ${maxBodyBytes} bytes (CODESET_MAX_BODY_BYTES)`,
            extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE, maxBodyBytes },
          },
        ],
      });
      return;
    }
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 400;
    const message =
      error?.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : 'The request body could not be read (check Content-Type, charset and Content-Encoding)';
    res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] });
  };
}

/**
 * One structured log line per request: method, path (never the query string, which may carry a
 * code), status and duration. No IP address, header, API key, body or variable is logged.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const began = performance.now();
    res.once('finish', () => {
      const status = res.statusCode;
      const line = { method: req.method, path: req.originalUrl.split('?')[0], status, ms: Math.round(performance.now() - began) };
      if (status >= 500) logger.warn(line, 'request failed');
      else logger.info(line, 'request');
    });
    next();
  };
}

/**
 * A body declared larger than the limit is refused as soon as its headers arrive (413, before a
 * byte of it is read), and the connection is closed rather than left to drain a body nobody reads.
 */
export function earlyPayloadLimit(maxBodyBytes: number, refused: () => void): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (!Number.isFinite(declared) || declared <= maxBodyBytes) return next();
    refused();
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.socket.destroySoon());
    res.status(413).json({
      errors: [
        {
          message: `The request body is larger than ${maxBodyBytes} bytes (CODESET_MAX_BODY_BYTES)`,
          extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE, maxBodyBytes },
        },
      ],
    });
  };
}

/**
 * Slow clients are cut off: the headers must arrive within headersTimeoutMs and the whole request
 * (body included) within requestTimeoutMs, else Node answers 408 and closes the connection; an idle
 * keep-alive connection closes after 5 s.
 */
export function slowClientTimeouts(server: Server, limits: { headersTimeoutMs: number; requestTimeoutMs: number }): void {
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.keepAliveTimeout = 5_000;
}
