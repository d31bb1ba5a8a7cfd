'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { BEACON_PATH } from '@/lib/stats/stats-beacon';

/**
 * Counts a page view (lib/stats.ts) once per page a reader opens: at load, also when the HTML
 * came from the page cache or a CDN, and after each move within the site, which Next makes
 * without loading a page. It sends only the path and the referring page; it reads and writes no
 * cookie or storage. The front server (server/stats.ts) decides what counts.
 */
export function PageViewBeacon() {
  const pathname = usePathname();
  useEffect(() => {
    const body = new URLSearchParams({ p: pathname });
    // Only the first page of a visit has an outside referrer; the rest come from this site.
    if (document.referrer && !sent) body.set('r', document.referrer);
    sent = true;
    navigator.sendBeacon?.(BEACON_PATH, body);
  }, [pathname]);
  return null;
}

let sent = false;
