import 'server-only';
import { notFound } from 'next/navigation';
import { getAuthorById } from '@/db/authors';
import type { Author } from '@/db/schema';
import { authorId } from '@/lib/accounts/author-input';

/** The author behind an /admin/authors/ID address, for an admin only; otherwise the 404 page. */
export async function findManagedAuthor(admin: Author, rawId: string): Promise<Author> {
  if (admin.role !== 'admin') notFound();
  const parsed = authorId.safeParse(rawId);
  const author = parsed.success ? await getAuthorById(parsed.data) : undefined;
  if (!author) notFound();
  return author;
}
