import type { DailyCount } from '../../shared/autoReply/activity.ts';
import { t } from '../../shared/i18n.ts';

const width = 280;
const height = 48;

/** A small bar chart of replies per day; its accessible name carries the numbers. */
export function RepliesChart({ counts }: { counts: readonly DailyCount[] }) {
  const highest = Math.max(1, ...counts.map((count) => count.replies));
  const barWidth = width / Math.max(1, counts.length);
  const label = t('chartLabel', [String(counts.length), counts.map((count) => count.replies).join(', ')]);
  return (
    <svg class="chart" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
      {counts.map((count, index) => {
        const barHeight = (count.replies / highest) * (height - 4);
        return (
          <rect key={count.day} x={index * barWidth + 1} y={height - barHeight} width={barWidth - 2} height={barHeight}>
            <title>{`${count.day}: ${count.replies}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
