import Link from 'next/link';
import { AuthCard } from '@/components/auth-card';

/** Unknown, used and expired password links: what happened and what to do, with a 404. */
export default function PasswordLinkNotFound() {
  return (
    <AuthCard title="This password link does not work">
      <p>
        A password link works once, within an hour of being made. This one has been used, has expired, or was copied
        incompletely.
      </p>
      <p className="mt-3">Ask an admin of this blog for a new link.</p>
      <p className="mt-6">
        <Link href="/login" className="link font-medium">
          Go to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
