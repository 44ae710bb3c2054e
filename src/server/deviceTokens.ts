import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './store/db';

/**
 * Device tokens that prove themselves: `random.signature`, the signature an
 * HMAC of the session code and the random part under a secret kept in the
 * database (shared by all instances, apart from the facilitator's cookie
 * secret so rotating one leaves the other). A forged or mistyped token is
 * refused by arithmetic, before any database work, so a flood of bogus
 * tokens cannot queue the hall's real comments behind lookups. Tokens minted
 * before signing existed (no dot) are still looked up, but only while their
 * address has refusals to spare.
 */
export class DeviceTokens {
  private constructor(private readonly secret: Buffer) {}

  static async open(db: Db): Promise<DeviceTokens> {
    await db.query(
      `INSERT INTO settings (key, value) VALUES ('device_token_secret', $1) ON CONFLICT (key) DO NOTHING`,
      [randomBytes(32).toString('base64')],
    );
    const [row] = await db.query<{ value: string }>(
      `SELECT value FROM settings WHERE key = 'device_token_secret'`,
    );
    return new DeviceTokens(Buffer.from(row!.value, 'base64'));
  }

  private sign(sid: string, random: string): string {
    return createHmac('sha256', this.secret).update(`${sid}:${random}`).digest('base64url');
  }

  /** A new token for a device in session `sid`. */
  mint(sid: string): string {
    const random = randomBytes(24).toString('base64url');
    return `${random}.${this.sign(sid, random)}`;
  }

  /** `signed`: minted here for this session; `forged`: a signature that does not match; `legacy`: unsigned. */
  check(sid: string, token: string): 'signed' | 'forged' | 'legacy' {
    const dot = token.indexOf('.');
    if (dot < 0) return 'legacy';
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.sign(sid, token.slice(0, dot)));
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? 'signed'
      : 'forged';
  }
}
