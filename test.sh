#!/usr/bin/env bash
# Installs what the tests need, builds, runs every test project and ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ -x /usr/sbin/haproxy ] || need+=(haproxy)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} …"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || echo "warning: could not install ${need[*]}; tests that need them will say so"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then
    [ -d "$pgdir/replica" ] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir/replica" -m fast stop >/dev/null 2>&1
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir/data" -m fast stop >/dev/null 2>&1
    rm -rf "$pgdir"
  fi
  rm -f "$log"
}
trap cleanup EXIT

# A throwaway PostgreSQL server for the API tests (they skip, saying why, when there is none).
pg_bin=/usr/lib/postgresql/15/bin
if [ -z "${JIXIAO_TEST_POSTGRES:-}" ] && [ -x "$pg_bin/initdb" ] && [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
  pgdir=$(mktemp -d)
  chown postgres "$pgdir"
  port=$((20000 + RANDOM % 20000))
  if runuser -u postgres -- "$pg_bin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdir/data" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" -l "$pgdir/log" -w start >/dev/null 2>&1; then
    export JIXIAO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
    echo "PostgreSQL test server on port $port"
    # A streaming replica of it, for the read-only queries' test (which skips, saying why, without one).
    replica=$((port + 1))
    if runuser -u postgres -- "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$pgdir/replica" -R -X stream >/dev/null 2>&1 \
      && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdir/replica" -o "-p $replica -k $pgdir -c listen_addresses=127.0.0.1" -l "$pgdir/replica.log" -w start >/dev/null 2>&1; then
      export JIXIAO_TEST_POSTGRES_REPLICA="Host=127.0.0.1;Port=$replica;Username=postgres"
      echo "PostgreSQL streaming replica on port $replica"
    else
      echo "warning: could not start a PostgreSQL replica; the replica test will be skipped"
    fi
  else
    echo "warning: could not start PostgreSQL; the PostgreSQL tests will be skipped"
    cat "$pgdir/log" 2>/dev/null | tail -5
  fi
fi

dotnet test --solution Jixiao.slnx 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
total=$(count total); failed=$(count failed); passed=$(count succeeded); skipped=$(count skipped)
if [ "$total" = 0 ] && [ "$status" != 0 ]; then
  failed=1   # the build or the test host failed before any test ran
fi
# The failures again, last, so that a log read from its end names them.
if grep -qE "^failed " "$log"; then
  echo "Failed tests:"
  grep -E -A 12 "^failed " "$log" | head -n 200
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
