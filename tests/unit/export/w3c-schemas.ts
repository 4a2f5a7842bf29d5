// Loads the W3C Web Annotation test-suite schemas (JSON Schema draft-04) into Ajv 8, which has no
// draft-04 mode: ids move to $id, boolean exclusiveMinimum becomes numeric, and $ref siblings are
// dropped because draft-04 ignores them (Ajv would otherwise apply them and reject valid documents).
import { readFileSync, readdirSync } from 'node:fs';
import path, { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const W3C_DIR = path.resolve(process.cwd(), '../shared/w3c-web-annotation-tests');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function convert(node: Json, root: boolean): Json {
  if (Array.isArray(node)) return node.map((n) => convert(n, false));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    if (k === 'id' && root && typeof v === 'string') out.$id = v;
    else if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      // property names are data, not keywords
      out.properties = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, convert(pv, false)]));
    } else out[k] = convert(v, false);
  }
  if (out.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  } else if (out.exclusiveMinimum === false) delete out.exclusiveMinimum;
  if (out.exclusiveMaximum === true && typeof out.maximum === 'number') {
    out.exclusiveMaximum = out.maximum;
    delete out.maximum;
  } else if (out.exclusiveMaximum === false) delete out.exclusiveMaximum;
  return out;
}

function load(path: string): Json {
  return convert(JSON.parse(readFileSync(path, 'utf8')) as Json, true);
}

export type MustSuite = { name: string; check: (doc: unknown) => string[] };

export function createMustSuites(): { annotation: MustSuite; collection: MustSuite; page: MustSuite } {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const defsDir = join(W3C_DIR, 'definitions');
  for (const f of readdirSync(defsDir).filter((f) => f.endsWith('.json'))) ajv.addSchema(load(join(defsDir, f)) as object);

  const suite = (testFile: string): MustSuite => {
    const test = JSON.parse(readFileSync(join(W3C_DIR, testFile), 'utf8')) as { name: string; assertions: string[] };
    const validators: Array<{ file: string; validate: ValidateFunction; expectValid: boolean; message: string }> = test.assertions.map((file) => {
      const raw = JSON.parse(readFileSync(join(W3C_DIR, file), 'utf8')) as { expectedResult?: string; errorMessage?: string };
      return { file, validate: ajv.compile(load(join(W3C_DIR, file)) as object), expectValid: raw.expectedResult !== 'invalid', message: raw.errorMessage ?? file };
    });
    return {
      name: test.name,
      check: (doc) =>
        validators.filter((v) => v.validate(doc) !== v.expectValid).map((v) => `${v.file}: ${v.message}`),
    };
  };
  return {
    annotation: suite('annotations/annotationMusts.test'),
    collection: suite('collections/collectionMusts.test'),
    page: suite('collections/pages/pageMusts.test'),
  };
}
