/** Runs in every contract test file before its tests: registers the spec matchers. */
import { toMatchSpec, toMatchSpecSchema } from './spec-matcher';

expect.extend({ toMatchSpec, toMatchSpecSchema });

// A remote sandbox answers in hundreds of milliseconds, not the in-process mock's single digits.
if (process.env.ACOUNTPAY_BASE_URL) jest.setTimeout(30_000);
