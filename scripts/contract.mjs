// Validates JSON values against schemas in the OpenAPI subset (tests/contract/openapi/), for the
// contract tests (tests/contract/). Reads one JSON document on stdin:
//   {"values": [...],
//    "cases": [{"deployment": "ghec", "pointer": ["operations", "GET /", "responses", "200",
//               "content", "application/json", "schema"], "value": 0}, ...]}
// where each case's "value" is an index into "values" (a value checked against several schemas
// is sent once); `"why": false` in a case skips listing its errors (an answer that must fail). Prints {"extractor_sha256": "...", "results": [{"valid": true} | {"valid": false,
// "errors": ["/path must be string", ...]}, ...]}, one result per case, in order. The SHA-256 is
// that of scripts/openapi-extract.mjs as it is now, for the tests to compare with the one each
// subset file records. ajv 8 and ajv-formats come from the tools folder (scripts/setup.sh test).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOLS, version } from './tools.mjs';

const AJV_VERSION = version('AJV_VERSION');
const AJV_FORMATS_VERSION = version('AJV_FORMATS_VERSION');
const require = createRequire(join(TOOLS, `ajv-${AJV_VERSION}-formats-${AJV_FORMATS_VERSION}`, 'package.json'));
let Ajv, addFormats;
try {
  Ajv = require('ajv').default;
  addFormats = require('ajv-formats').default;
} catch (e) {
  console.error(`contract: ajv@${AJV_VERSION} with ajv-formats@${AJV_FORMATS_VERSION} is missing (scripts/setup.sh test): ${e.message}`);
  process.exit(2);
}
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUBSETS = join(ROOT, 'tests', 'contract', 'openapi');

// OpenAPI 3.0 schemas: `nullable` is ajv's own keyword; `example`, `deprecated` and the like are
// annotations, which `strict: false` lets pass. One ajv stops at the first error (fast: most
// cases pass, and off-contract answers with a thousand bad items must only fail); the other,
// compiled only for a case that failed, lists every error.
function ajv(allErrors) {
  const a = new Ajv({ strict: false, allErrors, logger: false });
  addFormats(a);
  // OpenAPI's integer formats, which JSON Schema does not name.
  a.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  a.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
  return a;
}
const fast = ajv(false);
const full = ajv(true);

const subsets = new Map();
function subset(deployment) {
  if (!subsets.has(deployment)) {
    subsets.set(deployment, JSON.parse(readFileSync(join(SUBSETS, `${deployment}.json`), 'utf8')));
  }
  return subsets.get(deployment);
}

// Compiling is what takes time: each schema once, however many operations and deployments share
// it (the dereferenced descriptions repeat them).
const schemas = new Map();
function schemaAt(deployment, pointer) {
  const key = JSON.stringify([deployment, pointer]);
  if (!schemas.has(key)) {
    let schema = subset(deployment);
    for (const step of pointer) {
      schema = schema?.[step];
    }
    if (schema === undefined) throw new Error(`${deployment}: no schema at ${pointer.join(' / ')}`);
    schemas.set(key, { schema, text: JSON.stringify(schema) });
  }
  return schemas.get(key);
}
const compiled = [new Map(), new Map()];
function validator(ajvInstance, cache, { schema, text }) {
  if (!cache.has(text)) cache.set(text, ajvInstance.compile(schema));
  return cache.get(text);
}

const input = JSON.parse(readFileSync(0, 'utf8'));
const results = input.cases.map(({ deployment, pointer, value, why }) => {
  try {
    const at = schemaAt(deployment, pointer);
    const data = input.values[value];
    if (validator(fast, compiled[0], at)(data)) return { valid: true };
    if (why === false) return { valid: false, errors: [] };
    const validate = validator(full, compiled[1], at);
    validate(data);
    const errors = (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`.trim());
    return { valid: false, errors };
  } catch (e) {
    return { valid: false, errors: [`cannot validate: ${e.message}`] };
  }
});
if (process.env.CONTRACT_TIMING) {
  console.error(`contract: ${input.cases.length} cases, ${compiled[0].size}+${compiled[1].size} compiled, ${Math.round(performance.now())} ms`);
}
const extractor = readFileSync(join(ROOT, 'scripts', 'openapi-extract.mjs'));
const out = { extractor_sha256: createHash('sha256').update(extractor).digest('hex'), results };
process.stdout.write(`${JSON.stringify(out)}\n`);
