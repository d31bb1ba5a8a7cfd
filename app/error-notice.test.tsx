import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ErrorPage from './error';
import GlobalError from './global-error';

// What Next hands an error boundary in production: a server error with its message replaced and a
// digest, or a client error as thrown.
function serverError() {
  const error = new Error('SQLITE_CORRUPT: database disk image is malformed at /srv/blog/data/blog.db');
  return Object.assign(error, { digest: '2718281828' });
}

function text(html: string) {
  return html.replace(/<[^>]+>/g, ' ').replace(/&rsquo;/g, '’').replace(/\s+/g, ' ');
}

describe('the error pages', () => {
  for (const [name, Page] of [
    ['app/error.tsx', ErrorPage],
    ['app/global-error.tsx', GlobalError],
  ] as const) {
    it(`${name} says what happened, offers a retry and the way home, and shows no error details`, () => {
      const error = serverError();
      const html = renderToStaticMarkup(<Page error={error} retry={() => {}} />);
      expect(html).toMatch(/<h1[^>]*>Sorry, this page could not be shown\.<\/h1>/);
      expect(html).toMatch(/<button type="button"[^>]*>Try again<\/button>/);
      expect(html).toMatch(/<a [^>]*href="\/"[^>]*>Go to the home page<\/a>/);
      expect(text(html)).toContain('Reference: 2718281828');
      expect(html).not.toContain('SQLITE');
      expect(html).not.toContain('/srv/blog');
      expect(html).not.toContain(error.stack!.split('\n')[1]!.trim());
    });
  }

  it('global-error.tsx brings its own document, titled', () => {
    const html = renderToStaticMarkup(<GlobalError error={new Error('boom')} retry={() => {}} />);
    expect(html).toMatch(/^<html lang="en"><head>.*<\/head><body[^>]*>/);
    expect(html).toContain('<title>Something went wrong</title>');
    expect(html).not.toContain('boom');
    expect(html).not.toContain('Reference:');
  });
});
