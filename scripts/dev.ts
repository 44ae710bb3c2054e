import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `npm run dev`: the consultation API (src/server, on API_PORT, default 8787,
 * data in ./data/dev) and Vite's dev server, which proxies /api to it
 * (vite.config.ts). Both stop together.
 */
const apiPort = process.env.API_PORT ?? '8787';
const env = {
  ...process.env,
  PORT: apiPort,
  HOST: '127.0.0.1',
  DATA_DIR: process.env.DATA_DIR ?? 'data/dev',
};
const node = process.execPath;
const children: ChildProcess[] = [
  spawn(node, ['--import', 'tsx', 'src/server/main.ts', '--api-only'], {
    env,
    stdio: 'inherit',
  }),
  spawn(node, ['node_modules/vite/bin/vite.js', ...process.argv.slice(2)], {
    env: { ...process.env, API_PORT: apiPort },
    stdio: 'inherit',
  }),
];
let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
