// Trunk's post_build hook (see Trunk.toml): finishes the staged page before Trunk moves it to dist/.
//
// 1. Drops Trunk's `<link rel=preload ... type=application/wasm>`: Chromium ignores `integrity` on
//    fetch preloads and its console warning names the page URL, which may hold a pasted token.
//    The module script loads the wasm anyway.
// 2. Release builds: minifies wasm-bindgen's JS glue with terser (Trunk's own JS minifier cannot
//    parse it) and rewrites the glue's `integrity` hash in index.html to match.
//
// terser comes from scripts/setup.sh (npm registry, pinned). Without it the glue ships
// unminified, with a warning: bigger, never broken.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TERSER_VERSION = '5.51.2';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

html = html.replace(/<link\b[^>]*\btype="?application\/wasm"?[^>]*>/g, '');

if (release) {
  const terser = loadTerser();
  for (const name of readdirSync(staging).filter((f) => f.endsWith('.js'))) {
    if (!terser) break;
    const path = join(staging, name);
    const { code } = await terser.minify(readFileSync(path, 'utf8'), { module: true, ecma: 2020, compress: { passes: 2 } });
    writeFileSync(path, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    html = html.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(`/${name}`) ? tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${integrity}$1`) : tag);
  }
}

writeFileSync(htmlPath, html);

function loadTerser() {
  const tools = process.env.RUNNER_TOKEN_TOOLS || join(homedir(), '.cache', 'runner-token-tools');
  const dir = join(tools, `terser-${TERSER_VERSION}`);
  if (!existsSync(join(dir, 'node_modules', 'terser'))) {
    console.warn(`post-build: terser ${TERSER_VERSION} is not installed in ${dir}; the JS glue ships unminified (run scripts/setup.sh)`);
    return null;
  }
  return createRequire(join(dir, 'package.json'))('terser');
}
