import pino from 'pino';

/** Structured JSON logs (pino). No request bodies or variables are logged: they may hold patient data. */
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'codeset-graph' } });

export type Logger = typeof logger;
