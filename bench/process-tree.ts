import { readdirSync, readFileSync } from 'node:fs';

/** The pid and every descendant of it, read from /proc (Linux). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** Resident memory of each process in the tree, in MiB, labelled by command name. */
export function residentMemory(root: number): { name: string; mib: number }[] {
  return processTree(root).flatMap((pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      // The program's own name (argv[0]): Node.js 24 names its main thread "MainThread", which /proc reports as Name.
      const program = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]?.split('/').pop();
      const name = program || (/^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?');
      const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      return kib ? [{ name, mib: kib / 1024 }] : [];
    } catch {
      return [];
    }
  });
}
