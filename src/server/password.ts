import { createInterface } from 'node:readline';
import { hasPassword, setPassword } from './auth';
import type { Db } from './store/db';

/**
 * The facilitator password at start: FACILITATOR_PASSWORD sets (or resets)
 * it; without it, a first start on a terminal asks for one; otherwise the
 * server runs for participants and says how to enable facilitator login.
 */
export const MIN_PASSWORD_LENGTH = 8;

function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

export async function ensurePassword(db: Db, fromEnv: string | undefined): Promise<void> {
  if (fromEnv) {
    if (fromEnv.length < MIN_PASSWORD_LENGTH) {
      throw new Error(`FACILITATOR_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    if ((await setPassword(db, fromEnv)) === 'changed') {
      console.log(
        'Facilitator password set from FACILITATOR_PASSWORD (stored as an scrypt hash); ' +
          'any earlier facilitator logins have ended.',
      );
    }
    return;
  }
  if (await hasPassword(db)) return;
  if (process.stdin.isTTY) {
    for (;;) {
      const password = await ask(
        `Choose the facilitator password (at least ${MIN_PASSWORD_LENGTH} characters): `,
      );
      if (password.length >= MIN_PASSWORD_LENGTH) {
        await setPassword(db, password);
        console.log('Facilitator password stored (as an scrypt hash).');
        return;
      }
      console.log('Too short.');
    }
  }
  console.warn(
    'No facilitator password is set, so nobody can log in as facilitator yet. ' +
      'Participants can still comment in open sessions. Restart with FACILITATOR_PASSWORD=… to set one.',
  );
}
