#!/usr/bin/env bash
# Load test of Reporting over `seed large` (1,000 projects): the home page (the portfolio dashboard for an
# administrator), the full /Reporting page and GET /api/v1/reporting/health, 16 concurrent connections on loopback
# (budget: p95 < 100 ms), then the home page, which adds every other module's widgets. The first request builds the portfolio view (signals of every enabled module, methodology
# progress); later ones are served from the cache while the change stamp holds (ADR 0010). The time of that first
# build — what the first request after an edit pays — is printed too.
# Needs wrk. Usage: tests/TsPmo.Benchmarks/load/reporting.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-15}
here=tests/TsPmo.Benchmarks/load
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
work=$(mktemp -d)
trap '[ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null; rm -rf "$work"' EXIT

echo "Publishing the host (Release)…"
dotnet publish host/TsPmo.Host -c Release -o "$work/app" --nologo -v quiet >/dev/null

export ConnectionStrings__TsPmo="Data Source=$work/load.db" Logging__LogLevel__Default=Warning
export TSPMO_ADMIN_EMAIL=load@example.com TSPMO_ADMIN_PASSWORD=load-test-password
# The reporting jobs would snapshot the large portfolio while we measure: start them late.
export Jobs__reporting_scheduler__FirstRunAfterSeconds=3600
(cd "$work/app" && dotnet TsPmo.Host.dll seed large)

port=5095
base="http://127.0.0.1:$port"
(cd "$work/app" && exec dotnet TsPmo.Host.dll --urls "$base") >"$work/host.log" 2>&1 &
echo $! > "$work/pid"
until curl -fs -o /dev/null "$base/health"; do sleep 0.2; done

token=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"email\":\"$TSPMO_ADMIN_EMAIL\",\"password\":\"$TSPMO_ADMIN_PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
jar="$work/cookies"
form=$(curl -fs -c "$jar" "$base/Account/Login" | grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "$base/Account/Login" \
    --data-urlencode "Input.Email=$TSPMO_ADMIN_EMAIL" --data-urlencode "Input.Password=$TSPMO_ADMIN_PASSWORD" --data-urlencode "__RequestVerificationToken=$form"
cookie=$(awk '$6 == "tspmo.auth" {print $6 "=" $7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed"; exit 1; }

echo; echo "== First GET /api/v1/reporting/health (builds the portfolio view, cold)"
curl -fs -o /dev/null -w "%{time_total}s, %{size_download} bytes\n" -H "Authorization: Bearer $token" "$base/api/v1/reporting/health"
curl -fs -o "$work/cold.json" -H "Authorization: Bearer $token" "$base/api/v1/reporting/health"
echo "   projects in the answer: $(grep -o '"projectId"' "$work/cold.json" | wc -l)"

wrk -t2 -c16 -d8s -H "Cookie: $cookie" "$base/Reporting" >/dev/null
wrk -t2 -c16 -d8s -H "Authorization: Bearer $token" "$base/api/v1/reporting/health" >/dev/null

echo; echo "== /Reporting (full dashboard), 16 connections, ${seconds}s"
wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Cookie: $cookie" "$base/Reporting" | tail -n 2
echo; echo "== GET /api/v1/reporting/health, 16 connections, ${seconds}s"
wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Authorization: Bearer $token" "$base/api/v1/reporting/health" | tail -n 2
echo; echo "== GET /api/v1/reporting/kpis, 16 connections, ${seconds}s"
wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Authorization: Bearer $token" "$base/api/v1/reporting/kpis" | tail -n 2

# Last: the home page also renders the other modules' widgets (Risk's top risks computes the portfolio's early
# warnings on every request), and requests wrk gives up on keep the server busy for a while after it stops.
echo; echo "== Home page (Reporting's widgets and every other enabled module's), 16 connections, ${seconds}s"
wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Cookie: $cookie" "$base/" | tail -n 2
echo; echo "== Home page, 1 connection, ${seconds}s"
wrk -t1 -c1 -d"${seconds}s" -s "$here/p95.lua" -H "Cookie: $cookie" "$base/" | tail -n 2
sleep 5

# An edit (an override writes the audit log): the next request rebuilds the view, and shows the change.
curl -fs -o "$work/before.json" -H "Authorization: Bearer $token" "$base/api/v1/reporting/health"
pid=$(grep -m1 -oE '"projectId":[0-9]+' "$work/before.json" | sed -n 1p | cut -d: -f2)
tomorrow=$(date -u -d tomorrow +%F)
curl -fs -o /dev/null -X POST "$base/api/v1/projects/$pid/reporting/overrides" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"dimension\":\"overall\",\"rag\":\"Green\",\"comment\":\"load test\",\"expiresOn\":\"$tomorrow\"}"
echo; echo "== First GET /api/v1/reporting/health after an edit (rebuild)"
curl -fs -o "$work/after.json" -w "%{time_total}s\n" -H "Authorization: Bearer $token" "$base/api/v1/reporting/health"
grep -q '"comment":"load test"' "$work/after.json" && echo "   the override shows" || { echo "   the override is missing: stale cache"; exit 1; }
