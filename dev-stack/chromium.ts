/** The chromium the browser tests drive (Debian's, through playwright-core); the prerequisite step installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
