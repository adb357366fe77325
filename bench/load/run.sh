#!/usr/bin/env bash
# Load test of every page of every role's menu (bench/load/pages.txt) and every kind of public page on a large-city database (3,000 projects × 10 years),
# from a second process (wrk) on 127.0.0.1 with 32 connections, quiet and while values are saved twice a second.
# Usage: bench/load/run.sh [seconds per run, default 8] [regex of 「role path」 to measure only some pages, see pages.py]
# Needs wrk (apt-get install -y wrk) and python3; builds Release, seeds /tmp/komaki-large.db once, starts the app in
# Production (plain HTTP on 127.0.0.1, as behind the TLS proxy) and runs bench/load/pages.py, which finds the pages
# and prints the Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-8}
DB=${KOMAKI_LARGE_DB:-/tmp/komaki-large.db}
PORT=${KOMAKI_LOAD_PORT:-5077}
LOG=${KOMAKI_LOAD_LOG:-/tmp/komaki-load-$PORT.log}
BASE=http://127.0.0.1:$PORT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

dotnet build -c Release -v q Komaki.Management.sln >/dev/null
if [ ! -f "$DB" ]; then
  ConnectionStrings__Default="Data Source=$DB" dotnet src/Komaki.Management.Cli/bin/Release/net10.0/komaki.dll seed-large --projects 3000 --years 10 | tail -1
fi

start=$(date +%s%N)
ConnectionStrings__Default="Data Source=$DB" Reminders__Automatic=false Security__RequireHttps=false ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Komaki.Management.Web/bin/Release/net10.0/Komaki.Management.Web.dll --contentRoot "$PWD/src/Komaki.Management.Web" --urls $BASE >$LOG 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null $BASE/Account/Login; do
  kill -0 $APP 2>/dev/null || { echo "the app stopped: see $LOG" >&2; exit 1; }
  sleep 0.05
done
echo "startup to first page: $(( ($(date +%s%N) - start) / 1000000 )) ms"

python3 bench/load/pages.py "$BASE" "$DB" "$DURATION" ${2:+"$2"}
