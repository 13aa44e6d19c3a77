#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for trying `gongbao --store` by hand (tests start their own).
#   bash scripts/pg-local.sh start [dir]   # prints the connection string to pass to --store
#   bash scripts/pg-local.sh stop  [dir]   # stops the server and deletes the directory
# Runs the server binaries as the postgres user when invoked as root (PostgreSQL refuses to run as root).
set -euo pipefail
cmd=${1:-}
dir=${2:-/tmp/gongbao-pg}
bin=${GONGBAO_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
[ -x "$bin/pg_ctl" ] || { echo "pg-local: PostgreSQL not found (bash scripts/install-deps.sh, or set GONGBAO_PG_BIN)" >&2; exit 1; }
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ ${#as_pg[@]} -gt 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    [ -f "$dir/data/PG_VERSION" ] || "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U gongbao --auth=trust -E UTF8 --no-locale >/dev/null
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    "${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U gongbao gongbao
    echo "Host=127.0.0.1;Port=$port;Username=gongbao;Database=gongbao"
    ;;
  stop)
    [ -d "$dir/data" ] && "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
