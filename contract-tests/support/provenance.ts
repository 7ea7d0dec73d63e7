/**
 * What the suite does with the spec's provenance marks: a documented fact is asserted exactly
 * against every target; an inferred one exactly against the mock, and against any other target a
 * mismatch is reported as "inferred, differs" instead of failing the run.
 */
import type { Response } from 'supertest';
import { findOperationById } from './operation-index';
import { isValidAgainst, sentRequest } from './spec-matcher';
import {
  bodyIsInferred,
  isInferred,
  requestBreaksOnlyInferredRules,
  statusIsInferred,
  type FactKind,
} from './spec-provenance';
import { targetIsMock } from './target-config';
import { currentTest, operationIdFromTitle, record, recordDifferences } from './report';
import type { Target } from './target';

export { documentedOnlySchema, inferredProperties, isInferred, type FactKind } from './spec-provenance';

/**
 * Runs `fn` (plain jest expects). If it throws, the fact is inferred and the target is not the
 * mock, the difference goes into the report and the test goes on; otherwise the error stands.
 */
export async function assertFact(
  target: Pick<Target, 'isMock'>,
  kind: FactKind,
  label: string,
  fn: () => unknown,
): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (kind === 'documented' || target.isMock) throw error;
    const where = currentTest();
    record({
      type: 'inferred-differs',
      operationId: operationIdFromTitle(where.test),
      label,
      message: error instanceof Error ? error.message : String(error),
      ...where,
    });
  }
}

/**
 * Statuses by which a server says it has no such operation at all; 403 too where a 2xx was expected
 * (API gateways answer an unknown route "Missing Authentication Token" with it).
 */
const ABSENT = new Set([404, 405, 501]);

/**
 * Thrown by the kit when a documented fact differs (a documented status, a status class, the
 * documented part of a body, a set-up call the docs promise to succeed). It fails a test even
 * where the test's other assertions read a guessed body (see guardContractTest).
 */
export class DocumentedFactError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentedFactError';
  }
}

/**
 * Thrown when an inferred fact differs in a way the test cannot go on from (a guessed field it
 * needs is missing). Against a target that is not the mock the test ends there, reported as
 * "inferred, differs"; against the mock it fails.
 */
export class InferredDifference extends Error {
  constructor(
    readonly label: string,
    detail: string,
  ) {
    super(`${label}: ${detail}`);
    this.name = 'InferredDifference';
  }
}

/** Runs documented checks; a failure becomes a DocumentedFactError with the same message. */
export async function documentedFact(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DocumentedFactError || error instanceof NotAvailable) throw error;
    throw new DocumentedFactError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Thrown when an operation the spec infers is missing on the target (404, 405 or 501 where the
 * test expected something else). The contract test that meets it ends there, and the report gives
 * the operation its own verdict, "not available", instead of a failure.
 */
export class NotAvailable extends Error {
  constructor(
    readonly operationId: string,
    readonly status: number,
  ) {
    super(`${operationId} is not available on this target (it answered ${status}); the operation is inferred`);
    this.name = 'NotAvailable';
  }
}

/** Throws NotAvailable when `res` says the inferred operation does not exist on a target that is not the mock. */
export function checkAvailable(
  target: Pick<Target, 'isMock'>,
  res: Response,
  operationId: string,
  expected?: number,
): void {
  if (target.isMock || res.status === expected) return;
  const absent = ABSENT.has(res.status) || (res.status === 403 && (expected === undefined || expected < 300));
  if (absent && isInferred(operationId)) throw new NotAvailable(operationId, res.status);
}

/**
 * Asserts a response's status and spec conformance, honouring provenance. Against the mock
 * everything is exact. Against another target: a documented status must be exact; an inferred one
 * must be of the same class (a 204 with no body where the spec guessed a body counts), and the
 * difference is reported; `toMatchSpec()` then checks the documented facts of the body exactly and
 * reports the inferred ones. An inferred operation answering 404/405/501 is "not available".
 */
export async function expectSpecResponse(
  target: Pick<Target, 'isMock'>,
  res: Response,
  operationId: string,
  status: number,
): Promise<void> {
  if (target.isMock) {
    expect(res.status).toBe(status);
    expect(res).toMatchSpec({ exact: true });
    return;
  }
  checkAvailable(target, res, operationId, status);
  if (isInferred(operationId)) {
    // Nothing of an inferred operation is documented: every expectation on it is a guess.
    await inferredRule(target, `${operationId} answers ${status} as the spec guesses`, () =>
      expectSpecResponse({ isMock: true }, res, operationId, status),
    );
    return;
  }
  if (status === 400 && requestBreaksOnlyInferredRules(operationId, sentRequest(res), isValidAgainst)) {
    // The body is invalid only by rules the spec guesses, so the refusal itself is a guess.
    await inferredRule(target, `${operationId} refuses a body that breaks only inferred rules with ${status}`, () =>
      expectSpecResponse({ isMock: true }, res, operationId, status),
    );
    return;
  }
  if (!statusIsInferred(operationId, status)) await documentedFact(() => expect(res.status).toBe(status));
  else {
    if (Math.floor(res.status / 100) !== Math.floor(status / 100))
      throw new DocumentedFactError(
        `${operationId} answered ${res.status} where the spec says ${status}: the exact status is a guess, ` +
          `but not its class (${Math.floor(status / 100)}xx). Body: ${(res.text ?? '').slice(0, 300)}`,
      );
    if (res.status !== status)
      recordDifferences(operationId, `${operationId} answers ${status} as the spec says`, [
        {
          where: 'status',
          expected: String(status),
          observed: String(res.status),
          decision: decisionOf(operationId, status),
        },
      ]);
  }
  await documentedFact(() => expect(res).toMatchSpec());
}

function decisionOf(operationId: string, status: number): string | undefined {
  const op = findOperationById(operationId);
  const response = op?.operation.responses?.[String(status)] as { 'x-decision'?: string } | undefined;
  return (
    response?.['x-decision'] ??
    (op?.operation as { 'x-decision'?: string } | undefined)?.['x-decision'] ??
    (status >= 400 ? 'D6' : undefined)
  );
}

/**
 * A rule the spec infers, tested as a whole (a negative test resting on it, say "unknown fields
 * are refused", D7): exact against the mock; against another target a failure of `fn` is reported
 * as "inferred, differs" and ends the rule's check without failing the test.
 */
export async function inferredRule(target: Pick<Target, 'isMock'>, label: string, fn: () => unknown): Promise<void> {
  await assertFact(target, 'inferred', label, fn);
}

/**
 * Whether a test of `operationId` reads a guessed answer: the operation is inferred, or the body of
 * its success answer is. Against a target that is not the mock, such a test fails only on a
 * DocumentedFactError; its plain assertions read the guessed body and are reported.
 */
function readsGuessedAnswer(operationId: string | null): boolean {
  const op = operationId ? findOperationById(operationId) : undefined;
  if (!op || op.spec !== 'partner-api') return false;
  if (isInferred(op.operationId)) return true;
  const success = Object.keys(op.operation.responses ?? {}).find((k) => /^2\d\d$/.test(k));
  return success !== undefined && bodyIsInferred(op.operationId, success);
}

/**
 * Wraps a contract test's body (setup.ts applies it to every `test`, `it` and `test.each`). Against
 * a target that is not the mock: NotAvailable ends the test as passed and journals the operation as
 * not available; InferredDifference ends it as "inferred, differs"; in a test of an operation whose
 * answer is a guess (readsGuessedAnswer), any failure but a DocumentedFactError is reported too.
 */
export function guardContractTest<F extends (...args: never[]) => unknown>(fn: F): F {
  const guarded = async function (this: unknown, ...args: never[]) {
    try {
      return await fn.apply(this, args);
    } catch (error) {
      const where = currentTest();
      if (error instanceof NotAvailable) {
        record({ type: 'not-available', operationId: error.operationId, status: error.status, ...where });
        return undefined;
      }
      if (targetIsMock() || error instanceof DocumentedFactError) throw error;
      const operationId = operationIdFromTitle(where.test);
      if (error instanceof InferredDifference || readsGuessedAnswer(operationId)) {
        const label = error instanceof InferredDifference ? error.label : `${operationId} reads a guessed answer`;
        const message = error instanceof Error ? error.message : String(error);
        record({ type: 'inferred-differs', operationId, label, message, ...where });
        return undefined;
      }
      throw error;
    }
  };
  return guarded as unknown as F;
}
