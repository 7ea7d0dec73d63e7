/**
 * Validators for webhook bodies, compiled once from the spec's top-level `webhooks`
 * (`webhooks.<event>.post.requestBody`), keyed by event name.
 */
import type { ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createSpecAjv, loadSpec, resolveRef, toAbsoluteRefs } from '../../../spec';

let compiled: Map<string, ValidateFunction> | undefined;

export function webhookBodyValidators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = createSpecAjv();
  const validators = new Map<string, ValidateFunction>();
  for (const [event, item] of Object.entries(loadSpec('partner-api').webhooks ?? {})) {
    const post = resolveRef<OpenAPIV3_1.PathItemObject>('partner-api', item).post;
    if (!post?.requestBody) continue;
    const body = resolveRef<OpenAPIV3_1.RequestBodyObject>('partner-api', post.requestBody);
    const schema = body.content['application/json']?.schema;
    if (schema) validators.set(event, ajv.compile(toAbsoluteRefs('partner-api', schema) as object));
  }
  compiled = validators;
  return validators;
}

/** Readable schema errors for a webhook body; empty when it matches the spec. */
export function checkWebhookBody(body: unknown): string[] {
  const event = (body as { event?: unknown } | null)?.event;
  if (typeof event !== 'string') return ['/event is missing or not a string'];
  const validate = webhookBodyValidators().get(event);
  if (!validate) return [`/event "${event}" is not a webhook in the spec`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
