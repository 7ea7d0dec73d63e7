import type { SpecMatchOptions } from './spec-matcher';

declare global {
  namespace jest {
    interface Matchers<R> {
      /** The response is one the spec documents for its operation (status, media type, body, required headers). */
      toMatchSpec(options?: SpecMatchOptions): R;
      /** The value (or a response's body) is valid against `#/components/schemas/<name>` of partner-api. */
      toMatchSpecSchema(schemaName: string): R;
    }
  }
}

export {};
