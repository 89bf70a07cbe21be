// The results as a Markdown document: the run's machine and versions, then
// one table per section with the notes that say how each figure was taken.
import type { Environment } from './environment.ts';
import type { Figure } from './figure.ts';

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'not measured';
  const digits = unit === 's' ? 2 : Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 0 : 1;
  return `${value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

function formatRatio(ratio: number | null | undefined): string {
  if (ratio === undefined) return '';
  return ratio === null ? '—' : `${ratio.toFixed(2)}×`;
}

export function resultsMarkdown(environment: Environment, figures: readonly Figure[]): string {
  const { machine, versions } = environment;
  const lines = [
    `# Benchmark results${environment.mode === 'quick' ? ' (quick run, small counts)' : ''}`,
    '',
    `- Date: ${environment.date}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory; 1-minute load average ${machine.loadAverage.start.toFixed(2)} at the start, ${machine.loadAverage.end.toFixed(2)} at the end`,
    `- Chromium ${versions.chromium}, Node ${versions.node}, Mattermost ${versions.mattermost}, Companion ${versions.extension}`,
  ];
  for (const section of [...new Set(figures.map((entry) => entry.section))]) {
    const inSection = figures.filter((entry) => entry.section === section);
    lines.push('', `## ${section}`, '', '| Figure | Value | Compared with | Ratio |', '|---|---:|---|---:|');
    const notes: string[] = [];
    for (const entry of inSection) {
      const against = entry.against ? `${entry.against.name}: ${formatValue(entry.against.value, entry.unit)}` : '';
      const marker = entry.note ? ` [${notes.push(entry.note)}]` : '';
      lines.push(`| ${entry.name}${marker} | ${formatValue(entry.value, entry.unit)} | ${against} | ${formatRatio(entry.ratio)} |`);
    }
    if (notes.length > 0) lines.push('', ...notes.map((note, index) => `${index + 1}. ${note}`));
  }
  return `${lines.join('\n')}\n`;
}
