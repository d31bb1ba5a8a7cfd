import { z } from 'zod';
/** Ghost asks for 10 characters; a long phrase beats a short clever one. */
export const MIN_PASSWORD_LENGTH = 10;

/** The first-run form: the blog's name and its first admin. */
export const setupInput = z.object({
  blogTitle: z.string().trim().min(1, 'Please give your blog a title.').max(100, 'Please keep the title under 100 characters.'),
  name: z.string().trim().min(1, 'Please enter your name.').max(100, 'Please keep your name under 100 characters.'),
  email: z.string().trim().toLowerCase().pipe(z.email('Please enter a valid email address.')),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Please choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024, 'That password is too long.'),
});
