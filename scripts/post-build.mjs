// Trunk's post_build hook (see Trunk.toml): finishes the staged page before Trunk moves it to dist/.
//
// 1. Drops Trunk's `<link rel=preload ... type=application/wasm>`: Chromium ignores `integrity` on
//    fetch preloads and its console warning names the page URL, which may hold a pasted token.
//    The module script loads the wasm anyway.
// 2. Release builds: minifies wasm-bindgen's JS glue with terser (Trunk's own JS minifier cannot
//    parse it) and rewrites the glue's `integrity` hash in index.html to match.
// 3. Gives the wasm subresource integrity too: the loader fetches it with an `integrity` hash
//    (Trunk only puts one on the preload, which browsers ignore for fetch preloads).
//    The loader is made an async module that requests the wasm before importing the glue, so the
//    wasm's download no longer waits for the glue and the stylesheet.
// 4. Locks the page down: a Content-Security-Policy meta tag whose script-src allows only this
//    origin, 'wasm-unsafe-eval' and the SHA-256 of each inline script, and a `_headers` file
//    (Netlify, Cloudflare Pages) carrying the same policy plus what only headers can say
//    (frame-ancestors, nosniff). See docs/security.md.
//
// terser comes from scripts/setup.sh (npm registry, pinned). Without it the glue ships
// unminified, with a warning: bigger, never broken.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const TERSER_VERSION = '5.51.2';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

html = html.replace(/<link\b[^>]*\btype="?application\/wasm"?[^>]*>/g, '');

const terser = release ? loadTerser() : null;
if (terser) {
  for (const name of readdirSync(staging).filter((f) => f.endsWith('.js'))) {
    const path = join(staging, name);
    const { code } = await terser.minify(readFileSync(path, 'utf8'), { module: true, ecma: 2020, compress: { passes: 2 } });
    writeFileSync(path, code);
    const integrity = sri('sha384', code);
    html = html.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(`/${name}`) ? tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${integrity}$1`) : tag);
  }
}

const wasmName = readdirSync(staging).find((f) => f.endsWith('.wasm'));
if (wasmName) {
  const integrity = sri('sha384', readFileSync(join(staging, wasmName)));
  const before = html;
  html = html.replace(/module_or_path:\s*(['"])(\/[^'"]*\.wasm)\1/, `module_or_path: fetch($1$2$1, { integrity: '${integrity}' })`);
  if (html === before) fail('the wasm loader was not found in index.html; cannot give the wasm an integrity hash');
  // Trunk's loader is a deferred module that imports the glue statically: it runs only once the
  // glue and the stylesheet have arrived, and only then requests the wasm. As an async module that
  // requests the wasm first and then imports the glue (which the modulepreload link is already
  // fetching, with its integrity), the wasm's download starts as soon as the HTML is parsed. It
  // still mounts the page only once the document is parsed.
  const chained = html;
  html = html.replace(
    /<script type="?module"?>import init, \* as bindings from (['"])([^'"]+\.js)\1;\s*const wasm = await init\(\{ module_or_path: (fetch\([^)]*\)) \}\);/,
    '<script type=module async>const wasmRequest = $3;\nconst bindings = await import($1$2$1);\n' +
      "if (document.readyState === 'loading') await new Promise((parsed) => addEventListener('DOMContentLoaded', parsed, { once: true }));\n" +
      'const wasm = await bindings.default({ module_or_path: wasmRequest });');
  if (html === chained) fail("Trunk's wasm loader changed shape; cannot start the wasm request before the glue loads");
}

const inlineHashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf('>'))) && m[1].length > 0)
  .map((m) => `'${sri('sha256', m[1])}'`);
if (inlineHashes.length === 0) fail('no inline loader script found in index.html');

const policy = (hashes) => [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  // GitHub and any GitHub Enterprise Server are https origins; plain http only on this machine.
  // (Chromium rejects IPv6 literals in source lists, and warns with the page URL: no [::1].)
  // These hosts are CSP_HTTP_HOSTS in src/github/api_base.rs, which refuses any other.
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const csp = policy(inlineHashes);
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
// Right after <head> (or the charset meta): a policy only covers what comes after it.
html = /<meta charset=[^>]*>/i.test(html) ? html.replace(/(<meta charset=[^>]*>)/i, `$1${meta}`) : html.replace(/<head>/i, `<head>${meta}`);

writeFileSync(join(staging, '_headers'), [
  '/*',
  `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '  X-Frame-Options: DENY',
  '  Cross-Origin-Opener-Policy: same-origin',
  '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()',
  '',
].join('\n'));

writeFileSync(htmlPath, html);

function sri(algorithm, bytes) {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

function loadTerser() {
  const tools = process.env.RUNNER_TOKEN_TOOLS || join(homedir(), '.cache', 'runner-token-tools');
  const dir = join(tools, `terser-${TERSER_VERSION}`);
  if (!existsSync(join(dir, 'node_modules', 'terser'))) {
    console.warn(`post-build: terser ${TERSER_VERSION} is not installed in ${dir}; the JS glue ships unminified (run scripts/setup.sh)`);
    return null;
  }
  return createRequire(join(dir, 'package.json'))('terser');
}
