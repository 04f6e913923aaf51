#!/usr/bin/env bash
# A private PostgreSQL for the database samples (tests/samples/Db*): Debian's server, a data folder
# under artifacts/postgres, a loopback port, run as a user that is not root.
#   eng/postgres.sh start   installs the server if missing, creates the data folder, starts it,
#                           and writes the connection string to artifacts/postgres/connection.txt
#   eng/postgres.sh stop    stops it (the data folder stays for the next start)
# The integration tests read the connection string from that file (or FLAKYTRACE_POSTGRES) and fail,
# saying to run this script, when no server answers.
set -euo pipefail
cd "$(dirname "$0")/.."
action="${1:-start}"
port="${FLAKYTRACE_POSTGRES_PORT:-55432}"
root="$PWD/artifacts/postgres"
data="$root/data"

as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(server_bin)" ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
bin="$(server_bin)"

# The server refuses to run as root: run it as the Debian package's postgres user when we are root.
owner="$(id -un)"
if [ "$(id -u)" = "0" ]; then owner=postgres; fi
run() { if [ "$(id -u)" = "0" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi; }

# The server runs as $owner, who must reach the data folder. Where a folder above the repository
# is closed to that user (a clone under /root), the data folder goes to /tmp instead.
mkdir -p "$root"
chown "$owner" "$root" 2>/dev/null || true
if ! run test -w "$root" 2>/dev/null; then
  data="/tmp/flakytrace-postgres-$(printf '%s' "$PWD" | cksum | cut -d' ' -f1)"
  mkdir -p "$data" && chown "$owner" "$data" && chmod 700 "$data"
fi

case "$action" in
  start)
    if [ ! -f "$data/PG_VERSION" ]; then
      run "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-instructions >/dev/null
    fi
    if ! run "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      run "$bin/pg_ctl" -D "$data" -l "$data/../$(basename "$data").log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$data' -c max_connections=300 -c fsync=off" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" > "$root/connection.txt"
    echo "PostgreSQL on 127.0.0.1:$port ($("$bin/postgres" --version)); connection string in artifacts/postgres/connection.txt"
    ;;
  stop)
    if [ -f "$data/PG_VERSION" ]; then run "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -f "$root/connection.txt"
    ;;
  *)
    echo "usage: eng/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
