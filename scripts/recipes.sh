#!/usr/bin/env bash
# Runs the README's database recipes on the bundled fixtures, with each tool that is
# on this machine: sqlite3, DuckDB (the Python package), PostgreSQL (initdb, pg_ctl,
# psql). A tool that is missing is reported as `SKIP tool: why`, not as a failure.
#
# usage: scripts/recipes.sh [DEPECHE_BINARY]
# The queries are the files of scripts/recipes/, which the README shows word for word
# (tests/recipes.rs checks it and runs this script).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
recipes=$root/scripts/recipes
depeche=$(realpath "${1:-target/release/depeche}")
[ -x "$depeche" ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

# One run, both outputs.
"$depeche" extract --progress never --sqlite "$work/depeche.db" -o "$work/records.jsonl" \
  fixtures/fr fixtures/dumps/articles.jsonl.gz

cd "$work"
if command -v sqlite3 > /dev/null; then
  echo "== sqlite: top anonymous-source qualifiers"
  sqlite3 depeche.db < "$recipes/sqlite-top-qualifiers.sql"
  echo "== sqlite: quotes per speaker"
  sqlite3 depeche.db < "$recipes/sqlite-quotes-per-speaker.sql"
else
  echo "SKIP sqlite: no sqlite3 command"
fi

if python3 -c 'import duckdb' 2> /dev/null; then
  echo "== duckdb: places by country"
  python3 -c "import duckdb, sys; [print(*row, sep='|') for row in duckdb.sql(sys.stdin.read()).fetchall()]" \
    < "$recipes/duckdb-places-by-country.sql"
else
  echo "SKIP duckdb: the Python package duckdb is not installed (pip install duckdb)"
fi

if command -v initdb > /dev/null && command -v pg_ctl > /dev/null && command -v psql > /dev/null; then
  # PostgreSQL will not run as root: as root, run it as the postgres user.
  as=()
  if [ "$(id -u)" = 0 ]; then
    if id postgres > /dev/null 2>&1; then as=(runuser -u postgres --); else as=(false); fi
  fi
  pg="$work/pg"
  mkdir -p "$pg" && chmod 777 "$pg" && chmod 644 records.jsonl
  if "${as[@]}" initdb -D "$pg/data" -A trust -U depeche > "$pg/initdb.log" 2>&1 &&
    "${as[@]}" pg_ctl -D "$pg/data" -o "-k $pg -c listen_addresses=''" -l "$pg/log" -w start > /dev/null; then
    echo "== postgresql: top anonymous-source qualifiers"
    psql=("${as[@]}" psql -h "$pg" -U depeche -d postgres -q -v ON_ERROR_STOP=1 -At)
    "${psql[@]}" < "$recipes/postgres-load.sql"
    "${psql[@]}" < "$recipes/postgres-top-qualifiers.sql"
    "${as[@]}" pg_ctl -D "$pg/data" -m fast stop > /dev/null
  else
    echo "SKIP postgresql: the server would not start ($(tail -1 "$pg/initdb.log" 2> /dev/null))"
  fi
else
  echo "SKIP postgresql: no initdb, pg_ctl or psql"
fi
