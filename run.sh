#!/usr/bin/env bash
# Runs Plan Ledger in the foreground: PostgreSQL (embedded and kept running, unless SPRING_DATASOURCE_URL names
# one), then the command service and the query service, each logged in as its own role. Imports the real plan when
# the store does not have it yet. Needs only a JDK 17+. Ctrl-C or SIGTERM stops everything it started.
#
# Settings (environment):
#   COMMAND_SERVICE_PORT   default 8081
#   QUERY_SERVICE_PORT     default 8082
#   PLAN_LEDGER_DATA_DIR   default ./data (the embedded PostgreSQL's cluster and the services' logs)
#   PLAN_LEDGER_DB_PORT    default 54329 (the embedded PostgreSQL)
#   SPRING_DATASOURCE_URL  use this PostgreSQL instead of the embedded one; with SPRING_DATASOURCE_USERNAME and
#                          _PASSWORD naming an administrator, run.sh first sets up the services' roles there
#   PLAN_LEDGER_DB_{OWNER,COMMAND,QUERY}_{ROLE,PASSWORD}
#                          the roles the migrations and each service log in as (docs/security.md)
#   PLAN_LEDGER_REBUILD=1  rebuild the jars even if they exist
#   JAVA_OPTS              extra options for the service JVMs
#   COMMAND_SERVICE_PUBLIC_URL, QUERY_SERVICE_PUBLIC_URL
#                          where browsers reach each service (default http://localhost:<port>); see docs/security.md
set -euo pipefail

cd "$(dirname "$0")"
root=$(pwd)
started_at=$(date +%s)

command_port=${COMMAND_SERVICE_PORT:-8081}
query_port=${QUERY_SERVICE_PORT:-8082}
data_dir=${PLAN_LEDGER_DATA_DIR:-$root/data}
db_port=${PLAN_LEDGER_DB_PORT:-54329}
mkdir -p "$data_dir/logs"
data_dir=$(cd "$data_dir" && pwd)
export PLAN_LEDGER_DATA_DIR=$data_dir PLAN_LEDGER_DB_PORT=$db_port

postgres_jar=local-postgres/target/local-postgres-exec.jar
command_jar=command-service/target/command-service.jar
query_jar=query-service/target/query-service.jar

# Output may go to a pipe or terminal that has gone away; that must never stop us from stopping our children.
say() { printf '%s\n' "$*" 2>/dev/null || true; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

java_cmd=java
[ -n "${JAVA_HOME:-}" ] && java_cmd="$JAVA_HOME/bin/java"
command -v "$java_cmd" >/dev/null 2>&1 || fail "no Java found: install a JDK 17 or newer, or set JAVA_HOME"
java_major=$("$java_cmd" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed; $java_cmd is version ${java_major:-unknown}"

if [ "${PLAN_LEDGER_REBUILD:-0}" = 1 ] || [ ! -f "$postgres_jar" ] || [ ! -f "$command_jar" ] || [ ! -f "$query_jar" ]; then
    say "Building Plan Ledger (first run only; later runs reuse the jars)…"
    # Only what run.sh runs, and no tests (./mvnw verify runs those).
    ./mvnw -q -Dmaven.test.skip=true -pl local-postgres,command-service,query-service -am package || fail "the build failed"
fi

# stop_postgres_left_running: a PostgreSQL still running on our data directory whose supervisor is gone (killed
# with kill -9, say) runs unwatched and would be taken over by the next start; stop it (a fast shutdown, SIGINT).
stop_postgres_left_running() {
    local pid
    pid=$(head -n 1 "$data_dir/postgres/postmaster.pid" 2>/dev/null) || return 0
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 0
    ps -p "$pid" -o comm= 2>/dev/null | grep -q postgres || return 0
    say "Stopping the PostgreSQL left running on $data_dir/postgres (process $pid)…"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.3
    done
    say "PostgreSQL (process $pid) did not stop within 30 s."
}

pids=()
embedded=0
stopping=0
stop_all() {
    [ "$stopping" = 1 ] && return
    stopping=1
    say ""
    say "Stopping Plan Ledger…"
    # Services first, then the database they write to.
    for (( i=${#pids[@]}-1; i>=0; i-- )); do
        kill -TERM "${pids[i]}" 2>/dev/null || true
        wait "${pids[i]}" 2>/dev/null || true
    done
    [ "$embedded" = 1 ] && stop_postgres_left_running
    say "Stopped."
}
trap '' PIPE
trap 'stop_all; exit 0' INT TERM HUP
trap 'stop_all' EXIT

# http_ok PORT PATH: true once http://localhost:PORT/PATH answers 200 (plain bash, no curl needed).
http_ok() {
    local status
    { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
    IFS= read -r -t 5 status <&3 || status=""
    exec 3<&- 3>&-
    [[ "$status" == *" 200"* ]]
}

# wait_until SECONDS DESCRIPTION PID LOG COMMAND...: polls COMMAND until it succeeds or the process dies.
wait_until() {
    local limit=$1 what=$2 pid=$3 log=$4
    shift 4
    local deadline=$(( $(date +%s) + limit ))
    until "$@"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            say "$what stopped while starting. The end of $log:"
            tail -n 30 "$log" >&2 || true
            exit 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            say "$what did not become ready within ${limit}s. The end of $log:"
            tail -n 30 "$log" >&2 || true
            exit 1
        fi
        sleep 0.3
    done
}

if [ -z "${SPRING_DATASOURCE_URL:-}" ]; then
    embedded=1
    stop_postgres_left_running
    say "Starting PostgreSQL (data in $data_dir/postgres, port $db_port)…"
    rm -f "$data_dir/postgres.url"
    "$java_cmd" -jar "$postgres_jar" >"$data_dir/logs/postgres.log" 2>&1 &
    pids+=($!)
    wait_until 180 "PostgreSQL" "${pids[0]}" "$data_dir/logs/postgres.log" test -s "$data_dir/postgres.url"
    SPRING_DATASOURCE_URL=$(head -n 1 "$data_dir/postgres.url")
    export SPRING_DATASOURCE_URL
    database_note="embedded PostgreSQL on port $db_port, data in $data_dir/postgres"
else
    if [ -n "${SPRING_DATASOURCE_USERNAME:-}" ]; then
        say "Setting up the services' roles in $SPRING_DATASOURCE_URL as $SPRING_DATASOURCE_USERNAME…"
        "$java_cmd" -jar "$postgres_jar" roles >"$data_dir/logs/roles.log" 2>&1 \
            || { tail -n 30 "$data_dir/logs/roles.log" >&2; fail "could not set up the roles (see $data_dir/logs/roles.log)"; }
    fi
    database_note="$SPRING_DATASOURCE_URL"
fi
# The services log in as their own roles (PLAN_LEDGER_DB_*), never as the administrator.
unset SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD

# start_service NAME PORT_VARIABLE PORT JAR: starts a service and waits until it is up (its liveness probe).
start_service() {
    local name=$1 port_variable=$2 port=$3 jar=$4 log="$data_dir/logs/$1.log"
    say "Starting the $name on port $port…"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    env "$port_variable=$port" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}" \
        COMMAND_SERVICE_URL="http://localhost:$command_port" \
        "$java_cmd" ${JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
    pids+=($!)
    wait_until 180 "The $name" "${pids[-1]}" "$log" http_ok "$port" /actuator/health/liveness
}

start_service command-service COMMAND_SERVICE_PORT "$command_port" "$command_jar"
wait_until 180 "The command service" "${pids[-1]}" "$data_dir/logs/command-service.log" \
    http_ok "$command_port" /actuator/health/readiness
start_service query-service QUERY_SERVICE_PORT "$query_port" "$query_jar"
# Ready once it can answer: the database reachable and no read model being rebuilt (a projection rebuilt after an
# upgrade takes a while on a large ledger). Readiness, not the whole health: parked events make health DEGRADED,
# yet the service answers.
say "Waiting for the read models to be ready…"
wait_until 1800 "The read models" "${pids[-1]}" "$data_dir/logs/query-service.log" \
    http_ok "$query_port" /actuator/health/readiness

cat <<EOF 2>/dev/null || true

Plan Ledger is running (started in $(( $(date +%s) - started_at ))s).
  Web pages:            http://localhost:$query_port/
  Progress report:      http://localhost:$query_port/api/plans/chronic-pain/report?format=html (or md, pdf)
  The plan now:         http://localhost:$query_port/api/plans/chronic-pain/status
  An action's history:  http://localhost:$query_port/api/plans/chronic-pain/versions/2023-11/actions/7/history
  Query API (reads):    http://localhost:$query_port/swagger-ui.html
  Command API (writes): http://localhost:$command_port/swagger-ui.html
  Health:               http://localhost:$command_port/actuator/health  http://localhost:$query_port/actuator/health
  Sign in (HTTP Basic): secretariat, auditor or chair-<bodyId>, password \$DEMO_PASSWORD (default demo)
  Database:             $database_note
  Logs:                 $data_dir/logs/
Press Ctrl-C to stop.
EOF

# Stay in the foreground until a child exits or we are told to stop.
set +e
wait -n "${pids[@]}"
status=$?
if [ "$stopping" = 0 ]; then
    say "A Plan Ledger process exited (status $status); stopping the rest. See $data_dir/logs/."
    stop_all
    exit 1
fi
