#!/usr/bin/env bash
# Runs a command with Node.js 24+ and the project's dependencies in place.
# The machine's Node is used when it is 24 or newer; otherwise Node 24 is fetched once from the
# npm registry (package node-linux-<arch>) into .node/, because isolated-vm 7 needs Node 24.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_version=24.22.3

say() { echo "oj: $*" >&2; }

machine_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$machine_major" -lt 24 ]; then
  if [ "$("$root/.node/bin/node" -v 2>/dev/null || true)" != "v$node_version" ]; then
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) say "no Node $node_version package for $(uname -m); install Node 24 yourself"; exit 1 ;;
    esac
    say "this machine has Node $(node -v 2>/dev/null || echo 'none'); fetching Node $node_version into .node/"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack "node-linux-$arch@$node_version" --silent >/dev/null)
    rm -rf "$root/.node" && mkdir -p "$root/.node"
    tar xzf "$tmp"/node-linux-*.tgz --strip-components=1 -C "$root/.node"
    rm -rf "$tmp"
  fi
  export PATH="$root/.node/bin:$PATH"
  # Native addons must build against the headers of the Node that runs them.
  export npm_config_nodedir="$root/.node"
fi

stamp="$root/node_modules/.oj-install-stamp"
wanted="$(node -v) $(cksum < "$root/package-lock.json" 2>/dev/null || echo none)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
  say "installing dependencies with Node $(node -v)"
  if [ -f "$root/package-lock.json" ]; then
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
  else
    (cd "$root" && npm install --no-audit --no-fund --loglevel=error >&2)
  fi
  wanted="$(node -v) $(cksum < "$root/package-lock.json")"
  echo "$wanted" > "$stamp"
fi

# The Prisma client is generated (not committed) from prisma/schema.prisma into packages/db/src/generated,
# offline. Generate it again whenever the schema or the installed dependencies change.
generated_stamp="$root/packages/db/src/generated/.oj-generate-stamp"
wanted_generated="$wanted $(cksum < "$root/prisma/schema.prisma")"
if [ "$(cat "$generated_stamp" 2>/dev/null || true)" != "$wanted_generated" ]; then
  say "generating the Prisma client"
  (cd "$root" && node packages/db/src/cli.ts generate >&2)
  echo "$wanted_generated" > "$generated_stamp"
fi

exec "$@"
