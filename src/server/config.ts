import { resolve } from 'node:path';

/** Everything the server reads from the environment, with the defaults the README documents. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  distDir: string;
  /** Origins besides the request's own host accepted for facilitator actions (a reverse proxy's public URL). */
  publicOrigins: string[];
  /**
   * How many proxies of ours stand in front (TRUST_PROXY=N; `true` = 1; 0 = none): then believe
   * X-Forwarded-Host/-Proto, and take the client's address from the Nth X-Forwarded-For entry from the right.
   */
  trustProxy: number;
  limits: Limits;
}

export interface Limits {
  /** Comments a device may send at once, and how many per minute after that. */
  deviceBurst: number;
  devicePerMinute: number;
  /** Most comments in one session. */
  sessionMaxComments: number;
  /** Backstop per IP address over authenticated participant requests (a whole hall shares one address). */
  ipBurst: number;
  ipPerSecond: number;
  /** Per IP address: participant requests refused before their device is known (bad token, bad body, no session). */
  unauthenticatedBurst: number;
  unauthenticatedPerSecond: number;
  /** Device tokens one IP address may mint: a hall's worth at once, then slowly. */
  deviceTokensBurst: number;
  deviceTokensPerMinute: number;
  /** Failed facilitator logins per address (or known browser) before back-off starts. */
  loginBurst: number;
  /** The first back-off after those, in seconds; it doubles with each further failure. */
  loginEverySeconds: number;
  /** The longest back-off, in seconds. */
  loginMaxLockSeconds: number;
  /** Failed logins from all addresses in 15 minutes above which logins from new addresses are slowed (never refused). */
  loginAccountFailures: number;
}

export const DEFAULT_LIMITS: Limits = {
  deviceBurst: 10,
  devicePerMinute: 20,
  sessionMaxComments: 20_000,
  ipBurst: 2000,
  ipPerSecond: 200,
  unauthenticatedBurst: 30,
  unauthenticatedPerSecond: 1,
  deviceTokensBurst: 400,
  deviceTokensPerMinute: 20,
  loginBurst: 5,
  loginEverySeconds: 2,
  loginMaxLockSeconds: 900,
  loginAccountFailures: 100,
};

const int = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

function proxyHops(value: string | undefined): number {
  if (value === 'true') return 1;
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : 0;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  return {
    port: int(env.PORT, 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    distDir: resolve(root, env.DIST_DIR || 'dist'),
    publicOrigins: (env.PUBLIC_ORIGIN ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: proxyHops(env.TRUST_PROXY),
    limits: {
      deviceBurst: int(env.LIMIT_DEVICE_BURST, DEFAULT_LIMITS.deviceBurst),
      devicePerMinute: int(env.LIMIT_DEVICE_PER_MINUTE, DEFAULT_LIMITS.devicePerMinute),
      sessionMaxComments: int(env.SESSION_MAX_COMMENTS, DEFAULT_LIMITS.sessionMaxComments),
      ipBurst: int(env.LIMIT_IP_BURST, DEFAULT_LIMITS.ipBurst),
      ipPerSecond: int(env.LIMIT_IP_PER_SECOND, DEFAULT_LIMITS.ipPerSecond),
      loginBurst: int(env.LIMIT_LOGIN_BURST, DEFAULT_LIMITS.loginBurst),
      unauthenticatedBurst: int(
        env.LIMIT_UNAUTHENTICATED_BURST,
        DEFAULT_LIMITS.unauthenticatedBurst,
      ),
      unauthenticatedPerSecond: int(
        env.LIMIT_UNAUTHENTICATED_PER_SECOND,
        DEFAULT_LIMITS.unauthenticatedPerSecond,
      ),
      deviceTokensBurst: int(env.LIMIT_DEVICE_TOKENS_BURST, DEFAULT_LIMITS.deviceTokensBurst),
      deviceTokensPerMinute: int(
        env.LIMIT_DEVICE_TOKENS_PER_MINUTE,
        DEFAULT_LIMITS.deviceTokensPerMinute,
      ),
      loginEverySeconds: int(env.LIMIT_LOGIN_EVERY_SECONDS, DEFAULT_LIMITS.loginEverySeconds),
      loginMaxLockSeconds: int(
        env.LIMIT_LOGIN_MAX_LOCK_SECONDS,
        DEFAULT_LIMITS.loginMaxLockSeconds,
      ),
      loginAccountFailures: int(
        env.LIMIT_LOGIN_ACCOUNT_FAILURES,
        DEFAULT_LIMITS.loginAccountFailures,
      ),
    },
  };
}
