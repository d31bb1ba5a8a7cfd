import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportError } from './types';

/** Namespaces the readers match elements by (the prefix in a file can be anything). */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  app: 'http://purl.org/atom/app#',
  thr: 'http://purl.org/syndication/thread/1.0',
  gd: 'http://schemas.google.com/g/2005',
  blogger2018: 'http://schemas.google.com/blogger/2018',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
} as const;

/**
 * Prefixes real exports use, for files that use them without declaring them (the classic Blogger
 * export writes app:draft with no xmlns:app). A declared prefix always wins.
 */
const KNOWN_PREFIXES: Record<string, string> = {
  app: NS.app,
  thr: NS.thr,
  gd: NS.gd,
  blogger: NS.blogger2018,
  georss: 'http://www.georss.org/georss',
  openSearch: 'http://a9.com/-/spec/opensearchrss/1.0/',
  media: 'http://search.yahoo.com/mrss/',
  content: NS.content,
  dc: NS.dc,
  wfw: NS.wfw,
  wp: 'http://wordpress.org/export/1.2/',
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
};

/** WordPress has used /export/1.0/, 1.1/ and 1.2/ for the same elements. */
export function isWordPressNs(uri: string): boolean {
  return /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/.test(uri);
}

export type XmlNode = {
  uri: string;
  local: string;
  /** Attributes by local name (the formats read here never need two with the same local name). */
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
};

/** Text content of the first child with this namespace and name, trimmed; '' when absent. */
export function childText(node: XmlNode, uri: string | ((u: string) => boolean), local: string): string {
  return child(node, uri, local)?.text.trim() ?? '';
}

export function child(node: XmlNode, uri: string | ((u: string) => boolean), local: string): XmlNode | undefined {
  return node.children.find((c) => c.local === local && (typeof uri === 'string' ? c.uri === uri : uri(c.uri)));
}

export function children(node: XmlNode, uri: string | ((u: string) => boolean), local: string): XmlNode[] {
  return node.children.filter((c) => c.local === local && (typeof uri === 'string' ? c.uri === uri : uri(c.uri)));
}

/**
 * What one entry (an Atom <entry>, a WordPress <item>, or any other record) may hold. Real
 * exports stay far below: a post is a few MB of HTML at most, a WordPress item with 10,000
 * comments has about 150,000 elements, and attributes are short addresses and names. The bounds
 * are checked while the entry is still being read, so a hostile file is refused before it fills
 * memory, and the reader never holds more than about one bound's worth.
 */
export const ENTRY_LIMITS = {
  /** Text and attribute values, in characters; also the longest text, comment or tag anywhere. */
  chars: 64 * 1024 * 1024,
  elements: 250_000,
  /** Elements inside elements (real exports: about 6). saxes looks a namespace up through every open element. */
  depth: 100,
  /** One start tag with all its attributes, in characters. */
  tagChars: 1024 * 1024,
} as const;

/** The input is handed to the parser in slices this long, so the bounds are checked between them. */
const SLICE = 64 * 1024;

export type XmlRecords = {
  /** The root element, e.g. {atom feed} or {rss}. */
  root: { uri: string; local: string };
  /** Elements at the record depth (children of <feed>, or of <rss><channel>), one at a time. */
  records: AsyncGenerator<XmlNode>;
};

/**
 * Reads XML as a stream and hands back one record element at a time (an Atom <entry>, an RSS
 * <item>), so memory holds one entry, never the whole file. Entity declarations are refused
 * outright: backups never contain them, and they are how XML bombs expand.
 */
export async function readXmlRecords(
  source: AsyncIterable<Uint8Array | string>,
  recordDepth: (root: { uri: string; local: string }) => number,
): Promise<XmlRecords> {
  const iterator = source[Symbol.asyncIterator]();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    // An undeclared prefix: the namespace real exports mean by it, or a stand-in so parsing goes on.
    resolvePrefix: (prefix: string) => (prefix === '' ? undefined : (KNOWN_PREFIXES[prefix] ?? `urn:undeclared:${prefix}`)),
  });

  const ready: XmlNode[] = [];
  const stack: XmlNode[] = [];
  let depth = 0;
  let wanted = Infinity;
  let root: { uri: string; local: string } | undefined;
  let failure: ImportError | undefined;
  let ended = false;
  // The entry being read: its characters and elements so far, and where it is in the file.
  let recordChars = 0;
  let recordElements = 0;
  let recordLine = 0;
  const recordCounts = new Map<string, number>();
  // Where the parser last reported anything: what it read since then, it holds unreported.
  let reportedAt = 0;
  // Where the start tag being read began (its name read, attributes still to come), or -1.
  let tagStart = -1;
  let tagName = '';
  // Set while the parser is told the input has ended: errors then mean the file was cut off.
  let closing = false;

  const fail = (message: string, status?: 413) => {
    failure ??= new ImportError(message, status);
  };
  /** Which entry: its kind and number, its id or title when already read, and its line. */
  const whichEntry = () => {
    const record = stack[0];
    if (!record) return tagStart >= 0 && depth + 1 === wanted ? 'An entry' : 'A part of the file outside any entry';
    const known =
      childText(record, NS.atom, 'id') || childText(record, (uri) => uri === '' || uri === NS.atom, 'title') || childText(record, isWordPressNs, 'post_id');
    const label = known.length > 100 ? `${known.slice(0, 100)}…` : known;
    return `${capitalise(record.local)} ${(recordCounts.get(record.local) ?? 0).toLocaleString('en-US')}${label ? ` (${label})` : ''}, starting on line ${recordLine},`;
  };
  /** Stops the parser at once (the throw leaves write()), so nothing more is built. */
  const tooBig = (what: string): never => {
    fail(
      `${whichEntry()} ${what}. Blogger and WordPress exports stay far below that, so the file looks damaged or made by another tool. Nothing was imported: export the blog again, or take that entry out of the file and import the rest.`,
      413,
    );
    throw failure!;
  };
  const checkChars = (unreported: number) => {
    if (recordChars + unreported > ENTRY_LIMITS.chars) tooBig(`holds more than ${ENTRY_LIMITS.chars / 1024 / 1024} MB of text`);
  };
  const checkTag = () => {
    if (tagStart >= 0 && parser.position - tagStart > ENTRY_LIMITS.tagChars) tooBig(`has a <${tagName}> tag longer than ${ENTRY_LIMITS.tagChars / 1024 / 1024} MB`);
  };
  const reported = () => {
    reportedAt = parser.position;
  };
  /**
   * What a parse error means to the author. saxes throws it (there is no 'error' handler): each
   * handler is a property added to the parser after it is built, and a seventh one tipped it into
   * V8's slow dictionary mode, which made reading ten times slower (lib/import/limits.test.ts
   * reads 70 MB well within its timeout only with six).
   */
  const xmlProblem = (error: Error): string => {
    const where = error.message.match(/^(\d+:\d+):/)?.[1];
    const what = error.message.replace(/^[^:]*:\d+:\d+: /, '');
    if (closing && !root) return 'The file is empty: it holds no XML at all.';
    if (closing || /unexpected end|unclosed/.test(what)) return 'The file ends too early: it looks cut off. Download the backup again.';
    if (/undefined entity/.test(what)) return `The file uses an entity this importer does not expand (${where ? `line ${where.split(':')[0]}` : 'somewhere'}).`;
    return `The file is not well-formed XML${where ? ` (line ${where.split(':')[0]}, column ${where.split(':')[1]})` : ''}: ${what}.`;
  };
  parser.on('doctype', (doctype) => {
    reported();
    if (/<!ENTITY/i.test(doctype)) {
      fail('The file declares XML entities. Blogger and WordPress backups never do, and entity expansion is how "XML bomb" files exhaust memory, so it is refused.');
    }
  });
  parser.on('opentagstart', (tag) => {
    reported();
    tagStart = parser.position;
    tagName = tag.name.slice(0, 40);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    checkTag();
    reported();
    tagStart = -1;
    if (++depth > ENTRY_LIMITS.depth) tooBig(`nests elements more than ${ENTRY_LIMITS.depth} deep`);
    if (!root) {
      root = { uri: tag.uri, local: tag.local };
      wanted = recordDepth(root);
    }
    if (depth < wanted || failure) return;
    if (depth === wanted) {
      recordCounts.set(tag.local, (recordCounts.get(tag.local) ?? 0) + 1);
      recordLine = parser.line;
    }
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix !== 'xmlns' && attr.name !== 'xmlns') {
        attrs[attr.local] = attr.value;
        recordChars += attr.value.length;
      }
    }
    const node: XmlNode = { uri: tag.uri, local: tag.local, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    if (++recordElements > ENTRY_LIMITS.elements) tooBig(`has more than ${ENTRY_LIMITS.elements.toLocaleString('en-US')} elements`);
    checkChars(0);
  });
  const onText = (text: string) => {
    reported();
    const node = stack.at(-1);
    if (!node || failure) return;
    node.text += text;
    recordChars += text.length;
    checkChars(0);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    reported();
    if (depth >= wanted && !failure) {
      const node = stack.pop()!;
      if (stack.length === 0) {
        ready.push(node);
        recordChars = 0;
        recordElements = 0;
      }
    }
    depth--;
  });

  /** Feeds text to the parser a slice at a time, checking between slices what it holds unreported. */
  const feed = (text: string) => {
    for (let at = 0; at < text.length && !failure; ) {
      let end = Math.min(at + SLICE, text.length);
      // Never split a surrogate pair.
      if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1]!)) end++;
      parser.write(text.slice(at, end));
      at = end;
      checkTag();
      checkChars(parser.position - reportedAt);
    }
  };

  const pump = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await iterator.next();
    try {
      if (next.done) {
        ended = true;
        const tail = decoder.decode();
        if (tail) feed(tail);
        closing = true;
        if (!failure) parser.close();
        if (!root) fail('The file is empty.');
        else if (!failure && depth !== 0) fail('The file ends too early: it looks cut off. Download the backup again.');
      } else {
        feed(typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true }));
      }
    } catch (error) {
      if (error instanceof TypeError) fail('The file is not UTF-8 text, so it is not a Blogger or WordPress backup.');
      else fail(error instanceof Error ? xmlProblem(error) : `The file could not be read as XML: ${String(error)}.`);
    }
    if (failure) throw failure;
    return true;
  };

  // Read until the root element is known, so callers can tell the format before any record.
  while (!root) {
    if (!(await pump())) break;
  }
  if (!root) throw failure ?? new ImportError('The file is empty.');

  async function* records(): AsyncGenerator<XmlNode> {
    for (;;) {
      while (ready.length) yield ready.shift()!;
      if (!(await pump())) break;
    }
    while (ready.length) yield ready.shift()!;
  }
  return { root, records: records() };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
