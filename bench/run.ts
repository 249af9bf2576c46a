// `npm run bench`: every benchmark of the project, printed as tables. Figures, not pass/fail.
// BENCH_COUNT (default 1000) and BENCH_IN_FLIGHT (default 50) size the declaration benchmark; BENCH_ONLY picks one.
import { benchmarkDeclaration } from './declaration.js';
import { benchmarkStartUp, printStartUp } from './start-up.js';

const count = Number(process.env.BENCH_COUNT ?? 1000);
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 50);
const only = process.env.BENCH_ONLY;
const log = (line: string) => process.stderr.write(`${line}\n`);

if (!only || only === 'declaration') {
  const rows = await benchmarkDeclaration(count, inFlight, log);
  console.log(`\nDeclaration: ${count} applications, ${inFlight} in flight, on one machine (2 cores); then the city's task list read 50 times with all of them open`);
  console.log('| path | count | seconds | per second | p50 ms | p95 ms | p50 vs bare |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  rows.forEach((row, i) => {
    const bare = rows[i % 2 === 0 ? i : i - 1]!;
    console.log(`| ${row.label} | ${row.count} | ${row.seconds.toFixed(1)} | ${row.perSecond.toFixed(1)} | ${row.p50.toFixed(0)} | ${row.p95.toFixed(0)} | ${(row.p50 / bare.p50).toFixed(1)}× |`);
  });
}
if (!only || only === 'start-up') printStartUp(await benchmarkStartUp());
