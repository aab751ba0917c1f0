/**
 * The official schemas copied under test/schemas/ (see its README): Adaptive Card 1.5 and the Teams
 * manifest 1.29, compiled once with Ajv (draft-06 rules, formats from ajv-formats).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import addFormats from 'ajv-formats';

const SCHEMAS = resolve(import.meta.dirname, '../../schemas');

function compile(file: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(resolve(SCHEMAS, file), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajv.addMetaSchema(draft06);
  addFormats.default(ajv);
  // Both declare an older draft in `$schema`; compile them by their draft-06 rules (see the README).
  // The card schema names itself with draft-04's `id`, which Ajv 8 reads as `$id`.
  const { $schema: _declared, id, ...body } = schema;
  return ajv.compile(typeof id === 'string' ? { $id: id, ...body } : body);
}

let cardValidator: ValidateFunction | undefined;
let manifestValidator: ValidateFunction | undefined;

/** Schema errors of an Adaptive Card, as readable lines; empty when it is valid. */
export function cardSchemaErrors(card: unknown): string[] {
  cardValidator ??= compile('adaptive-card-1.5.schema.json');
  return cardValidator(card) ? [] : describe(cardValidator);
}

export function manifestSchemaErrors(manifest: unknown): string[] {
  manifestValidator ??= compile('teams-manifest-1.29.schema.json');
  return manifestValidator(manifest) ? [] : describe(manifestValidator);
}

function describe(validate: ValidateFunction): string[] {
  return (validate.errors ?? [])
    .slice(0, 20)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
