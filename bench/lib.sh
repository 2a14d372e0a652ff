# Shared by the side-by-side scripts (source it): a PostgreSQL 15 and a drove server on loopback
# ports, in a temporary directory that is removed, with both servers, on exit.
#
#   start_servers [postgres setting=value ...]   sets work, pgport, droveport
#   start_drove [drove server flag ...]            drove alone: sets work, droveport
#   start_node NAME PGPORT CLUSTERPORT HTTPPORT [flag ...]   one more drove (cluster benches)
pgbin=/usr/lib/postgresql/15/bin

# PostgreSQL refuses to run as root: run its commands as the postgres user then.
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  [ -n "${drove_pid:-}" ] && kill "$drove_pid" 2>/dev/null && wait "$drove_pid" 2>/dev/null || true
  local p
  for p in ${node_pids:-}; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  [ -d "$work/pg" ] && run_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}

make_work() {
  work=$(mktemp -d /tmp/drove-bench.XXXXXX)
  chmod 755 "$work"
  trap cleanup EXIT
  go build -o "$work/drove" ./cmd/drove
}

# run_drove starts the drove server on droveport with extra flags and waits until it answers.
# Its cluster port is droveport+5000 rather than the default 5434, so two benches (or a bench
# and a developer's server) on one machine do not collide.
run_drove() {
  "$work/drove" server --data-dir "$work/drove-data" --pg-addr "127.0.0.1:$droveport" \
    --cluster-addr "127.0.0.1:$((droveport + 5000))" --log-level warn "$@" &
  drove_pid=$!
  for _ in $(seq 100); do psql -qX -h 127.0.0.1 -p "$droveport" -U drove drove -c "SELECT 1" >/dev/null 2>&1 && break; sleep 0.1; done
}

start_drove() {
  make_work
  droveport=$((20000 + RANDOM % 10000))
  run_drove "$@"
}

start_servers() {
  make_work
  pgport=$((20000 + RANDOM % 10000)); droveport=$((pgport + 1))
  mkdir "$work/pg"; [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
  run_pg "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  local opts="-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" setting
  for setting in "$@"; do opts+=" -c $setting"; done
  run_pg "$pgbin/pg_ctl" -D "$work/pg" -o "$opts" -l "$work/pg/log" -w start >/dev/null
  run_drove
}

# start_node starts a drove server NAME (its node id and data directory) with its PostgreSQL,
# cluster and admin HTTP ports, logging to $work/NAME.log, and waits until it answers. It runs
# $drove_bin if set, else the binary make_work built.
start_node() {
  local name=$1 pg=$2 cl=$3 http=$4
  shift 4
  "${drove_bin:-$work/drove}" server --data-dir "$work/$name" --node-id "$name" --pg-addr "127.0.0.1:$pg" \
    --cluster-addr "127.0.0.1:$cl" --http-addr "127.0.0.1:$http" --log-level warn "$@" 2>>"$work/$name.log" &
  node_pids+=" $!"
  for _ in $(seq 300); do psql -qX -h 127.0.0.1 -p "$pg" -U drove drove -c "SELECT 1" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "node $name did not answer on port $pg; its log:" >&2
  tail -20 "$work/$name.log" >&2
  return 1
}
