#!/usr/bin/env bash
# Move an existing SQLite newsroom to PostgreSQL with Strapi's own transfer format:
# `strapi export` from the SQLite file, then `strapi import` into the PostgreSQL database.
#
#   scripts/sqlite-to-postgres.sh [SQLITE_FILE] POSTGRES_URL
#   scripts/sqlite-to-postgres.sh .tmp/data.db postgres://newsroom:secret@127.0.0.1:5432/newsroom
#
# The target database should be empty or disposable: the import replaces its content. The secrets
# in .env (or the environment) must be the ones the SQLite newsroom ran with. Stop the editors
# first; anything written to SQLite after the export is not moved. Admin users and API tokens
# are not part of an export: create them again on the new database.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 1 ]; then set -- "${DATABASE_FILENAME:-.tmp/data.db}" "$1"; fi
if [ "$#" -ne 2 ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
sqlite_file="$1" postgres_url="$2"
if [ ! -f "${sqlite_file}" ]; then
  echo "sqlite-to-postgres: no SQLite database at ${sqlite_file}" >&2
  exit 1
fi

node scripts/ensure-env.js
export STRAPI_TELEMETRY_DISABLED=true
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

echo "== export from SQLite ${sqlite_file}"
DATABASE_CLIENT=sqlite DATABASE_FILENAME="$(realpath "${sqlite_file}")" \
  npx --no-install strapi export --no-encrypt --no-compress -f "${work}/newsroom"

echo "== import into PostgreSQL ${postgres_url%%://*}://…@${postgres_url#*@}"
DATABASE_CLIENT=postgres DATABASE_URL="${postgres_url}" \
  npx --no-install strapi import -f "${work}/newsroom.tar" --force

echo "== done: start the newsroom with DATABASE_CLIENT=postgres DATABASE_URL=… (see README, Running in production)"
