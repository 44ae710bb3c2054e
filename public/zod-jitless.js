// Runs before the app's modules (a classic script, allowed by script-src 'self'): zod 4
// probes `new Function` while its schemas are built, and our CSP (no 'unsafe-eval') reports
// that probe as a violation. With `jitless` zod skips the probe and parses interpreted.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
