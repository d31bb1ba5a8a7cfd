import Link from 'next/link';
import { listLabelsWithCounts } from '@/db/labels';
import type { Settings } from '@/db/schema';
import { labelPath } from '@/lib/permalink';
import { Gadget } from './gadget';

export async function Sidebar({ settings }: { settings: Settings }) {
  const labels = await listLabelsWithCounts();
  return (
    <aside aria-label="Sidebar" className="flex flex-col gap-8">
      {settings.blogDescription ? (
        <Gadget title="About">
          <p className="leading-relaxed text-stone-700 dark:text-stone-300">{settings.blogDescription}</p>
        </Gadget>
      ) : null}
      {labels.length > 0 ? (
        <Gadget title="Labels">
          <ul className="flex flex-wrap gap-x-3 gap-y-1.5">
            {labels.map((label) => (
              <li key={label.name}>
                <Link href={labelPath(label.name)} className="link">
                  {label.name}
                </Link>{' '}
                <span className="text-stone-500 dark:text-stone-400">({label.count})</span>
              </li>
            ))}
          </ul>
        </Gadget>
      ) : null}
    </aside>
  );
}
