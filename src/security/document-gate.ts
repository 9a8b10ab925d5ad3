import type { RequestHandler } from 'express';
import { parse, type DocumentNode } from 'graphql';
import { ErrorCode } from '../errors/error-code';
import { measureDocument, type ShapeLimits } from './document-shape';

/** The variable that sets each shape limit, named in the refusal so an operator knows what to raise. */
export const SHAPE_LIMIT_VARIABLES: Readonly<Record<keyof ShapeLimits, string>> = Object.freeze({
  maxDepth: 'CODESET_MAX_DEPTH',
  maxAliases: 'CODESET_MAX_ALIASES',
  maxDirectives: 'CODESET_MAX_DIRECTIVES',
  maxSelections: 'CODESET_MAX_SELECTIONS',
  maxSameName: 'CODESET_MAX_SAME_NAME',
  maxDefinitions: 'CODESET_MAX_DEFINITIONS',
  maxNesting: 'CODESET_MAX_NESTING',
});

const WHAT: Readonly<Record<keyof ShapeLimits, string>> = Object.freeze({
  maxDepth: 'nests fields {found} levels deep',
  maxAliases: 'has {found} aliased fields once its fragments are expanded',
  maxDirectives: 'has {found} directives once its fragments are expanded',
  maxSelections: 'expands to {found} field selections',
  maxSameName: 'selects {where} {found} times in one selection set',
  maxDefinitions: 'defines {found} operations and fragments',
  maxNesting: 'nests selection sets (fragments included) {found} levels deep',
});

export interface GateRefusal {
  status: number;
  code: ErrorCode;
  message: string;
  extensions: Record<string, unknown>;
}

/**
 * Whether one GraphQL source may go on to validation and execution. Parsing is bounded by the token
 * limit, the measure by the document's size; a refusal says which limit, what was found and what is
 * allowed. A source that does not parse is left to Apollo, which answers GRAPHQL_PARSE_FAILED.
 */
export function checkSource(source: string, limits: ShapeLimits, maxTokens: number): GateRefusal | null {
  let document: DocumentNode;
  try {
    document = parse(source, { maxLexicalTokens: maxTokens, noLocation: true });
  } catch {
    return null;
  }
  const verdict = measureDocument(document, limits);
  if (verdict.ok) return null;
  if (verdict.limit === 'maxDepth') {
    // The same words and extensions as the depth check behind Apollo, which clients already know.
    return {
      status: 400,
      code: ErrorCode.QUERY_TOO_DEEP,
      message: `The operation nests fields ${verdict.found} levels deep; at most ${verdict.allowed} are allowed`,
      extensions: { depth: verdict.found, maxDepth: verdict.allowed, limit: SHAPE_LIMIT_VARIABLES.maxDepth },
    };
  }
  const what = WHAT[verdict.limit].replace('{found}', String(verdict.found)).replace('{where}', JSON.stringify(verdict.where ?? ''));
  const variable = SHAPE_LIMIT_VARIABLES[verdict.limit];
  return {
    status: 400,
    code: ErrorCode.QUERY_TOO_COMPLEX,
    message: `The document ${what}; at most ${verdict.allowed} ${verdict.allowed === 1 ? 'is' : 'are'} allowed (${variable})`,
    extensions: { limit: variable, found: verdict.found, allowed: verdict.allowed },
  };
}

/**
 * Express middleware in front of Apollo: refuses a document whose shape is over a limit before
 * graphql-js validates it, and a batch (a JSON array: this service takes one operation per request).
 * GET takes the document from the query string, POST from the JSON body.
 */
export function documentGate(limits: ShapeLimits, maxTokens: number, refused: (code: ErrorCode, limit: string) => void): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (Array.isArray(body)) {
      refused(ErrorCode.BAD_REQUEST, 'batch');
      res.status(400).json({
        errors: [
          {
            message: `Batched requests are not accepted: send one operation per request (got a batch of ${body.length})`,
            extensions: { code: ErrorCode.BAD_REQUEST, found: body.length, allowed: 1 },
          },
        ],
      });
      return;
    }
    const fromBody = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
    const source = typeof fromBody === 'string' ? fromBody : typeof req.query.query === 'string' ? req.query.query : undefined;
    if (source === undefined) return next();
    const refusal = checkSource(source, limits, maxTokens);
    if (!refusal) return next();
    refused(refusal.code, String(refusal.extensions.limit));
    res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, ...refusal.extensions } }] });
  };
}
