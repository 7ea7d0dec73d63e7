/**
 * The request body parsers, each with its size limit (E226): Express's own, behind a check of the
 * declared `Content-Length`. body-parser finds a body too large only while it reads it, and then
 * reads the rest before it answers (to keep the connection), so a client that declares 5 MB and
 * sends 2 bytes waited for Node's request timeout instead of a 413. A declared length over the
 * limit is answered at once, and the connection closed after the answer instead of read on.
 */
import express, { type RequestHandler } from 'express';

/** As body-parser describes a body over its limit, so that the error handler answers both alike. */
interface TooLarge extends Error {
  type: 'entity.too.large';
  status: 413;
  limit: number;
  length: number;
}

function refusesDeclaredLength(limit: number, parse: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      res.setHeader('Connection', 'close');
      const error = Object.assign(new Error('request entity too large'), {
        type: 'entity.too.large' as const,
        status: 413 as const,
        limit,
        length: declared,
      }) satisfies TooLarge;
      next(error);
      return;
    }
    parse(req, res, next);
  };
}

const KB = 1024;
export const JSON_BODY_LIMIT = 1024 * KB;
export const PAY_FORM_LIMIT = 16 * KB;
export const ONBOARDING_FORM_LIMIT = 100 * KB;

/** The API operations' JSON body (strict: an object or an array), for the requests `isJson` accepts. */
export function jsonBody(isJson: (req: { headers: Record<string, string | string[] | undefined> }) => boolean) {
  return refusesDeclaredLength(JSON_BODY_LIMIT, express.json({ limit: JSON_BODY_LIMIT, strict: true, type: isJson }));
}

/** A hosted page's form. */
export function formBody(limit: number): RequestHandler {
  return refusesDeclaredLength(limit, express.urlencoded({ extended: false, limit }));
}

/** `1048576` → `1 MB`, `16384` → `16 KB`: a limit as the 413's message says it. */
export function describeLimit(bytes: number): string {
  return bytes >= 1024 * KB && bytes % (1024 * KB) === 0 ? `${bytes / (1024 * KB)} MB` : `${Math.round(bytes / KB)} KB`;
}
