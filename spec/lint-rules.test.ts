/**
 * The provenance rules of `.spectral.yaml` really fire: Spectral lints one fragment whose `/good`
 * operation is marked correctly and whose `/bad` operation and `Bad*` components break each rule
 * once, and every project rule must report exactly the broken places.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from './index';

const FRAGMENT = `
openapi: 3.1.0
info: { title: Fragment, version: '1' }
paths:
  /good:
    post:
      operationId: createGood
      x-provenance: documented
      x-source: https://docs.acountpay.com/guides/partner-api/stores
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/GoodBody' }
      responses:
        '201':
          description: Created.
          x-provenance: inferred
          x-decision: D17
          x-reason: The docs show the body but not the status.
          x-inferred-part: status
        '200':
          description: Read.
          x-provenance: documented
          x-source: https://docs.acountpay.com/guides/partner-api/stores
          headers:
            X-Good: { description: Inferred header., x-provenance: inferred, x-decision: D28, x-reason: Not in the docs., schema: { type: string } }
  /bad:
    post:
      operationId: createBad
      x-provenance: documented
      x-source: https://docs.acountpay.com/guides/partner-api/stores
      parameters:
        - { name: X-Unmarked, in: header, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/BadBody' }
      responses:
        '201':
          description: No mark at all.
        '202':
          description: Unknown decision and an unknown part.
          x-provenance: inferred
          x-decision: D999
          x-reason: Wrong.
          x-inferred-part: body
        '200':
          description: A part on a documented response.
          x-provenance: documented
          x-source: https://docs.acountpay.com/guides/partner-api/stores
          x-inferred-part: status
        '204':
          description: A part without any mark.
          x-inferred-part: status
          x-provenance: documented
          x-source: https://docs.acountpay.com/guides/partner-api/stores
webhooks:
  ev:
    post:
      operationId: onEv
      x-provenance: documented
      x-source: https://acount.mintlify.app/guides/partner-api/webhooks
      parameters:
        - { name: X-Sig, in: header, schema: { type: string } }
      responses:
        '200': { description: Unmarked answer of the receiver. }
components:
  schemas:
    GoodBody:
      type: object
      additionalProperties: false
      x-inferred-constraints: { additionalProperties: D7 }
      properties:
        code: { type: string, pattern: '^[A-Z]{2}$', x-inferred-constraints: { pattern: D17 } }
        state: { type: string, enum: [pending, active, activated], x-inferred-values: { activated: E24 } }
    BadBody:
      type: object
      additionalProperties: true
      x-inferred-constraints: { additionalProperties: D7, minimum: D3, description: D5, maxLength: E999 }
      properties:
        state: { type: string, enum: [pending, active], x-inferred-values: { gone: D9, active: X1 } }
        every: { type: string, enum: [a], x-inferred-values: { a: D9 } }
        lone: { type: string, x-inferred-values: { a: D9 } }
`;

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
}

const OUR_RULES = [
  'operation-provenance',
  'inferred-marks-have-decision',
  'success-response-provenance',
  'header-provenance',
  'inferred-part-has-mark',
  'inferred-constraints-are-valid',
  'inferred-values-are-valid',
];

let results: SpectralResult[] = [];

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectral-fragment-'));
  const file = path.join(dir, 'fragment.yaml');
  fs.writeFileSync(file, FRAGMENT);
  const run = spawnSync(
    path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'spectral'),
    ['lint', file, '--ruleset', 'spec/.spectral.yaml', '--format', 'json', '--quiet'],
    { cwd: PACKAGE_ROOT, encoding: 'utf8' },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const out = run.stdout.slice(run.stdout.indexOf('['));
  results = (JSON.parse(out) as SpectralResult[]).filter((r) => OUR_RULES.includes(r.code));
}, 60_000);

/** `rule @ a.b.c: message` for each result of a rule, sorted. */
function reported(rule: string): string[] {
  return results
    .filter((r) => r.code === rule)
    .map((r) => `${r.path.join('.')}: ${r.message}`)
    .sort();
}

describe('the provenance lint rules', () => {
  test('report nothing on the correctly marked parts', () => {
    const onGood = results.filter((r) => r.path.includes('/good') || r.path.includes('GoodBody'));
    expect(onGood).toEqual([]);
  });

  test('success-response-provenance: a 2xx of a documented operation or webhook without its own mark', () => {
    expect(reported('success-response-provenance')).toEqual([
      expect.stringMatching(/^paths\.\/bad\.post\.responses\.201: The 201 response of a documented operation needs/),
      expect.stringMatching(/^webhooks\.ev\.post\.responses\.200: The 200 response of a documented operation needs/),
    ]);
  });

  test('inferred-marks-have-decision: an x-decision that DECISIONS.md does not define, and a bad x-inferred-part', () => {
    expect(reported('inferred-marks-have-decision')).toEqual(
      expect.arrayContaining([
        'paths./bad.post.responses.202: An inferred item needs x-decision: x-decision D999 is not defined in docs/DECISIONS.md.',
        'paths./bad.post.responses.202: x-inferred-part must be status or status-and-body, not "body".',
        'paths./bad.post.responses.200: x-inferred-part belongs only on a response object marked x-provenance: inferred.',
      ]),
    );
  });

  test('inferred-part-has-mark: x-inferred-part outside an inferred response', () => {
    expect(reported('inferred-part-has-mark')).toEqual(
      expect.arrayContaining([
        'paths./bad.post.responses.204: x-inferred-part belongs only on a response object marked x-provenance: inferred.',
      ]),
    );
  });

  test('header-provenance: unmarked header parameters of operations and webhook deliveries', () => {
    expect(reported('header-provenance')).toEqual([
      'paths./bad.post.parameters.0: x-provenance is missing (documented | inferred).',
      'webhooks.ev.post.parameters.0: x-provenance is missing (documented | inferred).',
    ]);
  });

  test('inferred-constraints-are-valid: keywords the schema lacks, non-constraints, non-false additionalProperties, unknown ids', () => {
    expect(reported('inferred-constraints-are-valid')).toEqual(
      [
        'x-inferred-constraints names additionalProperties, which constrains only when it is false.',
        'x-inferred-constraints names minimum, which this schema does not have.',
        'x-inferred-constraints: description is not a constraint keyword.',
        'x-inferred-constraints names maxLength, which this schema does not have.',
        'x-inferred-constraints.maxLength E999 is not defined in docs/DECISIONS.md.',
      ]
        .map((message) => `components.schemas.BadBody: ${message}`)
        .sort(),
    );
  });

  test('inferred-values-are-valid: values outside the enum, malformed ids, all values inferred, no enum', () => {
    expect(reported('inferred-values-are-valid')).toEqual(
      [
        'components.schemas.BadBody.properties.state: x-inferred-values names "gone", which is not in the enum.',
        'components.schemas.BadBody.properties.state: x-inferred-values.active must be a decision id (D<n> or E<n>), not "X1".',
        'components.schemas.BadBody.properties.every: Every enum value is inferred: mark the schema inferred, or the enum in x-inferred-constraints.',
        'components.schemas.BadBody.properties.lone: x-inferred-values needs an enum on the same schema.',
      ].sort(),
    );
  });
});
