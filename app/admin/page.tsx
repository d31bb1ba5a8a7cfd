import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { hasSignInAuthor } from '@/db/authors';
import { AuthCard } from '@/components/auth-card';
import { ListScreen } from './posts/list-screen';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Posts' };

export default async function AdminPage({
  searchParams,
}: {
  searchParams?: Promise<{ status?: string; label?: string; q?: string; notice?: string; n?: string }>;
}) {
  await connection();
  // First run, like WordPress and Ghost: until someone can sign in, /admin creates the first admin.
  if (!(await hasSignInAuthor())) {
    return (
      <AuthCard title="Welcome to Blogstead" intro="Name your blog and create the first admin account.">
        <SetupForm />
      </AuthCard>
    );
  }
  const author = await requireAuthor();
  return <ListScreen author={author} type="post" params={(await searchParams) ?? {}} />;
}
