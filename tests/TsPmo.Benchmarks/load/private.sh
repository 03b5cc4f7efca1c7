#!/usr/bin/env bash
# Load test of project visibility (issue #12) over `seed large` (1,000 projects): one project in five is made Private;
# a Member who belongs to a few dozen projects (some of them Private) reads the portfolio page and
# GET /api/v1/projects?pageSize=50, and so does the administrator (who reads everything). Budget: the member's p95
# within 10 % of the administrator's. 16 connections on loopback, wrk with p95.lua.
# Needs wrk (Debian: apt-get install wrk) and python3. Usage: tests/TsPmo.Benchmarks/load/private.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}
here=tests/TsPmo.Benchmarks/load
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
work=$(mktemp -d)
trap '[ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null; rm -rf "$work"' EXIT

. "$here/lib.sh"
publish_and_seed_large

# One project in five Private; the member is the seeded person with the most memberships, also added to 20 Private projects.
member_email=$(python3 - "$work/load.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE core_project SET visibility = 'Private' WHERE id % 5 = 0")
pid, email = db.execute("""SELECT p.id, p.email FROM core_person p JOIN core_project_member m ON m.person_id = p.id
                           WHERE p.email IS NOT NULL AND p.user_id IS NULL GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1""").fetchone()
db.execute("""INSERT INTO core_project_member (project_id, person_id, role, added_at)
              SELECT id, ?, 'Member', '2026-01-01' FROM core_project WHERE visibility = 'Private'
              AND id NOT IN (SELECT project_id FROM core_project_member WHERE person_id = ?) LIMIT 20""", (pid, pid))
db.commit()
print(email)
PY
)

port=5099
base="http://127.0.0.1:$port"
start_host
admin_token=$(token_of "$TSPMO_ADMIN_EMAIL" "$TSPMO_ADMIN_PASSWORD")
curl -fs -o /dev/null -X POST "$base/api/v1/users" -H "Authorization: Bearer $admin_token" -H 'content-type: application/json' \
    -d "{\"email\":\"$member_email\",\"displayName\":\"Load member\",\"role\":\"Member\",\"password\":\"member-load-password\"}"
member_token=$(token_of "$member_email" member-load-password)
admin_cookie=$(cookie_of "$TSPMO_ADMIN_EMAIL" "$TSPMO_ADMIN_PASSWORD")
member_cookie=$(cookie_of "$member_email" member-load-password)
[ -n "$admin_cookie" ] && [ -n "$member_cookie" ] || { echo "sign-in failed"; exit 1; }
echo "member $member_email sees $(curl -fs -H "Authorization: Bearer $member_token" "$base/api/v1/projects?pageSize=1" | grep -oE '"total":[0-9]+') of 1,000 projects"

# Warm up every path measured below, for both readers, so neither pays for the JIT.
for who in admin member; do
    cookie_var="${who}_cookie"; token_var="${who}_token"
    wrk -t2 -c16 -d8s -H "Cookie: ${!cookie_var}" "$base/Projects" >/dev/null
    wrk -t2 -c16 -d6s -H "Authorization: Bearer ${!token_var}" "$base/api/v1/projects?pageSize=50" >/dev/null
done
# Two rounds in opposite orders, so neither reader always runs on a machine that the other has just warmed or tired.
for who in admin member member admin; do
    cookie_var="${who}_cookie"; token_var="${who}_token"
    echo; echo "== $who: portfolio page (/Projects), 16 connections, ${seconds}s"
    wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Cookie: ${!cookie_var}" "$base/Projects" | tail -n 2
    echo; echo "== $who: GET /api/v1/projects?pageSize=50, 16 connections, ${seconds}s"
    wrk -t2 -c16 -d"${seconds}s" -s "$here/p95.lua" -H "Authorization: Bearer ${!token_var}" "$base/api/v1/projects?pageSize=50" | tail -n 2
done
