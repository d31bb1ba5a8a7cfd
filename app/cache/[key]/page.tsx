import HomePage from '@/app/(site)/page';

export const dynamic = 'force-static';

/** The home page for everyone (no ?p= or paging: those render live). */
export default function CachedHomePage() {
  return HomePage({ searchParams: Promise.resolve({}) });
}
