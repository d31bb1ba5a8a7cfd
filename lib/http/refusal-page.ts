import { escapeHtml } from '../posts/content';

type RefusalPage = {
  status: number;
  title: string;
  message: string;
  details?: string[];
  back: { href: string; label: string; after?: string };
  headers?: HeadersInit;
};

/**
 * The small page a form posted without JavaScript gets when it is refused: what went wrong, in
 * words, with the HTTP status it deserves and a way back. Used by the comment form and the import.
 */
export function refusalPage(page: RefusalPage): Response {
  const { status, headers, body } = refusalPageParts(page);
  return new Response(body, { status, headers });
}

/** The same page as status, headers and HTML, for a server that answers without a `Response`. */
export function refusalPageParts({ status, title, message, details = [], back, headers }: RefusalPage): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  const list = details.length ? `<ul>${details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.25rem;color:#1c1917;background:#f5f5f4}a{color:#b4410f}@media(prefers-color-scheme:dark){body{color:#f5f5f4;background:#0c0a09}a{color:#fdba74}}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${list}
<p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a>${back.after ? ` ${escapeHtml(back.after)}` : ''}</p></body></html>`;
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...Object.fromEntries(new Headers(headers)) },
    body: html,
  };
}
