#!/usr/bin/env bash
# Timed runs of the Scrum module's budgets against the real host (Release) on loopback:
#   - the backlog page of a project with 2,000 backlog items (budget < 100 ms);
#   - GET …/scrum/sprints/{id}/burndown of an active sprint with 500 items and ~1,000 recorded changes (budget < 5 ms
#     for the calculation; the HTTP figure includes the query, JSON and the request pipeline).
# One connection, curl timings after a warm-up (tiered JIT); min/p50/p95 over the measured requests (on a shared,
# busy machine the minimum is the closest to the uncontended cost).
# Usage: tests/TsPmo.Benchmarks/load/scrum.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/../../.."
requests=${1:-200}
work=$(mktemp -d)
trap '[ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null; rm -rf "$work"' EXIT

echo "Publishing the host (Release)…"
dotnet publish host/TsPmo.Host -c Release -o "$work/app" --nologo -v quiet >/dev/null

export ConnectionStrings__TsPmo="Data Source=$work/scrum.db" Logging__LogLevel__Default=Warning
export TSPMO_ADMIN_EMAIL=load@example.com TSPMO_ADMIN_PASSWORD=load-test-password
port=5097
base="http://127.0.0.1:$port"
(cd "$work/app" && exec dotnet TsPmo.Host.dll --urls "$base") >"$work/host.log" 2>&1 &
echo $! > "$work/pid"
until curl -fs -o /dev/null "$base/health"; do sleep 0.2; done

token=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"email\":\"$TSPMO_ADMIN_EMAIL\",\"password\":\"$TSPMO_ADMIN_PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
project=$(curl -fs -X POST "$base/api/v1/projects" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"name":"Big backlog","code":"BIG-1","methodology":"scrum"}' | sed -E 's/^\{"id":([0-9]+).*/\1/')
today=$(date -u +%F)
end=$(date -u -d '+13 days' +%F)
sprint=$(curl -fs -X POST "$base/api/v1/projects/$project/scrum/sprints" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"name\":\"Sprint 1\",\"start\":\"$today\",\"end\":\"$end\",\"capacityPoints\":2000}" | sed -E 's/^\{"id":([0-9]+).*/\1/')

# 2,000 backlog items and a 500-item sprint with its history, written directly (the host keeps running on WAL).
python3 - "$work/scrum.db" "$project" "$sprint" <<'PY'
import sqlite3, sys, random, datetime
db = sqlite3.connect(sys.argv[1]); project = int(sys.argv[2]); sprint = int(sys.argv[3])
random.seed(4)
now = datetime.datetime.now(datetime.timezone.utc)
stamp = lambda t: t.strftime('%Y-%m-%dT%H:%M:%S.0000000Z')
rows = [(project, None, 'Story', f'Backlog story {n}', 'As a user I want **this**.', '- it works', random.choice([1,2,3,5,8]), 4.0, 'ToDo', n, stamp(now), stamp(now))
        for n in range(2000)]
rows += [(project, sprint, 'Story', f'Sprint story {n}', '', '', random.choice([1,2,3,5,8]), 4.0, 'ToDo', 5000 + n, stamp(now), stamp(now)) for n in range(500)]
db.executemany("""INSERT INTO scrum_item (project_id, sprint_id, type, title, description, acceptance_criteria, points, estimate_hours, status, rank,
                  created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
items = db.execute("SELECT id, points FROM scrum_item WHERE sprint_id = ?", (sprint,)).fetchall()
db.execute("UPDATE scrum_sprint SET state = 'Active', started_at = ?, committed_points = ? WHERE id = ?", (stamp(now), sum(p for _, p in items), sprint))
events = []
for i, (item, points) in enumerate(items):
    events.append((project, item, sprint, 'Committed', points, 0, stamp(now)))
    if i % 5 < 4:
        events.append((project, item, sprint, 'Status', 0, points, stamp(now + datetime.timedelta(minutes=i))))
db.executemany("INSERT INTO scrum_item_event (project_id, item_id, sprint_id, kind, scope_delta, done_delta, at, by_name) VALUES (?,?,?,?,?,?,?, 'load')", events)
db.commit()
print(f"backlog items: 2000, sprint items: {len(items)}, sprint events: {len(events)}")
PY

jar="$work/cookies"
form=$(curl -fs -c "$jar" "$base/Account/Login" | grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "$base/Account/Login" \
    --data-urlencode "Input.Email=$TSPMO_ADMIN_EMAIL" --data-urlencode "Input.Password=$TSPMO_ADMIN_PASSWORD" --data-urlencode "__RequestVerificationToken=$form"

measure() { # label, count, curl args…
    local label=$1 count=$2; shift 2
    for _ in $(seq 1 50); do curl -fs -o /dev/null "$@"; done
    for _ in $(seq 1 "$count"); do curl -fs -o /dev/null -w '%{time_total}\n' "$@"; done | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
p = lambda q: t[max(0, -(-len(t) * q // 100) - 1)]
print(f'$label: n={len(t)} min={t[0]:.1f} ms p50={p(50):.1f} ms p95={p(95):.1f} ms max={t[-1]:.1f} ms')"
}

size=$(curl -fs -b "$jar" "$base/Projects/$project/Scrum/Backlog" | wc -c)
echo "backlog page: $size bytes"
measure "Backlog page, 2,000 items" "$requests" -b "$jar" "$base/Projects/$project/Scrum/Backlog"
measure "GET burndown, 500-item active sprint" "$requests" -H "Authorization: Bearer $token" "$base/api/v1/projects/$project/scrum/sprints/$sprint/burndown"
measure "Board page, 500-item active sprint" "$((requests / 4))" -b "$jar" "$base/Projects/$project/Scrum/Board"
