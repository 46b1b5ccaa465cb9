#!/usr/bin/env bash
# Back up a PostgreSQL database with pg_dump, restore it into a fresh database, and prove
# the restore is whole: every table's row count in the copy equals the original's.
#
#   scripts/backup_restore_check.sh SOURCE_DB_URL [DUMP_FILE]
#
# SOURCE_DB_URL is a postgres:// URL (DATABASE_URL). The fresh database is created beside
# the source, on the same server, under a new name, and dropped at the end unless
# KEEP_RESTORED=1. Exit status 0 only when every count matches. See docs/backups.md.
set -euo pipefail

source_url="${1:?usage: $0 SOURCE_DB_URL [DUMP_FILE]}"
dump="${2:-$(mktemp -t backup-XXXXXX.dump)}"
restored_name="restore_check_$(date +%Y%m%d%H%M%S)_$$"
restored_url="${source_url%/*}/${restored_name}"

count_rows() {
  # One line per table: "schema.table count", exact counts (not statistics).
  psql "$1" -At -v ON_ERROR_STOP=1 -c "
    SELECT format('SELECT %L || '' '' || count(*) FROM %I.%I;', n.nspname || '.' || c.relname,
                  n.nspname, c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg_toast%'
    ORDER BY 1" | psql "$1" -At -v ON_ERROR_STOP=1 | sort
}

cleanup() {
  if [ "${KEEP_RESTORED:-0}" != 1 ]; then
    dropdb --if-exists --maintenance-db="${source_url%/*}/postgres" "$restored_name" || true
  fi
}
trap cleanup EXIT

echo "Dumping to $dump"
pg_dump --format=custom --no-owner --no-privileges --file="$dump" "$source_url"
before="$(count_rows "$source_url")"

echo "Restoring into $restored_name"
createdb --maintenance-db="${source_url%/*}/postgres" "$restored_name"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$restored_url" "$dump"
after="$(count_rows "$restored_url")"

tables="$(printf '%s\n' "$before" | wc -l)"
rows="$(printf '%s\n' "$before" | awk '{s += $2} END {print s}')"
if [ "$before" = "$after" ]; then
  echo "OK: $tables tables, $rows rows, every count matches."
else
  echo "MISMATCH between the source and the restored copy:" >&2
  diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") >&2 || true
  exit 1
fi
