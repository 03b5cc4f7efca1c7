#!/usr/bin/env bash
# Load test of the portfolio over `seed large` (1,000 projects, 300 people): the portfolio page and
# GET /api/v1/projects?pageSize=50 with 16 concurrent connections on loopback (budget: p95 < 50 ms); then the
# risk register topped up to 10,000 risks: the portfolio heat map (budget < 20 ms) and the first page of
# the portfolio risk list (budget < 50 ms), one connection at a time.
# Needs wrk (Debian: apt-get install wrk). Usage: tests/TsPmo.Benchmarks/load/portfolio.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}
here=tests/TsPmo.Benchmarks/load
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
work=$(mktemp -d)
trap '[ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null; rm -rf "$work"' EXIT

echo "Publishing the host (Release)…"
dotnet publish host/TsPmo.Host -c Release -o "$work/app" --nologo -v quiet >/dev/null
if ! ls modules/*/*.csproj >/dev/null 2>&1; then
    # No methodology module ships yet: borrow the test fixture's so projects can exist.
    dotnet build tests/fixtures/TsPmo.Fixtures.Methodology -c Release --nologo -v quiet >/dev/null
    mkdir -p "$work/app/plugins/TsPmo.Fixtures.Methodology"
    cp -r tests/fixtures/TsPmo.Fixtures.Methodology/bin/Release/net10.0/* "$work/app/plugins/TsPmo.Fixtures.Methodology/"
fi

export ConnectionStrings__TsPmo="Data Source=$work/load.db" Logging__LogLevel__Default=Warning
export TSPMO_ADMIN_EMAIL=load@example.com TSPMO_ADMIN_PASSWORD=load-test-password
(cd "$work/app" && dotnet TsPmo.Host.dll seed large)

port=5098
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

# Warm up long enough for tiered JIT to finish optimizing the hot paths; the first seconds measure the JIT, not us.
wrk -t2 -c16 -d12s -H "Cookie: $cookie" "$base/Projects" >/dev/null
wrk -t2 -c16 -d8s -H "Authorization: Bearer $token" "$base/api/v1/projects?pageSize=50" >/dev/null

echo; echo "== Portfolio page (/Projects, 25 per page), 16 connections, ${seconds}s"
wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Cookie: $cookie" "$base/Projects" | tail -n 2
echo; echo "== Portfolio page sorted by owner, filtered by phase"
wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Cookie: $cookie" "$base/Projects?phase=Execution&sort=Owner&p=3" | tail -n 2
echo; echo "== GET /api/v1/projects?pageSize=50, 16 connections, ${seconds}s"
wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Authorization: Bearer $token" "$base/api/v1/projects?pageSize=50" | tail -n 2

if [ -n "$(sqlite3 --version 2>/dev/null)" ] || command -v python3 >/dev/null; then
    # Top the risk register up to 10,000 risks by copying the seeded ones across projects.
    python3 - "$work/load.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT COUNT(*) FROM risk_risk").fetchone()[0]
while n and n < 10000:
    db.execute("""INSERT INTO risk_risk (project_id, kind, title, description, category, cause, event, effect, probability, impact,
                  residual_probability, residual_impact, proximity_date, owner_person_id, response, mitigation, triggers, status,
                  last_reviewed, created_at, updated_at, version)
                  SELECT (project_id % 1000) + 1, kind, title, description, category, cause, event, effect, ((probability + id) % 5) + 1, impact,
                  residual_probability, residual_impact, proximity_date, owner_person_id, response, mitigation, triggers, status,
                  last_reviewed, created_at, updated_at, version FROM risk_risk LIMIT ?""", (10000 - n,))
    db.commit()
    n = db.execute("SELECT COUNT(*) FROM risk_risk").fetchone()[0]
print(f"risks: {n}")
PY
    wrk -t1 -c1 -d5s -H "Authorization: Bearer $token" "$base/api/v1/risk/heatmap" >/dev/null
    echo; echo "== GET /api/v1/risk/heatmap over 10,000 risks, one connection, ${seconds}s"
    wrk -t1 -c1 -d"${seconds}s" -s "$here/p95.lua" -H "Authorization: Bearer $token" "$base/api/v1/risk/heatmap" | tail -n 2
    wrk -t1 -c1 -d5s -H "Cookie: $cookie" "$base/Risk" >/dev/null
    echo; echo "== Portfolio risk page (/Risk, first 50 of 10,000), one connection, ${seconds}s"
    wrk -t1 -c1 -d"${seconds}s" -s "$here/p95.lua" -H "Cookie: $cookie" "$base/Risk" | tail -n 2
fi
