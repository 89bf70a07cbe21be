// `npm run bench [-- --quick] [-- --only=latency,burst,packet,footprint]`:
// builds the extension, starts the local Mattermost server unless one runs
// (and then stops it again), measures, and writes results.json and
// results.md. Benchmarks are not tests: no figure fails the run; a figure
// that could not be taken is reported as not measured, with the reason.
import { startMattermost, stopMattermost } from '../scripts/mattermost/lifecycle.ts';
import { serveWebapp } from '../scripts/mattermost/served-webapp.ts';
import { parseBenchOptions } from './benchOptions.ts';
import { describeEnvironment, loadAverageNow } from './report/environment.ts';
import { writeResults } from './report/writeResults.ts';
import { buildExtension } from './support/extensionBuilds.ts';

const options = parseBenchOptions(process.argv.slice(2));
const startedAt = new Date();
const loadAtStart = loadAverageNow();

console.log('Building the extension…');
await buildExtension();
const { server, startedNow } = await startMattermost();
// The figures are taken in the stand-in page, whose own work stays small and the same from run to run.
await serveWebapp('stand-in');
try {
  // The end-to-end helpers the benchmarks reuse read .mattermost/server.json when loaded, so they load once the server is up.
  const { runBenchmarks } = await import('./benchmarks.ts');
  const { figures, failures } = await runBenchmarks(options);
  const environment = await describeEnvironment({ mode: options.mode, startedAt, loadAtStart, mattermostVersionId: server.versionId });
  const markdown = await writeResults(options.outDir, environment, figures);
  console.log(`\n${markdown}\nWritten to ${options.outDir}/results.json and results.md.`);
  if (failures.length > 0) {
    // A slow figure is a result; a benchmark that cannot run any more is a fault to fix.
    console.error(`\nBroken benchmarks:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  if (startedNow) await stopMattermost();
}
