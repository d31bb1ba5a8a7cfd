import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default) at OWASP's baseline: 19 MiB, 2 passes, 1 lane.
const params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, params);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email can't be told from a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('blogstead-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
