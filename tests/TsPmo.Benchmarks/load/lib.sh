# Shared steps of the load scripts: source it after `cd` to the repository root, with $work set to a temporary folder.

# Publishes the host in Release into $work/app and seeds `seed large` into $work/load.db.
publish_and_seed_large() {
    echo "Publishing the host (Release)…"
    dotnet publish host/TsPmo.Host -c Release -o "$work/app" --nologo -v quiet >/dev/null
    export ConnectionStrings__TsPmo="Data Source=$work/load.db" Logging__LogLevel__Default=Warning
    export TSPMO_ADMIN_EMAIL=load@example.com TSPMO_ADMIN_PASSWORD=load-test-password
    (cd "$work/app" && dotnet TsPmo.Host.dll seed large)
}

# Starts the published host on $base (pid in $work/pid) and waits for /health.
start_host() {
    (cd "$work/app" && exec dotnet TsPmo.Host.dll --urls "$base") >"$work/host.log" 2>&1 &
    echo $! > "$work/pid"
    until curl -fs -o /dev/null "$base/health"; do sleep 0.2; done
}

# A bearer token for an account: token_of EMAIL PASSWORD
token_of() {
    curl -fs -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" \
        | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# A signed-in cookie ("tspmo.auth=…") for an account: cookie_of EMAIL PASSWORD
cookie_of() {
    local jar="$work/jar-$1" form
    form=$(curl -fs -c "$jar" "$base/Account/Login" | grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
    curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "$base/Account/Login" \
        --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "__RequestVerificationToken=$form"
    awk '$6 == "tspmo.auth" {print $6 "=" $7}' "$jar"
}
