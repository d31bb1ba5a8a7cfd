import Link from 'next/link';
import { GADGETS } from '@/lib/reading/gadgets';
import { ALL_LABELS_PATH, selectGadgetLabels, type LabelsGadget } from '@/lib/reading/labels-gadget';
import { labelPath } from '@/lib/posts/permalink';
import { Gadget } from './gadget';

// Cloud font sizes, smallest to largest (lib/reading/labels-gadget.ts CLOUD_STEPS): close to the sidebar's
// own text, so the cloud reads as a quiet list and not a poster.
const CLOUD_SIZES = ['', 'text-xs', 'text-sm', 'text-base', 'text-lg', 'text-xl'];

/**
 * Blogger's Labels gadget: the labels the admin chose (by default the 30 most used), as a list or
 * a cloud, and a link to every label when some were left out. A cloud is still a list of links,
 * and its counts are text for screen readers when they are not shown.
 */
export function LabelsGadgetView({ labels, options }: { labels: { name: string; count: number }[]; options: LabelsGadget }) {
  const { labels: shown, more } = selectGadgetLabels(labels, options);
  if (shown.length === 0) return null;
  const cloud = options.display === 'cloud';
  const posts = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`;
  return (
    <Gadget title={GADGETS.labels}>
      {/* Styled from the list, not per item: a blog may still choose to show hundreds of labels. */}
      <ul
        className={`[&_a]:link [&_span]:text-stone-600 dark:[&_span]:text-stone-400 ${
          cloud ? 'flex flex-wrap items-baseline gap-x-3 gap-y-1 leading-snug [&_span]:text-xs' : 'flex flex-col gap-1.5'
        }`}
      >
        {shown.map((label) => (
          <li key={label.name} className={cloud ? CLOUD_SIZES[label.step] : undefined}>
            <Link href={labelPath(label.name)} title={cloud ? posts(label.count) : undefined}>
              {label.name}
            </Link>
            {options.showCounts ? (
              <span> ({label.count})</span>
            ) : cloud ? (
              <span className="sr-only"> ({posts(label.count)})</span>
            ) : null}
          </li>
        ))}
      </ul>
      {more ? (
        <p className="mt-3">
          <Link href={ALL_LABELS_PATH} className="link">
            All labels ({labels.length})
          </Link>
        </p>
      ) : null}
    </Gadget>
  );
}
