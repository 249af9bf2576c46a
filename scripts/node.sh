#!/bin/sh
# Runs a command on a Node.js that package.json's "engines" admits, fetching the pinned one first if the machine's
# is too old (see node-env.sh). The npm scripts "start" and "test" run through it, so `npm start` on a machine
# with only Node.js 20 runs on Node.js 24.  Usage: sh scripts/node.sh <command> [argument …]
set -eu
. "$(dirname "$0")/node-env.sh"
exec "$@"
