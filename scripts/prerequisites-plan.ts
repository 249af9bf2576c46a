// What `npm test`'s first step does about missing Debian packages: a pure decision, so it is tested without
// changing the machine (test/scripts/prerequisites.test.ts). The probing and running is check-prerequisites.ts.

/** The Debian packages the tests use, in the order they are installed. Keep the README's prerequisites in step. */
export const DEBIAN_PACKAGES = ['openjdk-17-jdk-headless', 'maven', 'docker-compose', 'fonts-noto-cjk', 'poppler-utils', 'chromium'] as const;
export type DebianPackage = (typeof DEBIAN_PACKAGES)[number];

export interface Situation {
  /** Packages whose tool the machine lacks. */
  missing: readonly DebianPackage[];
  /** Running as root (uid 0), so apt-get may be run directly. */
  root: boolean;
  /** apt-get is on this machine (Debian or a derivative). */
  apt: boolean;
}

export type Plan =
  | { kind: 'nothing' }
  /** Run these commands, in order (as root on Debian, the way Playwright's install-deps does). */
  | { kind: 'install'; packages: DebianPackage[]; commands: string[][] }
  /** Not root: the one command a person runs, then `npm test` again. */
  | { kind: 'ask'; packages: DebianPackage[]; command: string }
  /** No apt-get: name the packages; the person installs their equivalents. */
  | { kind: 'name'; packages: DebianPackage[] };

/** Decides what to do about the missing packages: nothing, install them, or tell the person the command. */
export function prerequisitePlan(situation: Situation): Plan {
  const packages = DEBIAN_PACKAGES.filter((name) => situation.missing.includes(name));
  if (!packages.length) return { kind: 'nothing' };
  if (!situation.apt) return { kind: 'name', packages };
  const update = ['apt-get', 'update'];
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
  if (situation.root) return { kind: 'install', packages, commands: [update, install] };
  return { kind: 'ask', packages, command: `sudo ${update.join(' ')} && sudo ${install.join(' ')}` };
}
