import { createInterface } from 'node:readline';
import { DEFAULT_FACILITATOR, MIN_PASSWORD_LENGTH, Username } from '../lib/consultation/api';
import { hasPassword, setPassword } from './auth';
import type { Db } from './store/db';

/**
 * The first facilitator account at start: FACILITATOR_PASSWORD sets (or
 * resets) the password of the account FACILITATOR_USER (default 主持人),
 * making it when it does not exist; without it, a first start on a terminal
 * asks for one; otherwise the server runs for participants and says how to
 * enable facilitator login. Further accounts are added by a logged-in facilitator.
 */
export { MIN_PASSWORD_LENGTH };

function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

/** FACILITATOR_USER checked like every username (1–32 characters, no control characters). */
export function firstUsername(fromEnv: string | undefined): string {
  if (fromEnv === undefined || fromEnv === '') return DEFAULT_FACILITATOR;
  const parsed = Username.safeParse(fromEnv);
  if (!parsed.success) {
    throw new Error(`FACILITATOR_USER is not a usable name: ${parsed.error.issues[0]!.message}.`);
  }
  return parsed.data;
}

export async function ensurePassword(
  db: Db,
  fromEnv: string | undefined,
  username: string = DEFAULT_FACILITATOR,
): Promise<void> {
  if (fromEnv) {
    if (fromEnv.length < MIN_PASSWORD_LENGTH) {
      throw new Error(`FACILITATOR_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    const outcome = await setPassword(db, fromEnv, username);
    if (outcome === 'changed') {
      console.log(
        `Password of the facilitator ${username} set from FACILITATOR_PASSWORD (stored as an scrypt hash); ` +
          'their earlier logins have ended.',
      );
    } else if (outcome === 'created') {
      console.log(
        `Facilitator account ${username} made with the password from FACILITATOR_PASSWORD (stored as an scrypt hash).`,
      );
    }
    return;
  }
  if (await hasPassword(db)) return;
  if (process.stdin.isTTY) {
    for (;;) {
      const password = await ask(
        `Choose the password of the facilitator ${username} (at least ${MIN_PASSWORD_LENGTH} characters): `,
      );
      if (password.length >= MIN_PASSWORD_LENGTH) {
        await setPassword(db, password, username);
        console.log(`Facilitator ${username} stored (the password as an scrypt hash).`);
        return;
      }
      console.log('Too short.');
    }
  }
  console.warn(
    'No facilitator account is set, so nobody can log in as facilitator yet. ' +
      'Participants can still comment in open sessions. Restart with FACILITATOR_PASSWORD=… to set one.',
  );
}
