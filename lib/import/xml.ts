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

/** The largest single entry accepted (a post body with inline images can be big, but not this big). */
const MAX_RECORD_CHARS = 64 * 1024 * 1024;

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
  let recordChars = 0;
  let ended = false;
  // Set while the parser is told the input has ended: errors then mean the file was cut off.
  let closing = false;

  const fail = (message: string) => {
    failure ??= new ImportError(message);
  };
  parser.on('error', (error) => {
    const where = error.message.match(/^(\d+:\d+):/)?.[1];
    const what = error.message.replace(/^[^:]*:\d+:\d+: /, '');
    if (closing && !root) fail('The file is empty: it holds no XML at all.');
    else if (closing || /unexpected end/.test(what)) fail('The file ends too early: it looks cut off. Download the backup again.');
    else if (/undefined entity/.test(what)) fail(`The file uses an entity this importer does not expand (${where ? `line ${where.split(':')[0]}` : 'somewhere'}).`);
    else fail(`The file is not well-formed XML${where ? ` (line ${where.split(':')[0]}, column ${where.split(':')[1]})` : ''}: ${what}.`);
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail('The file declares XML entities. Blogger and WordPress backups never do, and entity expansion is how "XML bomb" files exhaust memory, so it is refused.');
    }
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (!root) {
      root = { uri: tag.uri, local: tag.local };
      wanted = recordDepth(root);
    }
    if (depth < wanted) return;
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix !== 'xmlns' && attr.name !== 'xmlns') attrs[attr.local] = attr.value;
    }
    const node: XmlNode = { uri: tag.uri, local: tag.local, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const onText = (text: string) => {
    const node = stack.at(-1);
    if (!node) return;
    node.text += text;
    recordChars += text.length;
    if (recordChars > MAX_RECORD_CHARS) fail('One entry in the file is larger than 64 MB; the file is probably not a blog backup.');
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (depth >= wanted) {
      const node = stack.pop()!;
      if (stack.length === 0) {
        ready.push(node);
        recordChars = 0;
      }
    }
    depth--;
  });

  const pump = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await iterator.next();
    try {
      if (next.done) {
        ended = true;
        const tail = decoder.decode();
        if (tail) parser.write(tail);
        closing = true;
        if (!failure) parser.close();
        if (!root) fail('The file is empty.');
        else if (!failure && depth !== 0) fail('The file ends too early: it looks cut off. Download the backup again.');
      } else {
        parser.write(typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true }));
      }
    } catch (error) {
      if (error instanceof TypeError) fail('The file is not UTF-8 text, so it is not a Blogger or WordPress backup.');
      else if (/unclosed|closing tag|unexpected end/i.test(String(error))) fail('The file ends too early: it looks cut off. Download the backup again.');
      else fail(`The file could not be read as XML: ${error instanceof Error ? error.message.replace(/^[^:]*:\d+:\d+: /, '') : String(error)}.`);
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
