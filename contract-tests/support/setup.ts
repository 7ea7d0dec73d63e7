/**
 * Runs in every contract test file before its tests: registers the spec matchers, and wraps every
 * test so that an inferred operation missing on the target ends its test as "not available"
 * (see guardContractTest) instead of failing it.
 */
import { guardContractTest } from './provenance';
import { toMatchSpec, toMatchSpecSchema } from './spec-matcher';

expect.extend({ toMatchSpec, toMatchSpecSchema });

type TestFn = Parameters<typeof test>[1];
type Register = (name: string, fn?: TestFn, timeout?: number) => void;

function guarded<T extends Register>(register: T): T {
  const wrap = ((name: string, fn?: TestFn, timeout?: number) =>
    register(name, fn && guardContractTest(fn), timeout)) as T;
  return Object.assign(wrap, register);
}

/** `test.each(table)(name, fn)`, with every generated test guarded too. */
function guardedEach(each: typeof test.each): typeof test.each {
  return ((...table: unknown[]) => {
    const register = (each as unknown as (...t: unknown[]) => Register)(...table);
    return (name: string, fn?: TestFn, timeout?: number) => register(name, fn && guardContractTest(fn), timeout);
  }) as unknown as typeof test.each;
}

const globals = globalThis as unknown as { test: typeof test; it: typeof it };
const original = globals.test;
const guardedTest = Object.assign(guarded(original as unknown as Register), {
  only: guarded(original.only as unknown as Register),
  each: guardedEach(original.each),
  concurrent: original.concurrent,
}) as unknown as typeof test;
globals.test = guardedTest;
globals.it = guardedTest;

// A remote sandbox answers in hundreds of milliseconds, not the in-process mock's single digits.
if (process.env.ACOUNTPAY_BASE_URL) jest.setTimeout(30_000);
