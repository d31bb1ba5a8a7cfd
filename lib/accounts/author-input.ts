import { z } from 'zod';
import { normaliseNewlines } from '../posts/content';
import { MIN_PASSWORD_LENGTH } from './setup-input';

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Please choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1024, 'That password is too long.');

/** An author's id from a form or an address: digits only, so "1e3", "0x10" or "-1" are not ids. */
export const authorId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

export const newAuthorInput = z.object({
  name: z.string().trim().min(1, 'Please enter their name.').max(100, 'Please keep the name under 100 characters.'),
  email: z.string().trim().toLowerCase().pipe(z.email('Please enter a valid email address.')),
  role: z.enum(['author', 'admin'], { error: 'Choose Author or Admin.' }),
  password: newPassword,
});

export const profileInput = z.object({
  name: z.string().trim().min(1, 'Please enter your name.').max(100, 'Please keep your name under 100 characters.'),
  bio: z
    .string()
    .max(2000, 'Please keep the bio under 2,000 characters.')
    .transform((v) => normaliseNewlines(v).trim()),
});

export const passwordChangeInput = z.object({
  current: z.string().min(1, 'Please enter your current password.'),
  password: newPassword,
});

/** The password link's form (the link's token is checked by its hash, not here). */
export const passwordResetInput = z.object({ password: newPassword });
