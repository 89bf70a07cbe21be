// Runs the chosen benchmarks one after the other. Each one that breaks is
// reported as not measured, with the reason, and the others still run.
import { retireEarlierTestMembers } from '../tests/e2e/actors.ts';
import { companionAnsweringFor, type CompanionInTab } from './actors/companionInTab.ts';
import { benchFirstNames, newTeamMembers, retire, type TeamMember } from './actors/people.ts';
import type { BenchmarkName, BenchOptions } from './benchOptions.ts';
import { measureBurst } from './burst/burst.ts';
import { measureDeskAnalysis } from './desk/deskAnalysisTiming.ts';
import { measureFaults } from './faults/faultInjection.ts';
import { measureFootprint } from './footprint/footprint.ts';
import { measureReplyLatency } from './latency/replyLatency.ts';
import { measurePacket } from './packet/packetTiming.ts';
import { figure, type Figure } from './report/figure.ts';

export interface BenchmarkRun {
  readonly figures: Figure[];
  /** Benchmarks that broke, with the reason. */
  readonly failures: string[];
}

const sections: Record<BenchmarkName, string> = {
  latency: 'Reply latency',
  burst: 'Burst',
  packet: 'Support packet',
  footprint: 'Footprint',
  faults: 'Fault injection',
  desk: 'Support desk',
};

const replyMessage = 'Hi {sender}, I am away from my desk and will answer when I am back.';

export async function runBenchmarks(options: BenchOptions): Promise<BenchmarkRun> {
  const figures: Figure[] = [];
  const failures: string[] = [];
  const attempt = async (name: BenchmarkName, measure: () => Promise<Figure[]>) => {
    if (!options.only.has(name)) return;
    console.log(`\n${sections[name]}…`);
    const started = performance.now();
    try {
      figures.push(...(await measure()));
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      console.error(`${sections[name]} could not be measured:`, error);
      failures.push(`${sections[name]}: ${reason}`);
      figures.push(figure(sections[name], 'not measured', '', null, `The benchmark broke: ${reason}`));
    }
    console.log(`${sections[name]}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  };

  if (options.only.has('latency') || options.only.has('burst') || options.only.has('faults')) {
    const retired = await retireEarlierTestMembers();
    if (retired > 0) console.log(`Deactivated ${retired} accounts that earlier runs left active.`);
  }
  // Latency and burst share one person with Companion answering in a tab.
  let answering: { user: TeamMember; companion?: CompanionInTab } | undefined;
  const companionFor = async () => {
    if (!answering) answering = { user: (await newTeamMembers(1, benchFirstNames.companionUser))[0] as TeamMember };
    answering.companion ??= await companionAnsweringFor(answering.user.user, replyMessage);
    return { user: answering.user, companion: answering.companion };
  };
  try {
    await attempt('latency', async () => {
      const { user, companion } = await companionFor();
      return measureReplyLatency(user, companion.tab, options.latency);
    });
    await attempt('burst', async () => {
      const { user, companion } = await companionFor();
      return measureBurst(companion, user, options.burst);
    });
  } finally {
    await answering?.companion?.close();
    if (answering) await retire([answering.user]);
  }
  await attempt('packet', () => measurePacket(options.packet));
  await attempt('footprint', () => measureFootprint(options.footprint.conversations, options.footprint.reloads));
  await attempt('faults', () => measureFaults(options.faults));
  await attempt('desk', () => measureDeskAnalysis(options.desk));
  return { figures, failures };
}
