import { config } from 'zod';

/**
 * zod 4 probes `new Function` while schemas are built; under a CSP without 'unsafe-eval'
 * the probe is reported as a violation. The page sets this before any module runs
 * (`public/zod-jitless.js`); the import worker imports this module first, for the same
 * behaviour in case a server sends a CSP header with the worker script.
 */
config({ jitless: true });
