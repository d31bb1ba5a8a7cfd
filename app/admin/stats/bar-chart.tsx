import { niceMaximum, type ChartBar } from '@/lib/stats/stats-report';

const WIDTH = 720;
const HEIGHT = 200;
const LEFT = 44;
const BOTTOM = 24;
const TOP = 8;

/**
 * A bar chart drawn on the server as SVG: no chart library reaches the browser. Screen readers
 * get a one-sentence summary as the image's name and description, and everyone can open the
 * same numbers as a table.
 */
export function BarChart({ id, title, bars, unit }: { id: string; title: string; bars: ChartBar[]; unit: string }) {
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const highest = bars.reduce<ChartBar | null>((best, bar) => (best === null || bar.value > best.value ? bar : best), null);
  const max = niceMaximum(highest?.value ?? 0);
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(bars.length, 1);
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  // Enough labels to read the axis, few enough not to collide.
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8));
  const summary =
    total === 0
      ? `No ${unit} yet in this chart.`
      : `${total.toLocaleString('en-US')} ${unit} from ${bars[0]!.short} to ${bars.at(-1)!.short}; the most, ${highest!.value.toLocaleString('en-US')}, on ${highest!.short}.`;

  return (
    <figure className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <p id={`${id}-desc`} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {summary}
      </p>
      {/* On a phone the chart scrolls sideways rather than shrinking its labels past reading. */}
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="group" aria-labelledby={`${id}-title`}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="h-auto w-full min-w-[34rem] text-stone-500 dark:text-stone-400"
        >
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={LEFT} x2={WIDTH} y1={y(max * f)} y2={y(max * f)} className="stroke-stone-200 dark:stroke-stone-700" strokeWidth={1} />
              <text x={LEFT - 6} y={y(max * f) + 4} textAnchor="end" fontSize={11} fill="currentColor">
                {(max * f).toLocaleString('en-US')}
              </text>
            </g>
          ))}
          {bars.map((bar, i) => {
            const x = LEFT + i * slot + (slot - barWidth) / 2;
            return (
              <g key={bar.label}>
                <rect x={x} y={y(bar.value)} width={barWidth} height={Math.max(0, TOP + plotHeight - y(bar.value))} className="fill-accent dark:fill-orange-400">
                  <title>{`${bar.short}: ${bar.value.toLocaleString('en-US')}`}</title>
                </rect>
                {i % labelEvery === 0 ? (
                  <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={11} fill="currentColor">
                    {bar.short}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">Show the numbers</summary>
        <div className="mt-2 max-h-64 overflow-y-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 font-semibold">
                  {bars.length > 0 && bars[0]!.label.length === 7 ? 'Month' : 'Day'}
                </th>
                <th scope="col" className="py-1 text-right font-semibold">
                  Views
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <td className="py-1">{bar.short}</td>
                  <td className="py-1 text-right tabular-nums">{bar.value.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
