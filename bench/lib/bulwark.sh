# The Bulwark under test: start and stop through ./bulwark on the bench home, crash it, provision its
# extensions through the REST API, read its database and heap.

# Extension number of the n-th user (benchkit.credentials has the same rule).
number_of() { echo $((FIRST_EXTENSION + $1 - 1)); }

pid_file() { cat "$BULWARK_HOME/run/$1.pid" 2>/dev/null; }
bulwark_alive() { local p; p=$(pid_file wildfly) && [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
wildfly_java() { pgrep -P "$(pid_file wildfly)" java | head -1 || true; }

start_bulwark() {
  if bulwark_alive; then
    say "Using the Bulwark already running in $BULWARK_HOME"
    BULWARK_START_NOTE="already running in \`$BULWARK_HOME\` (not started by this run)"
    return 0
  fi
  if [ $KEEP_HOME = 0 ]; then
    case "$BULWARK_HOME" in
      "$TARGET"/*) rm -rf "$BULWARK_HOME" ;;
      *) die "refusing to empty $BULWARK_HOME (outside $TARGET); use --keep-home" ;;
    esac
  fi
  say "Starting Bulwark in $BULWARK_HOME (SIP $BULWARK_SIP_PORT, HTTPS $BULWARK_HTTPS_PORT, media anchoring $BULWARK_MEDIA_ANCHORING)"
  STARTED_BULWARK=1
  local t0; t0=$(now)
  launch_rtpengine
  "$ROOT/bulwark" start > "$RUN_DIR/bulwark-start.log" 2>&1 ||
    { tail -20 "$RUN_DIR/bulwark-start.log" >&2; die "Bulwark did not start"; }
  BULWARK_START_NOTE="started by this run with \`$ROOT/bulwark start\` in $(elapsed "$t0" "$(now)") s ($([ $KEEP_HOME = 1 ] && echo "kept home" || echo "fresh home"))"
}
stop_bulwark() {
  [ $STARTED_BULWARK = 1 ] || return 0
  say "Stopping Bulwark"
  "$ROOT/bulwark" stop >&2 || true
  STARTED_BULWARK=0
}

# launch_rtpengine: the media relay of the Bulwark under test, started the way `./bulwark start`
# starts it (same options, its PID file in $BULWARK_HOME/run, so that `./bulwark start` finds it
# running and uses it, and `./bulwark stop` stops it) plus --delete-delay: rtpengine keeps an
# ended call's four ports for 30 s by default, so calls of 1.5 s at 250/s would hold 31,500 ports,
# more than a range and this machine's limit of open files give it. Ports on loopback
# ($BULWARK_RTPENGINE_PORT_MIN-$BULWARK_RTPENGINE_PORT_MAX).
launch_rtpengine() {
  local run=$BULWARK_HOME/run p
  p=$(pid_file rtpengine) && [ -n "$p" ] && kill -0 "$p" 2>/dev/null && return 0
  mkdir -p "$run" "$BULWARK_HOME/log"
  # rtpengine binds its NG port even when another process has it (both then get commands).
  if [ -n "$(ss -Hunl "sport = :$BULWARK_RTPENGINE_NG_PORT" 2>/dev/null)" ]; then
    die "UDP port $BULWARK_RTPENGINE_NG_PORT (rtpengine NG) is taken; set BENCH_RTPENGINE_NG_PORT"
  fi
  local cmd=(rtpengine --config-file=none --table=-1 --foreground --log-stderr --log-level=5
    --interface="$BULWARK_RTPENGINE_INTERFACE" --listen-ng="127.0.0.1:$BULWARK_RTPENGINE_NG_PORT"
    --port-min="$BULWARK_RTPENGINE_PORT_MIN" --port-max="$BULWARK_RTPENGINE_PORT_MAX"
    --dtmf-log-dest="127.0.0.1:$BULWARK_RTPENGINE_DTMF_PORT"
    --delete-delay="$RTPENGINE_DELETE_DELAY")
  record_command "${cmd[*]}"
  setsid "${cmd[@]}" >> "$BULWARK_HOME/log/rtpengine.log" 2>&1 < /dev/null &
  echo $! > "$run/rtpengine.pid"
  RTPENGINE_PID=$!
  local deadline=$((SECONDS + 30))
  until ss -Hlunp "sport = :$BULWARK_RTPENGINE_NG_PORT" 2>/dev/null | grep -q "pid=$!,"; do
    kill -0 $! 2>/dev/null || { tail -5 "$BULWARK_HOME/log/rtpengine.log" >&2; die "rtpengine exited"; }
    [ $SECONDS -lt $deadline ] || die "rtpengine did not listen on $BULWARK_RTPENGINE_NG_PORT within 30 s"
    sleep 0.2
  done
}

# stop_rtpengine: the rtpengine this run started, when `./bulwark stop` did not stop it already
# (Kamailio alone: BENCH_TARGETS=kamailio).
stop_rtpengine() {
  [ -n "${RTPENGINE_PID:-}" ] || return 0
  if kill -0 "$RTPENGINE_PID" 2>/dev/null; then
    kill -TERM "$RTPENGINE_PID" 2>/dev/null || true
    local deadline=$((SECONDS + 15))
    while kill -0 "$RTPENGINE_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -KILL "$RTPENGINE_PID" 2>/dev/null || true
  fi
  wait "$RTPENGINE_PID" 2>/dev/null || true
  RTPENGINE_PID=""
}

# The media anchoring the running Bulwark was started with (WildFly's environment): always or never.
bulwark_anchoring() {
  local java; java=$(wildfly_java)
  local value; value=$(tr '\0' '\n' < "/proc/$java/environ" 2>/dev/null | sed -n 's/^BULWARK_MEDIA_ANCHORING=//p')
  case "${value,,}" in never) echo never ;; *) echo always ;; esac
}

# bulwark_media <always|never>: makes Bulwark run with that media anchoring, restarting it on the
# same home (extensions and bindings stay) when it runs with the other. Fails for an instance this
# run did not start (it is never restarted).
bulwark_media() {
  local want=$1
  [ "$(bulwark_anchoring)" = "$want" ] && return 0
  [ $STARTED_BULWARK = 1 ] || return 1
  say "Restarting Bulwark with BULWARK_MEDIA_ANCHORING=$want"
  local t0; t0=$(now)
  "$ROOT/bulwark" stop >> "$RUN_DIR/bulwark-media-restart.log" 2>&1 || true
  export BULWARK_MEDIA_ANCHORING=$want
  launch_rtpengine
  "$ROOT/bulwark" start >> "$RUN_DIR/bulwark-media-restart.log" 2>&1 ||
    { tail -20 "$RUN_DIR/bulwark-media-restart.log" >&2; die "Bulwark did not start again"; }
  [ "$(bulwark_anchoring)" = "$want" ] || die "Bulwark runs with anchoring $(bulwark_anchoring), not $want"
  say "Bulwark restarted with media anchoring $want in $(elapsed "$t0" "$(now)") s"
}

# kill_bulwark_java: a crash: SIGKILL to the WildFly JVM only (MariaDB and Keycloak keep running,
# as they would when the application server dies).
kill_bulwark_java() {
  local java; java=$(wildfly_java)
  [ -n "$java" ] || die "no WildFly java process under $(pid_file wildfly)"
  kill -KILL "$java"
  local deadline=$((SECONDS + 30))
  while kill -0 "$java" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  # The launcher script whose child it was ends with it; wait until it has.
  while bulwark_alive && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
}

# A Keycloak client with a service account holding the realm role "administrator", whose tokens
# are meant for the portal (the way arquillian-tests' KeycloakAdmin does it).
api_header() {
  local admin_pw admin client id user role secret
  admin_pw=$(cat "$BULWARK_HOME/secrets/keycloak-admin.pw")
  admin=$(curl -sf --max-time 30 -d grant_type=password -d client_id=admin-cli -d username=admin \
    --data-urlencode "password=$admin_pw" \
    "$KEYCLOAK/realms/master/protocol/openid-connect/token" | jq -r .access_token || true)
  [ -n "$admin" ] && [ "$admin" != null ] || die "no Keycloak admin token"
  local auth=(-H "Authorization: Bearer $admin")
  local base=$KEYCLOAK/admin/realms/bulwark
  id=$(curl -sf --max-time 30 "${auth[@]}" "$base/clients?clientId=bench-provisioner" | jq -r '.[0].id // empty' || true)
  if [ -z "$id" ]; then
    secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    client=$(jq -n --arg s "$secret" '{clientId: "bench-provisioner", secret: $s, publicClient: false,
      serviceAccountsEnabled: true, standardFlowEnabled: false,
      protocolMappers: [{name: "portal-audience", protocol: "openid-connect",
        protocolMapper: "oidc-audience-mapper",
        config: {"included.client.audience": "bulwark-portal", "access.token.claim": "true"}}]}')
    curl -sf --max-time 30 "${auth[@]}" -H 'Content-Type: application/json' -d "$client" "$base/clients" ||
      die "could not create the Keycloak client"
    id=$(curl -sf --max-time 30 "${auth[@]}" "$base/clients?clientId=bench-provisioner" | jq -r '.[0].id' || true)
    user=$(curl -sf --max-time 30 "${auth[@]}" "$base/clients/$id/service-account-user" | jq -r .id || true)
    role=$(curl -sf --max-time 30 "${auth[@]}" "$base/roles/administrator" || true)
    curl -sf --max-time 30 "${auth[@]}" -H 'Content-Type: application/json' -d "[$role]" \
      "$base/users/$user/role-mappings/realm" || die "could not grant the administrator role"
  fi
  secret=$(curl -sf --max-time 30 "${auth[@]}" "$base/clients/$id/client-secret" | jq -r .value || true)
  local token
  token=$(curl -sf --max-time 30 -d grant_type=client_credentials -d client_id=bench-provisioner \
    --data-urlencode "client_secret=$secret" \
    "$KEYCLOAK/realms/bulwark/protocol/openid-connect/token" | jq -r .access_token || true)
  [ -n "$token" ] && [ "$token" != null ] || die "no API token"
  printf 'Authorization: Bearer %s\n' "$token"
}
# An extension's secret, as benchkit/credentials.py spells it: 100001 -> BenchByAyAyAyAyBy7.
bench_secret() {
  local s=$1
  s=${s//0/Ay}; s=${s//1/By}; s=${s//2/Cy}; s=${s//3/Dy}; s=${s//4/Ey}
  s=${s//5/Fy}; s=${s//6/Gy}; s=${s//7/Hy}; s=${s//8/Iy}; s=${s//9/Jy}
  printf 'Bench%s7' "$s"
}
# One xargs worker: creates the extensions whose numbers it is given, over one connection.
provision_batch() {
  local args=() n
  for n in "$@"; do
    args+=(--next -sk --max-time 30 -o /dev/null -w "%{http_code} $n\n" -H "@$PROVISION_HEADER"
      -H 'Content-Type: application/json'
      --data "{\"number\":\"$n\",\"displayName\":\"Bench $n\",\"registrationName\":\"b$n\",\"secret\":\"$(bench_secret "$n")\"}"
      "$API")
  done
  curl "${args[@]:1}" || true
}
provision() {
  local codes=$RUN_DIR/provision-codes.txt chunk=1000 from t0 t1
  export PROVISION_HEADER=$RUN_DIR/api-header API
  export -f provision_batch bench_secret
  : > "$codes"
  say "Provisioning $EXTENSIONS extensions through $API ($PROVISION_PARALLEL in parallel)"
  record_command "seq $FIRST_EXTENSION $(number_of "$EXTENSIONS") | xargs -P $PROVISION_PARALLEL -n 25 curl ... POST $API (token refreshed every $chunk)"
  t0=$(now)
  for ((from = 1; from <= EXTENSIONS; from += chunk)); do
    # Tokens live 300 s: a fresh one for every chunk.
    (umask 077; api_header > "$PROVISION_HEADER.new") && mv "$PROVISION_HEADER.new" "$PROVISION_HEADER"
    local to=$((from + chunk - 1)); [ $to -le "$EXTENSIONS" ] || to=$EXTENSIONS
    seq "$(number_of $from)" "$(number_of $to)" |
      timeout 600 xargs -P "$PROVISION_PARALLEL" -n 25 bash -c 'provision_batch "$@"' _ >> "$codes" || true
  done
  t1=$(now)
  local created existing other seconds
  created=$(grep -c '^201 ' "$codes" || true)
  existing=$(grep -c '^400 ' "$codes" || true)
  other=$(grep -vc -e '^201 ' -e '^400 ' "$codes" || true)
  seconds=$(elapsed "$t0" "$t1")
  local listed
  listed=$(curl -sk --max-time 120 -H "@$PROVISION_HEADER" "$API" | jq 'length' 2>/dev/null || echo "?")
  rm -f "$PROVISION_HEADER"
  md "### Provisioning"
  md ""
  md "$EXTENSIONS extensions through the REST API, $PROVISION_PARALLEL curl processes in parallel, each sending 25 requests over one connection; a fresh token every $chunk."
  md ""
  md "| created (201) | refused (400, existed) | other | seconds | created per second | extensions listed by GET afterwards |"
  md "|---|---|---|---|---|---|"
  md "| $created | $existing | $other | $seconds | $(awk -v c="$created" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? c / s : 0) }') | $listed |"
  md ""
  if [ "$created" -gt 0 ]; then
    summary "Provisioning $EXTENSIONS extensions (REST API)" "$seconds s ($created created)" "—"
  fi
  if [ "$((created + existing))" -lt "$EXTENSIONS" ]; then
    die "provisioning failed for $((EXTENSIONS - created - existing)) extensions (codes in $codes)"
  fi
}
# Turns the kernel backend on through the REST API (the settings as read, kernelBackend true).
bulwark_kernel_backend() {
  local header=$RUN_DIR/api-header settings code
  (umask 077; api_header > "$header")
  settings=$(curl -sk --max-time 30 -H "@$header" "${API%/extensions}/defense/settings")
  code=$(jq '.kernelBackend = true' <<<"$settings" | curl -sk --max-time 60 -o "$RUN_DIR/kernel.json" \
    -w '%{http_code}' -X PUT -H "@$header" -H 'Content-Type: application/json' --data-binary @- \
    "${API%/extensions}/defense/settings")
  [ "$code" = 200 ] || die "the kernel backend could not be turned on: $(cat "$RUN_DIR/kernel.json")"
  record_command "curl -X PUT ${API%/extensions}/defense/settings (kernelBackend: true)"
  say "Kernel backend on: $(jq -r .kernelStatus "$RUN_DIR/kernel.json")"
}
# One sample of Bulwark's /metrics, 0 when absent.
bulwark_metric() {
  curl -sk --max-time 10 "${API%/api/*}/metrics" | awk -v n="$1" '$1 == n { v = $2 } END { printf "%d", v + 0 }'
}
db_query() {
  MYSQL_PWD=$(cat "$BULWARK_HOME/secrets/db-bulwark.pw") \
    "$BULWARK_HOME/db/base/bin/mariadb" -h 127.0.0.1 -P "$BULWARK_DB_PORT" -u bulwark -N -B bulwark \
    -e "$1" 2>/dev/null || echo "?"
}
live_bindings() { db_query "SELECT COUNT(*) FROM registration_binding WHERE expires_at > NOW(3)"; }
# Active bindings in the location service's memory, which answers the phones (GET
# /api/v1/registrations); the database may lag it by the write-behind interval.
memory_bindings() {
  local header; header=$(api_header 2>/dev/null) || { echo "?"; return 0; }
  curl -sk --max-time 60 -H "$header" \
    "https://127.0.0.1:$BULWARK_HTTPS_PORT/api/v1/registrations?limit=0" |
    jq -r '.total // "?"' 2>/dev/null || echo "?"
}
jcmd_bin() {
  command -v jcmd 2>/dev/null || echo "$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
}
# Heap in use (KiB) after a full GC.
heap_used_kib() {
  local pid jcmd; pid=$(wildfly_java); jcmd=$(jcmd_bin)
  "$jcmd" "$pid" GC.run > /dev/null 2>&1 || true
  sleep 2
  "$jcmd" "$pid" GC.run > /dev/null 2>&1 || true
  "$jcmd" "$pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | sed -n '1s/[^0-9]//gp' || true
}
