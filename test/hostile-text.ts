/**
 * Megabyte strings made of the pieces that send a backtracking regex quadratic: an opener that is
 * never closed, repeated, so every start scans to the end of the text. Tests feed them to every
 * function that reads text a user or a backup supplies; each must finish within Vitest's default
 * timeout, which on the old regexes took minutes to hours.
 */
export const MB = 1024 * 1024;

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Markup that never closes: the shapes of an HTML body or a WordPress post. */
export function hostileMarkup(size = MB): Record<string, string> {
  return {
    '<a repeated': fill('<a', size),
    '"<a " without >': fill('<a ', size),
    'unclosed tags': fill('<p><b><span>', size),
    'unclosed <script>': fill('<script>', size),
    'unclosed <br': fill('<br', size),
    'unclosed <pre': fill('<pre', size),
    '<pre> without </pre>': fill('<pre>', size),
    '[caption without end': fill('[caption', size),
    '[caption] without [/caption]': fill('[caption]', size),
    '[caption] then spaces': `[caption]${' '.repeat(size)}x[/caption]`,
    '<!-- wp: unclosed': fill('<!-- wp:', size),
    '<!-- unclosed, then spaces': fill(`<!--${' '.repeat(64)}`, size),
    'jump break without >': fill(`<a name="more"${' '.repeat(64)}`, size),
    'href with a run of spaces': `<a href="x${' '.repeat(size)}x">y</a>`,
    'href full of comments': `<a href="${fill('a<!---->', size)}">y</a>`,
    'srcset with a run of spaces': `<img src="a.png" srcset="a.png${' '.repeat(size)}1x">`,
    'deep nesting': fill('<div>', size),
    'deep nesting, then stray closing tags': fill('<div>', size / 2) + fill('</b>', size / 2),
    '& without ;': fill('&#', size),
  };
}

/** Plain text: the shapes of a comment, a title, a search or an address. */
export function hostilePlainText(size = MB): Record<string, string> {
  return {
    'long run of spaces': `a${' '.repeat(size)}a`,
    'long run of dots': fill('.', size),
    'address then dots': `http://x${'.'.repeat(size)}a`,
    'address then brackets': `http://x${')'.repeat(size)}a`,
    'http:// repeated': fill('http://', size),
    'http:// and a space repeated': fill('http:// ', size),
    'www. repeated': fill('www.', size),
    'a.a.a.a…': fill('a.', size),
    'www.a-a-a… without a dot': `www.${fill('a-', size)}`,
    'newlines and spaces': fill(`\n${' '.repeat(63)}`, size),
    'slashes': `${'/'.repeat(size)}x`,
    'carriage returns': fill('\r', size),
    'search highlight markers': fill('\u0002', size),
  };
}
