// Trunk's post_build hook (see Trunk.toml): finishes the staged page before Trunk moves it to dist/.
//
// 1. Drops Trunk's `<link rel=preload ... type=application/wasm>`: Chromium ignores `integrity` on
//    fetch preloads and its console warning names the page URL, which may hold a pasted token.
//    The module script loads the wasm anyway.
// 2. Ships the lazy sections' chunks (src/lazy.rs), when the program has any: the chunk loader
//    `__wasm_split.js` and one `.wasm` per chunk, which scripts/bin/wasm-bindgen (the wrapper
//    Trunk runs in place of wasm-bindgen) left in target/wasm-bindgen/PROFILE/wasm-split. Each
//    chunk is optimised with wasm-opt -Oz (release) and renamed after its content's hash; the
//    loader fetches each with its `integrity` hash and imports Trunk's hashed glue; it is itself
//    renamed after its content and preloaded with its integrity (the glue imports it statically).
//    Everything is checked against the main wasm (what it imports, what the chunks import from
//    it), and the build fails rather than ship a page that cannot load its chunks.
//    dist/chunks.json lists the files for scripts/check-size.
// 3. Release builds: minifies the JS (the glue and the chunk loader) with terser (Trunk's own JS
//    minifier cannot parse the glue).
// 4. Gives the wasm subresource integrity too: the loader fetches it with an `integrity` hash
//    (Trunk only puts one on the preload, which browsers ignore for fetch preloads).
//    The loader is made an async module that requests the wasm before importing the glue, so the
//    wasm's download no longer waits for the glue and the stylesheet.
// 5. Sets every `integrity` in index.html from the files as finally staged.
// 6. Locks the page down: a Content-Security-Policy meta tag whose script-src allows only this
//    origin, 'wasm-unsafe-eval' and the SHA-256 of each inline script, and a `_headers` file
//    (Netlify, Cloudflare Pages) carrying the same policy plus what only headers can say
//    (frame-ancestors, nosniff). See docs/security.md. Chunks need nothing more: they are this
//    origin's files ('self' for the loader and the fetches), compiled under 'wasm-unsafe-eval'.
//    (src/github/api_base.rs reads the first line here naming the fetch directive: keep it below.)
//
// terser comes from scripts/setup.sh (npm registry, pinned). Without it the JS ships
// unminified, with a warning: bigger, never broken.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOLS, version } from './tools.mjs';

const TERSER_VERSION = version('TERSER_VERSION');
const BINARYEN_VERSION = version('BINARYEN_VERSION');
// Chunks (the `chunk = NAME` of split_view!) whose section is on the first screen: they load at
// start, so scripts/check-size counts them (and the shared chunks they need) in the first load.
const FIRST_SCREEN_CHUNKS = new Set([]);
// The module name the main wasm imports chunk loaders from (wasm_split_cli_support's default).
const LINK_MODULE = './__wasm_split.js';
// Imports the splitter rewrites; one left in the main wasm means it was never split.
const PLACEHOLDER_MODULE = '__wasm_split_placeholder__';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
  process.exit(2);
}
// Trunk reads only Trunk.toml, so the wasm-opt version it accepts is written there again. Said
// plainly when it differs from the one scripts/versions.env pins and setup.sh installs (Trunk
// itself would only report a tool it may not download, and only in release builds).
const trunkToml = readFileSync(join(process.env.TRUNK_SOURCE_DIR || process.cwd(), 'Trunk.toml'), 'utf8');
const trunkWasmOpt = trunkToml.match(/^wasm_opt\s*=\s*"version_([^"]*)"/m)?.[1];
if (trunkWasmOpt !== BINARYEN_VERSION) {
  console.error(`post-build: Trunk.toml's [tools] wasm_opt is version_${trunkWasmOpt}, scripts/versions.env pins binaryen ${BINARYEN_VERSION}`);
  process.exit(1);
}
const profile = process.env.TRUNK_PROFILE || 'debug';
const release = profile === 'release';
const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

html = html.replace(/<link\b[^>]*\btype="?application\/wasm"?[^>]*>/g, '');

// Trunk's own files, before anything is added to the staging dir.
const wasmName = readdirSync(staging).find((f) => f.endsWith('.wasm'));
const glueName = wasmName && wasmName.replace(/_bg\.wasm$/, '.js');
if (wasmName && !existsSync(join(staging, glueName))) fail(`no JS glue ${glueName} next to ${wasmName}`);

const split = wasmName ? shipChunks() : null;

const terser = release ? loadTerser() : null;
if (terser) {
  for (const name of readdirSync(staging).filter((f) => f.endsWith('.js'))) {
    const path = join(staging, name);
    const { code } = await terser.minify(readFileSync(path, 'utf8'), { module: true, ecma: 2020, compress: { passes: 2 } });
    writeFileSync(path, code);
  }
}

if (split) finishLoader(split);

if (wasmName) {
  const integrity = sri('sha384', readFileSync(join(staging, wasmName)));
  const before = html;
  html = html.replace(/module_or_path:\s*(['"])(\/[^'"]*\.wasm)\1/, `module_or_path: fetch($1$2$1, { integrity: '${integrity}' })`);
  if (html === before) fail('the wasm loader was not found in index.html; cannot give the wasm an integrity hash');
  // Trunk's loader is a deferred module that imports the glue statically: it runs only once the
  // glue and the stylesheet have arrived, and only then requests the wasm. Instead, a classic
  // script at the top of <head> requests the wasm while the HTML is still being parsed (beside
  // the stylesheet and the glue, as the preload scanner finds them), and an async module imports
  // the glue (which the modulepreload link is already fetching, with its integrity) and hands it
  // that request. It still mounts the page only once the document is parsed. Measured on the
  // mobile profile (scripts/bench's): the wasm's request left about 170 ms after the HTML had
  // arrived from a module script, about 100 ms from this one.
  const chained = html;
  const loader = /<script type="?module"?>\s*import init, \* as bindings from (['"])([^'"]+\.js)\1;\s*const wasm = await init\(\{ module_or_path: (fetch\([^)]*\)) \}\);/;
  const found = loader.exec(html);
  if (found) {
    const [, quote, glue, request] = found;
    html = html.replace(
      loader,
      '<script type=module async>const wasmRequest = self.runnerTokenWasm;\ndelete self.runnerTokenWasm;\n' +
        `const bindings = await import(${quote}${glue}${quote});\n` +
        "if (document.readyState === 'loading') await new Promise((parsed) => addEventListener('DOMContentLoaded', parsed, { once: true }));\n" +
        'const wasm = await bindings.default({ module_or_path: wasmRequest });');
    // The Content-Security-Policy meta goes in the same place later, so it comes before this.
    html = atHeadStart(html, `<script>self.runnerTokenWasm = ${request};</script>`);
  }
  if (html === chained) fail("Trunk's wasm loader changed shape; cannot start the wasm request before the glue loads");
}

// Every integrity hash on a link, from the file as it is now (after minifying and patching).
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const href = /\bhref=("?)([^"\s>]+)\1/.exec(tag);
  if (!href || !/\bintegrity=/.test(tag)) return tag;
  const name = href[2].split('/').pop();
  const path = join(staging, name);
  if (!existsSync(path)) fail(`index.html links ${href[2]} with an integrity hash, but there is no ${name}`);
  return tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${sri('sha384', readFileSync(path))}$1`);
});

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
html = atHeadStart(html, meta);

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
if (wasmName) writeManifest(split);

// `html` with `tag` first in <head>: right after the charset meta, which must stay first.
function atHeadStart(html, tag) {
  return /<meta charset=[^>]*>/i.test(html) ? html.replace(/(<meta charset=[^>]*>)/i, `$1${tag}`) : html.replace(/<head>/i, `<head>${tag}`);
}

// Copies the chunks and the loader of this very build into the staging dir (see 2. above), or
// returns null when the program has no split points. Fails on anything inconsistent.
function shipChunks() {
  const mainModule = new WebAssembly.Module(readFileSync(join(staging, wasmName)));
  const mainImports = WebAssembly.Module.imports(mainModule);
  if (WebAssembly.Module.customSections(mainModule, 'linking').length > 0) {
    fail(`${wasmName} still carries the linker's relocations (about 1 MB): it did not go through scripts/bin/wasm-bindgen, ` +
      'which splits it and drops them. Build with scripts/bin first on PATH (scripts/setup.sh build does it).');
  }
  if (mainImports.some((i) => i.module === PLACEHOLDER_MODULE)) {
    fail(`${wasmName} still imports from ${PLACEHOLDER_MODULE}: the wasm has split points but was not split. ` +
      'Build with scripts/bin first on PATH (scripts/setup.sh build does it), so Trunk runs its wasm-bindgen wrapper.');
  }
  const loaderImports = mainImports.filter((i) => i.module === LINK_MODULE).map((i) => i.name);
  if (loaderImports.length === 0) return null; // no split points: nothing to ship

  const outName = glueName.replace(/-[0-9a-f]+\.js$/, '').replace(/\.js$/, '');
  const dir = join(targetDir(), 'wasm-bindgen', profile, 'wasm-split');
  const stampPath = join(dir, 'stamp.json');
  if (!existsSync(stampPath)) fail(`${wasmName} loads chunks, but ${stampPath} is missing: was it built through scripts/bin/wasm-bindgen?`);
  const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  if (stamp.out_name !== outName) fail(`${stampPath} is for ${stamp.out_name}, not ${outName}`);
  if (stamp.glue_sha256 !== createHash('sha256').update(readFileSync(join(staging, glueName))).digest('hex')) {
    fail(`the chunks in ${dir} are not from this build: their glue differs from ${glueName}`);
  }

  let loader = readFileSync(join(dir, '__wasm_split.js'), 'utf8');
  for (const name of loaderImports) {
    if (!new RegExp(`^export const ${name} = `, 'm').test(loader)) fail(`${wasmName} imports ${name}, which __wasm_split.js does not export`);
  }
  const mainExports = new Set(WebAssembly.Module.exports(mainModule).map((e) => e.name));
  const shared = /const \{([^}]*)\} = initSync\(undefined, undefined\);/.exec(loader);
  if (!shared) fail("__wasm_split.js changed shape: no `initSync(undefined, undefined)` reading the main wasm's exports");
  for (const name of shared[1].split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!mainExports.has(name)) fail(`chunks need ${name} from the main wasm, which ${wasmName} does not export (did wasm-opt drop it?)`);
  }

  // Which split functions each chunk serves, from the linked wasm's import names.
  const functions = new Map();
  const input = stamp.input && existsSync(stamp.input) ? importNames(readFileSync(stamp.input)) : [];
  for (const name of input) {
    const m = /^__wasm_split_00(\w+?)00_import_[0-9a-f]{32}_(\w+)$/.exec(name);
    if (!m) continue;
    if (!functions.has(m[1])) functions.set(m[1], new Set());
    functions.get(m[1]).add(m[2]);
  }
  // What each loader needs: `const __chunk_N = makeLoad(...)` with a `/* splits */` comment for
  // shared chunks, `export const __wasm_split_load_X = wrapAsyncCb(makeLoad(..., [deps]))` for splits.
  const sharedChunks = new Map(); // variable -> { file, splits }
  for (const m of loader.matchAll(/\/\* ([^*]*) \*\/\nconst (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+)\.wasm"/g)) {
    sharedChunks.set(m[2], { file: m[3], splits: m[1].split(',').map((s) => s.trim()) });
  }
  const splits = new Map(); // split name -> { file, deps }
  for (const m of loader.matchAll(/^export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([^\]]*)\]\)\);$/gm)) {
    const file = /fetch\(new URL\("\.\/([\w.-]+)\.wasm"/.exec(m[2]);
    splits.set(m[1], { file: file && file[1], deps: m[3].split(',').map((s) => s.trim()).filter(Boolean) });
  }
  if (splits.size !== loaderImports.length) fail(`__wasm_split.js changed shape: ${splits.size} loaders found, ${wasmName} imports ${loaderImports.length}`);

  // Optimise, hash, rename and copy every chunk; point the loader at the new names with integrity.
  const optimise = release ? wasmOpt() : null;
  const shipped = new Map(); // original stem -> { file, bytes }
  const fetches = [...loader.matchAll(/fetch\(new URL\("\.\/([\w.-]+)\.wasm", import\.meta\.url\)\)/g)].map((m) => m[1]);
  const stems = new Set(fetches);
  if (fetches.length !== stems.size) fail('__wasm_split.js fetches a chunk twice');
  const listed = new Set(stamp.chunks.map((c) => c.replace(/\.wasm$/, '')));
  for (const stem of stems) {
    if (!listed.has(stem)) fail(`__wasm_split.js fetches ${stem}.wasm, which the split did not write`);
    let bytes = readFileSync(join(dir, `${stem}.wasm`));
    if (optimise) bytes = optimise(bytes, stem);
    const file = `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`;
    writeFileSync(join(staging, file), bytes);
    shipped.set(stem, { file, bytes });
  }
  let patched = 0;
  loader = loader.replace(/fetch\(new URL\("\.\/([\w.-]+)\.wasm", import\.meta\.url\)\)/g, (_, stem) => {
    patched++;
    const { file, bytes } = shipped.get(stem);
    return `fetch(new URL("./${file}", import.meta.url), { integrity: "${sri('sha384', bytes)}" })`;
  });
  if (patched !== shipped.size || /fetch\(new URL\("[^"]*", import\.meta\.url\)\)/.test(loader)) fail('a chunk fetch in __wasm_split.js was left without its integrity');
  const importLine = new RegExp(`^import \\{ initSync \\} from "\\./${outName}\\.js";$`, 'm');
  if (!importLine.test(loader)) fail(`__wasm_split.js does not import initSync from ./${outName}.js`);
  loader = loader.replace(importLine, `import { initSync } from "./${glueName}";`);
  writeFileSync(join(staging, '__wasm_split.js'), loader);

  const chunks = [];
  const neededAtStart = new Set();
  for (const [name, { file, deps }] of splits) {
    if (!FIRST_SCREEN_CHUNKS.has(name)) continue;
    if (file) neededAtStart.add(file);
    for (const d of deps) neededAtStart.add(sharedChunks.get(d)?.file);
  }
  for (const [stem, { file, bytes }] of shipped) {
    const ownSplit = [...splits].find(([, s]) => s.file === stem);
    const sharedBy = [...sharedChunks.values()].find((c) => c.file === stem);
    const serves = ownSplit ? [ownSplit[0]] : sharedBy ? sharedBy.splits : [];
    chunks.push({
      file,
      bytes: bytes.length,
      gzip_bytes: gzipSize(bytes),
      chunk: ownSplit ? ownSplit[0] : null,
      shared_by: sharedBy ? sharedBy.splits : [],
      functions: serves.flatMap((s) => [...(functions.get(s) ?? [])]).sort(),
      first_screen: neededAtStart.has(stem),
    });
  }
  for (const name of FIRST_SCREEN_CHUNKS) {
    if (!splits.has(name)) fail(`FIRST_SCREEN_CHUNKS names ${name}, which is no chunk of this program`);
  }
  return { chunks };
}

// After minifying: renames the loader after its content, points the glue's import at that name
// and preloads it (with its integrity) next to the glue.
function finishLoader(split) {
  const code = readFileSync(join(staging, '__wasm_split.js'));
  const name = `__wasm_split-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  renameSync(join(staging, '__wasm_split.js'), join(staging, name));
  const gluePath = join(staging, glueName);
  let glue = readFileSync(gluePath, 'utf8');
  let found = 0;
  glue = glue.replace(/(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g, (_, from, q) => {
    found++;
    return `${from}${q}./${name}${q}`;
  });
  // wasm-bindgen writes one import of the loader per chunk; all of them are the one module.
  if (found < 1) fail(`the glue ${glueName} does not import ./__wasm_split.js`);
  writeFileSync(gluePath, glue);
  let preloaded = false;
  html = html.replace(/<link\b[^>]*\brel="?modulepreload"?[^>]*>/g, (tag) => {
    if (preloaded || !tag.includes(`/${glueName}`)) return tag;
    preloaded = true;
    // The same link for the loader; its integrity is set with the others below.
    return tag + tag.replace(`/${glueName}`, `/${name}`);
  });
  if (!preloaded) fail(`no modulepreload link for ${glueName} in index.html to put the chunk loader's next to`);
  split.loader = name;
}

// The names a wasm module imports, read from its import section (the linked wasm, before the
// split, is not a module WebAssembly.Module would take apart cheaply).
function importNames(bytes) {
  let p = 8;
  const u32 = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const n = u32();
    const s = bytes.toString('utf8', p, p + n);
    p += n;
    return s;
  };
  const limits = () => {
    const flags = bytes[p++];
    u32();
    if (flags & 1) u32();
  };
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    if (id !== 2) {
      p += size;
      continue;
    }
    const names = [];
    for (let count = u32(); count > 0; count--) {
      name();
      names.push(name());
      const kind = bytes[p++];
      if (kind === 0) u32();
      else if (kind === 1) { p++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) p += 2;
      else if (kind === 4) { p++; u32(); }
      else fail(`unknown import kind ${kind} in the linked wasm`);
    }
    return names;
  }
  return [];
}

function writeManifest(split) {
  const file = (name) => {
    const bytes = readFileSync(join(staging, name));
    return { file: name, bytes: bytes.length, gzip_bytes: gzipSize(bytes) };
  };
  const manifest = {
    main: file(wasmName),
    glue: file(glueName),
    loader: split ? file(split.loader) : null,
    chunks: split ? split.chunks : [],
  };
  writeFileSync(join(staging, 'chunks.json'), JSON.stringify(manifest, null, 2) + '\n');
}

// The Cargo target dir Trunk builds in (where the wasm-bindgen wrapper left the chunks).
function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return process.env.CARGO_TARGET_DIR;
  const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const meta = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: source, encoding: 'utf8' });
  return JSON.parse(meta).target_directory;
}

// wasm-opt -Oz from PATH, which must be binaryen 132 (Debian's 108 emits a wasm that crashes).
function wasmOpt() {
  let version = '';
  try {
    version = execFileSync('wasm-opt', ['--version'], { encoding: 'utf8' });
  } catch {
    fail('wasm-opt is not on PATH (scripts/setup.sh build installs binaryen 132)');
  }
  if (!version.includes(`version ${BINARYEN_VERSION}`)) fail(`wasm-opt is ${version.trim()}, not binaryen ${BINARYEN_VERSION}`);
  const work = mkdtempSync(join(tmpdir(), 'wasm-opt-chunk-'));
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  return (bytes, stem) => {
    const input = join(work, `${stem}.wasm`);
    const output = join(work, `${stem}.opt.wasm`);
    writeFileSync(input, bytes);
    execFileSync('wasm-opt', ['-Oz', input, '--output', output], { stdio: ['ignore', 'ignore', 'inherit'] });
    return readFileSync(output);
  };
}

function gzipSize(bytes) {
  // gzip -9 itself, so the figures are the ones scripts/check-size computes.
  return execFileSync('gzip', ['-9c'], { input: bytes, maxBuffer: 64 << 20 }).length;
}

function sri(algorithm, bytes) {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

function loadTerser() {
  const dir = join(TOOLS, `terser-${TERSER_VERSION}`);
  if (!existsSync(join(dir, 'node_modules', 'terser'))) {
    console.warn(`post-build: terser ${TERSER_VERSION} is not installed in ${dir}; the JS glue ships unminified (run scripts/setup.sh)`);
    return null;
  }
  return createRequire(join(dir, 'package.json'))('terser');
}
