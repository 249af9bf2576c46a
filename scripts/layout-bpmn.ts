// Adds a diagram (BPMN DI) to a model written without one: `npx tsx scripts/layout-bpmn.ts in.bpmn out.bpmn`.
// For authoring only; the studio and the Camunda Modeler keep diagrams afterwards.
import { readFile, writeFile } from 'node:fs/promises';
import { layoutProcess } from 'bpmn-auto-layout';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: tsx scripts/layout-bpmn.ts <in.bpmn> <out.bpmn>');
  process.exit(2);
}
await writeFile(output, await layoutProcess(await readFile(input, 'utf8')));
