import { ShareActions } from './share-actions';

/** Share links that need no third-party script: plain links to common networks, plus copy/share. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const networks = [
    { name: 'Email', href: `mailto:?subject=${t}&body=${u}` },
    { name: 'X', href: `https://twitter.com/intent/tweet?url=${u}&text=${t}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'Bluesky', href: `https://bsky.app/intent/compose?text=${t}%20${u}` },
  ];
  return (
    <div role="group" aria-label="Share this post" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600 dark:text-stone-400">Share:</span>
      <ShareActions url={url} title={title} />
      {networks.map((n) => (
        <a
          key={n.name}
          href={n.href}
          target="_blank"
          rel="noopener noreferrer"
          className="rounded-md border border-stone-300 px-2.5 py-1 hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
        >
          {n.name}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ))}
    </div>
  );
}
