#!/usr/bin/env bash
# Load test of the main pages on a large-city database (3,000 projects × 10 years), from a second process (wrk)
# on 127.0.0.1 with 32 connections. Usage: bench/load/run.sh [seconds per page, default 15]
# Needs wrk (apt-get install -y wrk); builds Release, seeds /tmp/komaki-large.db once, prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
DB=${KOMAKI_LARGE_DB:-/tmp/komaki-large.db}
PORT=5077
BASE=http://127.0.0.1:$PORT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

dotnet build -c Release -v q Komaki.Management.sln >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true   # the compiler servers would compete for the two cores
if [ ! -f "$DB" ]; then
  ConnectionStrings__Default="Data Source=$DB" dotnet src/Komaki.Management.Cli/bin/Release/net10.0/komaki.dll seed-large --projects 3000 --years 10 | tail -1
fi

start=$(date +%s%N)
ConnectionStrings__Default="Data Source=$DB" Reminders__Automatic=false ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Komaki.Management.Web/bin/Release/net10.0/Komaki.Management.Web.dll --contentRoot "$PWD/src/Komaki.Management.Web" --urls $BASE >/tmp/komaki-load.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null $BASE/Account/Login; do
  kill -0 $APP 2>/dev/null || { echo "the app stopped: see /tmp/komaki-load.log" >&2; exit 1; }
  sleep 0.05
done
echo "startup to first page: $(( ($(date +%s%N) - start) / 1000000 )) ms"

JAR=$(mktemp)
TOKEN=$(curl -s -c "$JAR" -b "$JAR" $BASE/Account/Login | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null -X POST $BASE/Account/Login --data-urlencode "Email=kikaku@komaki.example" \
  --data-urlencode "Password=Komaki-demo-2024" --data-urlencode "__RequestVerificationToken=$TOKEN"
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | grep -v '^#' | awk 'NF>=7 {printf "%s=%s; ", $6, $7}')
sql() { python3 -c "import sqlite3,sys; print(sqlite3.connect('$DB').execute(sys.argv[1]).fetchone()[0])" "$1"; }
MEASURE=$(sql "select Id from Measures where Code='L05-05'")
UNIT=$(sql "select Id from OrgUnits where Code='L0503'")

PAGES=(
  "/healthz|healthz"
  "/PlanTree|計画体系"
  "/PlanTree/Projects?unitId=$UNIT&q=%E6%8B%A1%E5%BC%B5&page=1|事務事業一覧（課・語で絞り込み）"
  "/Plan/Measure/$MEASURE|施策のページ"
  "/Board?year=2026|PDCAボード"
  "/Manifesto|マニフェスト対応表"
  "/public/measures/$MEASURE|公開サイトの施策のページ"
)
echo
echo "| ページ | 初回 ms | p50 ms | p95 ms | p99 ms | req/s | 2xx以外 |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for entry in "${PAGES[@]}"; do
  url=${entry%%|*}; name=${entry##*|}
  # Citizens read the public site without signing in; staff pages are read as a planning officer.
  header="Cookie: $COOKIE"; [[ $url == /public* || $url == /healthz ]] && header="X-Anonymous: 1"
  # The first request builds the page's read model from the database; the load then runs against the warm page.
  first=$(curl -s -o /dev/null -w '%{time_total}' -H "$header" "$BASE$url" | awk '{printf "%.1f", $1 * 1000}')
  line=$(wrk -t2 -c32 -d"${DURATION}s" -s bench/load/report.lua -H "$header" "$BASE$url" | grep '^RESULT')
  eval "$(echo "$line" | sed 's/^RESULT //')"
  echo "| $name \`$url\` | $first | $p50 | $p95 | $p99 | $rps | $non2xx |"
done
