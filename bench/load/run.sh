#!/usr/bin/env bash
# The load benchmark: seed (idempotent), serve with gunicorn in server mode,
# drive it with locust from this machine, print the figures, stop the server.
#
#   bench/load/run.sh            # 50 users, 10 a second, 60 s, 4 workers
#   USERS=50 MEASURE=120 WORKERS=4 bench/load/run.sh
#
# Every locust user signs in first (argon2: slow on purpose, once a day in
# real use); then the statistics restart and the mix runs MEASURE seconds.
#
# HEADWAY_LOAD_DATABASE_URL names the database (default headway_load on the
# local PostgreSQL); SEED_USERS how many users seed.py makes (10,000);
# SKIP_SEED=1 serves the database as it is.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.venv/bin}
URL=${HEADWAY_LOAD_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/headway_load}
USERS=${USERS:-50}
SPAWN_RATE=${SPAWN_RATE:-10}
MEASURE=${MEASURE:-60}
WORKERS=${WORKERS:-4}
PORT=${PORT:-8765}
SEED_USERS=${SEED_USERS:-10000}
OUT=${OUT:-bench/load/results}

if [ -z "${SKIP_SEED:-}" ]; then
  "$BIN/python" bench/load/seed.py --users "$SEED_USERS" --database-url "$URL"
else
  # The database is served as it is; the sign-ins locust reads are derived
  # from the user names, so they are written again here (never committed).
  "$BIN/python" bench/load/seed.py --users "$SEED_USERS" --csv-only
fi

mkdir -p "$OUT"
DATA_DIR=$(mktemp -d)
export HEADWAY_MODE=server DATABASE_URL="$URL" HEADWAY_DATA_DIR="$DATA_DIR" \
  HEADWAY_SECRET_KEY=load-bench-secret-key-not-for-production \
  HEADWAY_ALLOWED_HOSTS=127.0.0.1 HEADWAY_WARM=0

"$BIN/headway" serve --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" \
  >"$OUT/server.log" 2>&1 &
SERVER=$!
stop() { kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$DATA_DIR"; }
trap stop EXIT

for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || {
  echo "the server did not start; see $OUT/server.log" >&2; exit 1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The machine's 1-minute load average every 10 s while locust runs.
( while sleep 10; do cut -d' ' -f1 /proc/loadavg; done ) >"$OUT/loadavg.txt" &
SAMPLER=$!
HEADWAY_LOAD_MEASURE=$MEASURE HEADWAY_LOAD_LOGIN_REPORT="$OUT/login_stats.txt" \
"$BIN/locust" -f bench/load/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  -u "$USERS" -r "$SPAWN_RATE" -t "$((MEASURE + 600))s" --csv "$OUT/load" --only-summary \
  --exit-code-on-error 0 >"$OUT/locust.log" 2>&1 || true
kill "$SAMPLER" 2>/dev/null || true
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load average during (1 min, every 10 s): $(tr '\n' ' ' <"$OUT/loadavg.txt")"
echo "signing in (before the clock restarted):"; cat "$OUT/login_stats.txt" || true
"$BIN/python" bench/load/report.py "$OUT/load_stats.csv" "$OUT/load_failures.csv"
