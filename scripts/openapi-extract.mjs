// Writes the part of GitHub's own OpenAPI description that runner-token needs, one small JSON per
// deployment, into tests/contract/openapi/: the operations in OPERATIONS below (path template and
// method) with their parameters, request body and responses (schemas and examples), fully
// dereferenced. The contract tests (tests/contract/) check the page's requests, the mock's answers
// and the page's readers against these files, so the test command never needs the 400 MB package.
//
//   node scripts/openapi-extract.mjs           rewrite the subset (installs the package if missing)
//   node scripts/openapi-extract.mjs --check   exit 1 if the committed subset differs from a fresh
//                                              extraction (the contract tests run this whenever the
//                                              package is installed)
//
// The package comes from npm into the same tools folder as the other npm tools
// (scripts/setup.sh openapi), in the version scripts/versions.env pins. Each output file records the
// SHA-256 of this script and the package version: when either changes (a new operation, another
// OPENAPI_VERSION), scripts/setup.sh test installs the package and the contract tests fail until
// the subset is extracted again.
//
// Schemas lose their annotations (title, description, example, x-*), which validate nothing;
// every validation keyword is kept as GitHub wrote it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOLS, version } from './tools.mjs';

const OPENAPI_VERSION = version('OPENAPI_VERSION');
const PACKAGE = '@octokit/openapi';
// Every deployment the page supports, by its file name in the package's generated/ folder.
const DEPLOYMENTS = ['api.github.com', 'ghec', 'ghes-3.17', 'ghes-3.18', 'ghes-3.19'];

// Where runners live, and where runner groups do (repositories have none).
const RUNNER_SCOPES = ['/repos/{owner}/{repo}', '/orgs/{org}', '/enterprises/{enterprise}'];
const GROUP_SCOPES = ['/orgs/{org}', '/enterprises/{enterprise}'];

/** `METHOD tail` for each scope: `METHOD scope+tail`. */
const under = (scopes, ops) => scopes.flatMap((s) => ops.map((op) => op.replace(' ', ` ${s}`)));

// The operations to keep: every one the page calls or the mock answers, and those it will call
// soon. Add a line here, run `node scripts/openapi-extract.mjs` and commit the result.
export const OPERATIONS = [
  // Tokens, just-in-time runners, packages, the runner list.
  ...under(RUNNER_SCOPES, [
    'POST /actions/runners/registration-token',
    'POST /actions/runners/remove-token',
    'POST /actions/runners/generate-jitconfig',
    'GET /actions/runners/downloads',
    'GET /actions/runners',
    'GET /actions/runners/{runner_id}',
    'DELETE /actions/runners/{runner_id}',
    // Runner labels.
    'GET /actions/runners/{runner_id}/labels',
    'POST /actions/runners/{runner_id}/labels',
    'PUT /actions/runners/{runner_id}/labels',
    'DELETE /actions/runners/{runner_id}/labels',
    'DELETE /actions/runners/{runner_id}/labels/{name}',
    // Runner version deprecations.
    'GET /actions/runners/deprecations/{version}',
  ]),
  // Runner groups, their runners and their access lists.
  ...under(GROUP_SCOPES, [
    'GET /actions/runner-groups',
    'POST /actions/runner-groups',
    'GET /actions/runner-groups/{runner_group_id}',
    'PATCH /actions/runner-groups/{runner_group_id}',
    'DELETE /actions/runner-groups/{runner_group_id}',
    'GET /actions/runner-groups/{runner_group_id}/runners',
    'PUT /actions/runner-groups/{runner_group_id}/runners',
    'PUT /actions/runner-groups/{runner_group_id}/runners/{runner_id}',
    'DELETE /actions/runner-groups/{runner_group_id}/runners/{runner_id}',
  ]),
  ...under(
    ['/orgs/{org}'],
    [
      'GET /actions/runner-groups/{runner_group_id}/repositories',
      'PUT /actions/runner-groups/{runner_group_id}/repositories',
      'PUT /actions/runner-groups/{runner_group_id}/repositories/{repository_id}',
      'DELETE /actions/runner-groups/{runner_group_id}/repositories/{repository_id}',
    ],
  ),
  ...under(
    ['/enterprises/{enterprise}'],
    [
      'GET /actions/runner-groups/{runner_group_id}/organizations',
      'PUT /actions/runner-groups/{runner_group_id}/organizations',
      'PUT /actions/runner-groups/{runner_group_id}/organizations/{org_id}',
      'DELETE /actions/runner-groups/{runner_group_id}/organizations/{org_id}',
    ],
  ),
  // The API's root, the token's user and its rate limit, organizations and repositories.
  'GET /',
  'GET /user',
  'GET /rate_limit',
  'GET /orgs/{org}',
  // An organization's repositories, to open a runner group to some of them.
  'GET /orgs/{org}/repos',
  'GET /repos/{owner}/{repo}',
  // Workflow runs and their jobs ("why is this job waiting").
  'GET /repos/{owner}/{repo}/actions/runs',
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
  // The Actions settings the Security tab reviews, and the PUTs of its fixes.
  ...under(RUNNER_SCOPES, ['GET /actions/permissions']),
  ...under(['/orgs/{org}'], ['GET /actions/permissions/self-hosted-runners', 'PUT /actions/permissions/self-hosted-runners']),
  ...under(
    ['/orgs/{org}', '/repos/{owner}/{repo}'],
    [
      'GET /actions/permissions/fork-pr-contributor-approval',
      'PUT /actions/permissions/fork-pr-contributor-approval',
      'GET /actions/permissions/fork-pr-workflows-private-repos',
      'PUT /actions/permissions/fork-pr-workflows-private-repos',
      'GET /actions/permissions/workflow',
      'PUT /actions/permissions/workflow',
    ],
  ),
];

// Schemas shared by every operation: GitHub's error body, for statuses an operation does not
// describe (GitHub answers 401, 403 and 404 everywhere).
const SHARED_SCHEMAS = ['basic-error'];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'tests', 'contract', 'openapi');
const packageDir = join(TOOLS, `octokit-openapi-${OPENAPI_VERSION}`, 'node_modules', ...PACKAGE.split('/'));

const ANNOTATIONS = new Set(['title', 'description', 'example', 'externalDocs']);

/** A schema without annotations; validation keywords untouched, `enum` and `default` verbatim. */
function schema(s) {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (ANNOTATIONS.has(k) || k.startsWith('x-')) continue;
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, p]) => [name, schema(p)]));
    } else if (k === 'items' || k === 'additionalProperties' || k === 'not') {
      out[k] = schema(v);
    } else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') {
      out[k] = v.map(schema);
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** A media type map: each type's schema and examples (the examples verbatim). */
function content(c) {
  if (!c) return undefined;
  return Object.fromEntries(
    Object.entries(c).map(([type, media]) => {
      const m = { schema: schema(media.schema) };
      if (media.examples) {
        m.examples = Object.fromEntries(
          Object.entries(media.examples).map(([name, e]) => [name, { value: e.value }]),
        );
      } else if (media.example !== undefined) {
        m.examples = { default: { value: media.example } };
      }
      return [type, m];
    }),
  );
}

function operation(op) {
  const out = {
    operationId: op.operationId,
    docs: op.externalDocs?.url,
    parameters: (op.parameters || []).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required === true,
      schema: schema(p.schema),
    })),
  };
  if (op.requestBody) {
    out.requestBody = { required: op.requestBody.required === true, content: content(op.requestBody.content) };
  }
  out.responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, r]) => {
      const response = { description: r.description };
      if (r.headers) response.headers = Object.keys(r.headers);
      const c = content(r.content);
      if (c) response.content = c;
      return [status, response];
    }),
  );
  return out;
}

/** One line per operation and shared schema: small, and a diff names the operation that changed. */
function layout(out) {
  const lines = Object.entries(out).map(([k, v]) => {
    if (k !== 'operations' && k !== 'schemas') return ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
    const entries = Object.entries(v).map(([name, o]) => `  ${JSON.stringify(name)}: ${JSON.stringify(o)}`);
    return ` ${JSON.stringify(k)}: {\n${entries.join(',\n')}\n }`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

function extract(name, extractorSha256) {
  const source = `generated/${name}.deref.json`;
  const spec = JSON.parse(readFileSync(join(packageDir, source), 'utf8'));
  // The dereferenced file has no components: the shared schemas come from the plain one.
  const plain = JSON.parse(readFileSync(join(packageDir, `generated/${name}.json`), 'utf8'));
  const operations = {};
  const absent = [];
  for (const key of OPERATIONS) {
    const [method, path] = key.split(' ');
    const op = spec.paths[path]?.[method.toLowerCase()];
    if (op) operations[key] = operation(op);
    else absent.push(key);
  }
  const schemas = Object.fromEntries(SHARED_SCHEMAS.map((s) => [s, schema(plain.components.schemas[s])]));
  const out = {
    package: PACKAGE,
    version: OPENAPI_VERSION,
    source,
    extractor_sha256: extractorSha256,
    deployment: name,
    plan: spec.info['x-github-plan'],
    servers: spec.servers.map((s) => s.url),
    operations,
    absent,
    schemas,
  };
  const text = layout(out);
  if (text.includes('"$ref"')) throw new Error(`${name}: a $ref is left in the subset`);
  return text;
}

const check = process.argv.includes('--check');
if (!existsSync(join(packageDir, 'package.json'))) {
  if (check) {
    console.error(`openapi-extract: ${PACKAGE}@${OPENAPI_VERSION} is not installed (scripts/setup.sh openapi)`);
    process.exit(2);
  }
  execFileSync('bash', [join(ROOT, 'scripts', 'setup.sh'), 'openapi'], { stdio: 'inherit' });
}
const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
if (installed !== OPENAPI_VERSION) {
  console.error(`openapi-extract: ${PACKAGE} ${installed} is installed, ${OPENAPI_VERSION} is wanted`);
  process.exit(2);
}
const extractorSha256 = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex');
mkdirSync(OUT, { recursive: true });
let differ = 0;
for (const name of DEPLOYMENTS) {
  const file = join(OUT, `${name}.json`);
  const text = extract(name, extractorSha256);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (check) {
    if (old !== text) {
      differ += 1;
      console.error(`openapi-extract: ${file} differs from a fresh extraction of ${PACKAGE}@${OPENAPI_VERSION}`);
      const fresh = text.split('\n');
      const committed = (old ?? '').split('\n');
      const changed = fresh.filter((line, i) => line !== committed[i]).map((line) => line.trim().split('": ')[0].replace(/^"/, ''));
      console.error(`  first differing lines: ${changed.slice(0, 5).join(', ') || '(lines removed)'}`);
    }
  } else if (old !== text) {
    writeFileSync(file, text);
    console.log(`openapi-extract: wrote ${file} (${text.length} B)`);
  }
}
if (check) {
  console.log(`openapi-extract: ${DEPLOYMENTS.length - differ} of ${DEPLOYMENTS.length} subsets match the package`);
  if (differ) console.error('openapi-extract: run `node scripts/openapi-extract.mjs` and commit tests/contract/openapi/');
  process.exit(differ ? 1 : 0);
}
