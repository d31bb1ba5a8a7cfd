import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AuthCard } from '@/components/auth-card';
import { ForgotForm } from './forgot-form';

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } };

export default async function ForgotPasswordPage() {
  await connection();
  return (
    <AuthCard title="Forgot your password?" intro="Type the address you sign in with; we will email you a link to choose a new password.">
      <ForgotForm />
    </AuthCard>
  );
}
