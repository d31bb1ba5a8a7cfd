import { z } from 'zod';
import { normaliseNewlines } from './content';
import { MIN_PASSWORD_LENGTH } from './setup-input';

export const newAuthorInput = z.object({
  name: z.string().trim().min(1, 'Please enter their name.').max(100, 'Please keep the name under 100 characters.'),
  email: z.string().trim().toLowerCase().pipe(z.email('Please enter a valid email address.')),
  role: z.enum(['author', 'admin'], { error: 'Choose Author or Admin.' }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Please choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024, 'That password is too long.'),
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
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Please choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024, 'That password is too long.'),
});
