import { execFileSync } from 'node:child_process';

/** Build the bundled CLI once so CLI tests exercise the real artifact from the current source. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
