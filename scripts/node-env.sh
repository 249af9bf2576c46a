# Sourced (`. scripts/node-env.sh`) by scripts/node.sh and .ci/run: puts a Node.js that package.json's "engines"
# admits first on PATH. When `node` on PATH is older than NODE_MINIMUM (or missing), the pinned NODE_VERSION is
# fetched once from the npm registry (package node-linux-<arch>, which holds only bin/node; npm verifies its
# integrity, and packing runs no install scripts) into ${XDG_CACHE_HOME:-$HOME/.cache}/hebei-iiot/node/<version>/.
# npm's own shebang is `#!/usr/bin/env node`, so npm and everything it starts then run on that Node.
# POSIX sh; keep NODE_MINIMUM equal to "engines" and NODE_VERSION's major equal to the Dockerfile's (see
# test/deploy/engines.test.ts).

NODE_VERSION=24.22.3
NODE_MINIMUM=22.13

hebei_node_is_recent() {
  # "v20.20.2" -> "20 20"; no node at all counts as too old.
  set -- $(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
  [ "$#" -eq 2 ] || return 1
  [ "$1" -gt "${NODE_MINIMUM%.*}" ] || { [ "$1" -eq "${NODE_MINIMUM%.*}" ] && [ "$2" -ge "${NODE_MINIMUM#*.}" ]; }
}

hebei_node_fetch() {
  case "$(uname -m)" in
    x86_64 | amd64) hebei_arch=x64 ;;
    aarch64 | arm64) hebei_arch=arm64 ;;
    *) echo "node-env.sh: no Node.js package for $(uname -m); install Node.js $NODE_MINIMUM or newer" >&2; return 1 ;;
  esac
  hebei_parent="${XDG_CACHE_HOME:-$HOME/.cache}/hebei-iiot/node"
  mkdir -p "$hebei_parent" || return 1
  # Unpack beside the final folder, then rename: a second run never sees half a Node.
  hebei_tmp=$(mktemp -d "$hebei_parent/.$NODE_VERSION.XXXXXX") || return 1
  echo "Node.js $(node --version 2>/dev/null || echo '(none)') is older than $NODE_MINIMUM: fetching Node.js $NODE_VERSION once into $hebei_parent/$NODE_VERSION" >&2
  if npm pack --silent --pack-destination "$hebei_tmp" "node-linux-$hebei_arch@$NODE_VERSION" >/dev/null &&
    tar -xzf "$hebei_tmp"/node-linux-*.tgz -C "$hebei_tmp" &&
    [ "$("$hebei_tmp/package/bin/node" --version)" = "v$NODE_VERSION" ]; then
    [ -d "$hebei_parent/$NODE_VERSION" ] || mv "$hebei_tmp/package" "$hebei_parent/$NODE_VERSION"
    rm -rf "$hebei_tmp"
  else
    rm -rf "$hebei_tmp"
    echo "node-env.sh: could not fetch node-linux-$hebei_arch@$NODE_VERSION with npm; install Node.js $NODE_MINIMUM or newer" >&2
    return 1
  fi
}

if ! hebei_node_is_recent; then
  hebei_bin="${XDG_CACHE_HOME:-$HOME/.cache}/hebei-iiot/node/$NODE_VERSION/bin"
  if [ -x "$hebei_bin/node" ] || hebei_node_fetch; then
    PATH="$hebei_bin:$PATH"
    export PATH
  else
    return 1 2>/dev/null || exit 1
  fi
fi
