import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../platform/config.js';

/**
 * Builds the browser bundle into `outDir` with Vite's own command line, in a child process: a build of the whole
 * client (bpmn-js, dmn-js, form-js) leaves some 800 MiB resident in the process that ran it, which a running server
 * should not keep for its lifetime.
 */
export function buildBrowserBundle(outDir: string): Promise<void> {
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', path.join(projectRoot, 'web', 'client', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`the browser bundle did not build (${code ?? signal}):\n${output.trim()}`)));
  });
}
