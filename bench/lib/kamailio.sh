# The reference registrar: Kamailio with kamailio/kamailio.cfg, the same users as Bulwark (HA1 and
# extension per registration name, loaded into memory at start), on its own port and directory.

start_kamailio() {
  [ -n "$KAMAILIO_PID" ] && return 0
  local dir=$TARGET/kamailio
  rm -rf "$dir"; mkdir -p "$dir/run"
  py kamailio-tables "$dir/credentials" "$EXTENSIONS"
  local cmd=(kamailio -f "$BENCH/kamailio/kamailio.cfg" -A "CREDENTIALS=\"text://$dir/credentials\""
    -A "LISTEN=udp:$SIP_HOST:$KAMAILIO_PORT" -A "WORKERS=$KAMAILIO_WORKERS"
    -Y "$dir/run" -P "$dir/run/kamailio.pid" -w "$dir" -m "$KAMAILIO_SHM_MB" -M 16 -DD -E)
  # Media anchored by rtpengine: the bench's (Bulwark's when it runs, see lib/bulwark.sh).
  if [ "$MEDIA_NOW" = rtpengine ]; then
    launch_rtpengine
    cmd+=(-A "RTPENGINE=\"udp:127.0.0.1:$BULWARK_RTPENGINE_NG_PORT\"")
  fi
  record_command "${cmd[*]}"
  "${cmd[@]}" > "$RUN_DIR/kamailio.log" 2>&1 < /dev/null &
  KAMAILIO_PID=$!
  local deadline=$((SECONDS + 30))
  until ss -Hunl "sport = :$KAMAILIO_PORT" | grep -q "$SIP_HOST:$KAMAILIO_PORT"; do
    kill -0 "$KAMAILIO_PID" 2>/dev/null || { cat "$RUN_DIR/kamailio.log" >&2; die "Kamailio exited"; }
    [ $SECONDS -lt $deadline ] || die "Kamailio did not listen within 30 s"
    sleep 0.5
  done
  say "Kamailio listening on $SIP_HOST:$KAMAILIO_PORT (pid $KAMAILIO_PID, $KAMAILIO_WORKERS workers, media $MEDIA_NOW)"
}

stop_kamailio() {
  [ -n "$KAMAILIO_PID" ] || return 0
  kill -TERM "$KAMAILIO_PID" 2>/dev/null || true
  local deadline=$((SECONDS + 15))
  while kill -0 "$KAMAILIO_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  kill -KILL "$KAMAILIO_PID" 2>/dev/null || true
  wait "$KAMAILIO_PID" 2>/dev/null || true
  KAMAILIO_PID=""
}

# start_target <target>: makes sure it runs (Bulwark already does) and sets REMOTE to its address.
start_target() {
  case "$1" in
    bulwark) REMOTE=$SIP_HOST:$BULWARK_SIP_PORT ;;
    kamailio) start_kamailio; REMOTE=$SIP_HOST:$KAMAILIO_PORT ;;
    *) die "unknown target $1" ;;
  esac
}
