import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeBenchBlog, type BenchBlog, type BenchComment, type BenchPost } from '@/db/bench';
import { MORE_MARKER } from '@/lib/posts/content';

/**
 * Generated blogs for `npm run bench`: a deterministic text generator (the same shape always
 * gives the same blog) whose rows db/bench.ts writes with raw prepared statements, because the
 * app's one-post-at-a-time functions would take an hour for a million comments.
 */

export type BenchBlogShape = {
  posts: number;
  comments: number;
  labels: number;
  years: number;
  /** Bumped when the generator changes, so an older seeded file is not reused by mistake. */
  generator: number;
};

export const BENCH_GENERATOR_VERSION = 1;

const DAY = 86_400_000;

/** A small deterministic PRNG (mulberry32), so the same shape always gives the same blog. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the of and to in is that it was for on with as his they be at one have this from by hot word but what some we can out ' +
  'other were all there when up use your how said an each she which do their time if will way about many then them write ' +
  'would like so these her long make thing see him two has look more day could go come did number sound no most people my ' +
  'over know water than call first who may down side been now find'
).split(' ');
const TOPICAL = (
  'garden kitchen bread sourdough tomato harvest winter spring autumn summer mountain river bicycle railway station ' +
  'library notebook pencil camera lens shutter portrait landscape village harbour lighthouse ferry island coast cliff ' +
  'forest meadow orchard apple pear cherry walnut chestnut honey beehive market festival concert violin piano guitar ' +
  'choir theatre novel poem chapter letter postcard stamp museum gallery painting sculpture ceramic pottery glaze kiln ' +
  'loom wool knitting quilt embroidery carpentry chisel workshop bench timber oak maple birch willow pine cedar compost ' +
  'seedling greenhouse trellis pruning grafting recipe soup stew pastry butter cheese yoghurt coffee tea kettle teapot ' +
  'telescope planet comet eclipse meteor astronomy weather storm thunder rainbow fog frost snowfall glacier volcano ' +
  'canoe kayak sailing anchor compass map atlas journey pilgrimage hostel campfire tent lantern trail summit valley ' +
  'printing typewriter manuscript archive census genealogy ancestor parish chapel cathedral abbey castle bridge tunnel ' +
  'engine locomotive tram canal lock barge windmill watermill forge anvil blacksmith saddle stable orchard vineyard ' +
  'cellar vintage cider brewing yeast fermentation pickle jam marmalade preserve larder pantry allotment scarecrow'
).split(' ');
/** The generator's topical words, most frequent first: what the bench's new searches look for. */
export const BENCH_TOPICAL_WORDS: readonly string[] = TOPICAL;
const FIRST = 'Anna Ben Clara David Elena Farid Grace Hugo Ines Jonas Kiri Luca Maya Nils Olga Pedro Quinn Rosa Sam Tove Uma Viktor Wen Ximena Yusuf Zoe'.split(' ');
const LAST = 'Adams Berg Costa Dubois Eriksen Fischer Garcia Haas Ito Jensen Kowalski Lopez Moreau Novak Okafor Petrov Quint Rossi Silva Tanaka Underhill Varga Weber Young Zimmer'.split(' ');

/** Syllable words make a long tail of rare terms, so FTS posting lists have a realistic spread. */
function makeVocabulary(rand: () => number): string[] {
  const onsets = 'b c d f g h k l m n p r s t v w br cr dr fl gr pl st tr'.split(' ');
  const vowels = 'a e i o u ai ea io ou'.split(' ');
  const codas = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'rk', 'st'];
  const words = new Set<string>([...TOPICAL]);
  while (words.size < 4_000) {
    const syllables = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) {
      w += onsets[Math.floor(rand() * onsets.length)]! + vowels[Math.floor(rand() * vowels.length)]!;
    }
    words.add(w + codas[Math.floor(rand() * codas.length)]!);
  }
  return [...words];
}

/** A pool in which each word appears in proportion to a Zipf weight: one uniform pick is one Zipf draw. */
function makeWordPool(vocabulary: string[]): string[] {
  const pool: string[] = [];
  for (const w of COMMON) for (let i = 0; i < 40; i++) pool.push(w);
  vocabulary.forEach((w, rank) => {
    const copies = Math.max(1, Math.round(400 / (rank + 1) ** 0.8));
    for (let i = 0; i < copies; i++) pool.push(w);
  });
  return pool;
}

class TextMaker {
  constructor(
    private readonly rand: () => number,
    private readonly pool: string[],
  ) {}

  word(): string {
    return this.pool[Math.floor(this.rand() * this.pool.length)]!;
  }

  sentence(minWords: number, maxWords: number): string {
    const n = minWords + Math.floor(this.rand() * (maxWords - minWords + 1));
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(this.word());
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    return `${words.join(' ')}${this.rand() < 0.1 ? '?' : '.'}`;
  }

  /** Paragraphs of sentences until the text reaches `chars`. */
  paragraphs(chars: number): string[] {
    const out: string[] = [];
    let total = 0;
    while (total < chars) {
      const sentences: string[] = [];
      const count = 2 + Math.floor(this.rand() * 4);
      for (let i = 0; i < count && total < chars; i++) {
        const s = this.sentence(6, 18);
        sentences.push(s);
        total += s.length + 1;
      }
      out.push(sentences.join(' '));
    }
    return out;
  }
}

function slugWords(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function excerptOf(text: string, maxLength = 280): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/**
 * The blog of `shape`, its posts made lazily in publish order: labels of one or two topical words,
 * posts spread over `years` ending an hour before `now`, each with 1–3 labels (a few labels on
 * many posts), and an exponential spread of comments around the mean (some replies, a few
 * pending or spam), trimmed or topped up to exactly `shape.comments`.
 */
export function generateBenchBlog(shape: BenchBlogShape, now: Date): BenchBlog {
  const rand = random(0x5eed + shape.posts);
  const text = new TextMaker(rand, makeWordPool(makeVocabulary(rand)));
  const end = now.getTime() - 60 * 60 * 1000;
  const start = end - shape.years * 365.25 * DAY;

  const labels: string[] = [];
  const seenLabels = new Set<string>();
  while (labels.length < shape.labels) {
    const words = 1 + Math.floor(rand() * 2);
    let name = '';
    for (let i = 0; i < words; i++) {
      const w = TOPICAL[Math.floor(rand() * TOPICAL.length)]!;
      name += (i ? ' ' : '') + w[0]!.toUpperCase() + w.slice(1);
    }
    if (seenLabels.has(name)) name = `${name} ${labels.length}`;
    seenLabels.add(name);
    labels.push(name);
  }

  const mean = shape.comments / Math.max(1, shape.posts);
  const perPost = new Int32Array(shape.posts);
  let assigned = 0;
  for (let i = 0; i < shape.posts; i++) {
    perPost[i] = Math.floor(-Math.log(1 - rand()) * mean);
    assigned += perPost[i]!;
  }
  for (let i = 0; assigned !== shape.comments; i = (i + 1) % Math.max(1, shape.posts)) {
    if (assigned < shape.comments) {
      perPost[i]!++;
      assigned++;
    } else if (perPost[i]! > 0) {
      perPost[i]!--;
      assigned--;
    }
  }

  function* posts(): Generator<BenchPost> {
    const permalinks = new Set<string>();
    let commentId = 0;
    const step = (end - start) / Math.max(1, shape.posts);
    for (let i = 0; i < shape.posts; i++) {
      const id = i + 1;
      const publishedAt = Math.round(start + step * i + rand() * step * 0.9);
      const title = text.sentence(3, 8).replace(/[.?]$/, '');
      const slug = slugWords(title) || `post-${id}`;
      const d = new Date(publishedAt);
      const base = `/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${slug}`;
      let permalink = `${base}.html`;
      for (let n = 1; permalinks.has(permalink); n++) permalink = `${base}_${n}.html`;
      permalinks.add(permalink);

      const paragraphs = text.paragraphs(1000 + Math.floor(rand() * 1000));
      const withBreak = rand() < 0.5 && paragraphs.length > 1;
      const body = paragraphs.map((p, n) => `${n === 1 && withBreak ? MORE_MARKER : ''}<p>${p}</p>`).join('\n');
      const plain = paragraphs.join('\n\n');

      const labelCount = 1 + Math.floor(rand() * 3);
      const labelIds = new Set<number>();
      while (labelIds.size < Math.min(labelCount, shape.labels)) labelIds.add(1 + Math.floor(rand() ** 2 * shape.labels));

      const comments: BenchComment[] = [];
      const topLevel: number[] = [];
      for (let c = 0; c < perPost[i]!; c++) {
        commentId++;
        const first = FIRST[Math.floor(rand() * FIRST.length)]!;
        const last = LAST[Math.floor(rand() * LAST.length)]!;
        const reply = topLevel.length > 0 && rand() < 0.2;
        const byAuthor = reply && rand() < 0.3;
        const createdAt = Math.min(end, publishedAt + Math.floor(rand() ** 3 * 60 * DAY) + c * 60_000);
        const roll = rand();
        const status = roll < 0.97 ? 'published' : roll < 0.99 ? 'pending' : 'spam';
        const sentences = 1 + Math.floor(rand() * 4);
        const words: string[] = [];
        for (let s = 0; s < sentences; s++) words.push(text.sentence(4, 16));
        // In this order: the generator's sequence of random numbers is the blog.
        const parentId = reply ? topLevel[Math.floor(rand() * topLevel.length)]! : null;
        const authorEmail = byAuthor ? null : `${first}.${last}${Math.floor(rand() * 500)}@example.com`.toLowerCase();
        comments.push({
          id: commentId,
          parentId,
          authorName: byAuthor ? 'Bench Writer' : `${first} ${last}`,
          authorEmail,
          body: words.join(' '),
          status,
          isPostAuthor: byAuthor,
          createdAt,
        });
        if (!reply && status === 'published') topLevel.push(commentId);
      }
      yield { id, title, slug, permalink, body, excerpt: excerptOf(plain), plain, publishedAt, labelIds: [...labelIds], comments };
    }
  }

  return { labels, start, posts: posts() };
}

function shapeFile(file: string): string {
  return `${file}.json`;
}

/** True when `file` was seeded completely with exactly this shape. */
export function benchBlogMatches(file: string, shape: BenchBlogShape): boolean {
  if (!existsSync(file) || !existsSync(shapeFile(file))) return false;
  try {
    const stored = JSON.parse(readFileSync(shapeFile(file), 'utf8')) as BenchBlogShape;
    return (Object.keys(shape) as (keyof BenchBlogShape)[]).every((k) => stored[k] === shape[k]);
  } catch {
    return false;
  }
}

/**
 * Writes the generated blog of `shape` to `file` (replacing it), and beside it the shape it was
 * made with, last, so an interrupted run never leaves a blog that looks reusable.
 */
export async function seedBenchBlog({ file, shape, now = new Date() }: { file: string; shape: BenchBlogShape; now?: Date }): Promise<void> {
  rmSync(shapeFile(file), { force: true });
  await writeBenchBlog({ file, blog: generateBenchBlog(shape, now) });
  writeFileSync(shapeFile(file), `${JSON.stringify(shape, null, 2)}\n`);
}
