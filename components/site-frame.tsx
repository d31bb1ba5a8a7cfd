import type { Metadata } from 'next';
import Link from 'next/link';
import { getSettings } from '@/db/settings';
import { sanitizePostHtml } from '@/lib/posts/sanitize';
import { PageViewBeacon } from './page-view-beacon';
import { Sidebar } from './sidebar';
import { ThemeToggle } from './theme-toggle';

/** Metadata every reader page shares: the blog's title template, description and feeds. */
export async function siteMetadata(origin: string): Promise<Metadata> {
  const settings = await getSettings();
  return {
    metadataBase: new URL(origin),
    title: { default: settings.blogTitle, template: `%s | ${settings.blogTitle}` },
    description: settings.blogDescription || undefined,
    openGraph: { siteName: settings.blogTitle, type: 'website' },
    alternates: {
      types: {
        'application/atom+xml': [{ url: '/feeds/posts/default', title: `${settings.blogTitle} - Atom` }],
        'application/rss+xml': [{ url: '/feeds/posts/default?alt=rss', title: `${settings.blogTitle} - RSS` }],
        'application/feed+json': [{ url: '/feeds/posts/default?alt=json', title: `${settings.blogTitle} - JSON Feed` }],
      },
    },
  };
}

/** The blog's frame around every reader page: header, Header Ads gadget, sidebar, footer. */
export async function SiteFrame({ children }: { children: React.ReactNode }) {
  const settings = await getSettings();
  const headerAds = sanitizePostHtml(settings.headerAdsHtml);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <div className="relative mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
          <div className="absolute top-3 right-3 sm:top-4 sm:right-4">
            <ThemeToggle />
          </div>
          <p className="pr-10 font-serif text-4xl leading-tight font-semibold tracking-tight sm:text-5xl">
            <Link href="/" className="hover:text-accent dark:hover:text-orange-300">
              {settings.blogTitle}
            </Link>
          </p>
          {settings.blogDescription ? (
            <p className="mt-3 max-w-2xl text-lg text-stone-600 dark:text-stone-400">{settings.blogDescription}</p>
          ) : null}
        </div>
      </header>
      {headerAds ? (
        <aside aria-label="Header Ads" className="mx-auto mt-4 w-full max-w-6xl px-4 sm:px-6">
          <div className="prose prose-stone max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: headerAds }} />
        </aside>
      ) : null}
      <div className="mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
        <main id="main" className="min-w-0">
          {children}
        </main>
        <Sidebar settings={settings} />
      </div>
      <footer className="border-t border-stone-200 py-8 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
        {settings.gadgets.includes('attribution') ? <p>Powered by Blogstead</p> : null}
        <p className="mt-1">
          Subscribe to:{' '}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the feed is XML from a route handler, reached by a plain link */}
          <a href="/feeds/posts/default" className="link">
            Posts (Atom)
          </a>
        </p>
      </footer>
      <PageViewBeacon />
    </div>
  );
}
