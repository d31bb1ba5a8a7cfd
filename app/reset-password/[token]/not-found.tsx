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
      <p className="mt-3">Ask for a new link by email, or ask an admin of this blog for one.</p>
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/login/forgot" className="link font-medium">
          Email me a new link
        </Link>
        <Link href="/login" className="link font-medium">
          Go to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
