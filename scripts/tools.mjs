// The npm tools scripts/setup.sh installs, for the node scripts that load them: the folder they
// are in and each one's pinned version, read from scripts/versions.env (the only place it is
// written).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TOOLS = process.env.RUNNER_TOKEN_TOOLS || join(homedir(), '.cache', 'runner-token-tools');

const pinned = new Map(
  readFileSync(new URL('./versions.env', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('=', 2)),
);

/** The version scripts/versions.env pins under `key` (`TERSER_VERSION`, ...); throws if none. */
export function version(key) {
  const v = pinned.get(key);
  if (!v) throw new Error(`scripts/versions.env pins no ${key}`);
  return v;
}
