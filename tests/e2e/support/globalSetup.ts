import { execFileSync } from 'node:child_process';

/** Builds dist-server/ once before the workers start, as `npm start`'s prestart would. */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['scripts/build-if-stale.js', '--server'], { stdio: 'inherit' });
}
