import { resolve } from 'node:path';
import { createLogger, loadConfigFromFile, type Logger } from 'vite';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');

/** A logger that keeps Vite's warnings instead of printing them. */
function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = createLogger('warn');
  logger.warn = (msg) => void warnings.push(msg);
  logger.warnOnce = (msg) => void warnings.push(msg);
  return { logger, warnings };
}

// Every Vite and Vitest start bundles these configs and everything they import; an extensionless
// relative import anywhere in that graph printed a wall of `configLoader: 'native'` warnings.
describe('Vite configs load without warnings', () => {
  for (const file of ['vite.config.ts', 'vite.server.config.ts', 'bench/vite.baseline.config.ts']) {
    it(file, async () => {
      // The check must run even where a developer has silenced it.
      delete process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING;
      const { logger, warnings } = recordingLogger();
      const loaded = await loadConfigFromFile(
        { command: 'build', mode: 'production' },
        resolve(repo, file),
        repo,
        'warn',
        logger,
      );
      expect(loaded?.config).toBeTruthy();
      expect(warnings.join('\n')).toBe('');
    });
  }
});
