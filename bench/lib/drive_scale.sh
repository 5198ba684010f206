# Drivers "scale" and "crash": Bulwark with many bindings (heap, orderly restart) and a crash
# (kill -9 of the JVM) after the bindings were acknowledged.

# register_all <dir> <remote> <instances> <total rate> <source net>: every extension registers
# once from each of <instances> addresses (<net>.1 ...), one sipp each; waits; sets REG_OK,
# REG_FAILED and REG_SECONDS (globals, not output: the sipp PIDs must stay in this shell's list).
register_all() {
  local dir=$1 remote=$2 instances=$3 rate=$4 net=$5 k pids=() t0 ok=0 failed=0
  local per=$((rate / instances)); [ "$per" -ge 1 ] || per=1
  t0=$(now)
  for ((k = 1; k <= instances; k++)); do
    sipp_start "$dir/$k" "$remote" register.xml -inf "$TARGET/data/users.csv" -i "$net.$k" \
      -r "$per" -m "$EXTENSIONS" -timeout "$((EXTENSIONS / per + 60))s" -recv_timeout 5000
    pids+=("${SIPP_PIDS[-1]}")
  done
  sipp_wait $((EXTENSIONS / per + 90)) "${pids[@]}"
  for ((k = 1; k <= instances; k++)); do
    local o f
    o=$(py counter "$dir/$k" SuccessfulCall); f=$(py counter "$dir/$k" FailedCall)
    ok=$((ok + o)) failed=$((failed + f))
  done
  REG_OK=$ok REG_FAILED=$failed REG_SECONDS=$(elapsed "$t0" "$(now)")
}

# A rate bindings should not fail for want of capacity: SCALE_RATE, or the register scenario's
# highest clean rate when that is lower (but at least 100/s, to stay bounded in time).
binding_rate() {
  local rate=$SCALE_RATE best; best=$(clean_rate)
  if [ -n "$best" ] && [ "$best" -gt 0 ] && [ "$best" -lt "$rate" ]; then rate=$best; fi
  if [ "$rate" -lt 100 ] && [ "$SCALE_RATE" -ge 100 ]; then rate=100; fi
  echo "$rate"
}

# until_registered <dir prefix> <remote>: sets ANSWERED to the seconds (from now) until one phone's
# REGISTER gets its 200, at most 120 one-call attempts about a second apart.
until_registered() {
  local prefix=$1 remote=$2 t0 i; t0=$(now)
  for ((i = 1; i <= 120; i++)); do
    sipp_start "$prefix-$i" "$remote" register.xml -inf "$TARGET/data/users.csv" -i "$PHONE_NET.1" -m 1 \
      -timeout 10s -recv_timeout 3000
    sipp_wait 20 "${SIPP_PIDS[-1]}"
    if [ "$(py counter "$prefix-$i" SuccessfulCall)" = 1 ]; then ANSWERED="$(elapsed "$t0" "$(now)") s"; return 0; fi
    sleep 1
  done
  ANSWERED="no answer within 120 s"
}

drive_scale() {
  local name=$1 xml=$2 targets=$3
  start_target bulwark; local remote=$REMOTE
  local rate; rate=$(binding_rate)
  local want=$((EXTENSIONS * SCALE_INSTANCES))
  md "### $name: $want bindings ($SCALE_INSTANCES sipp instances × $EXTENSIONS extensions, $rate REGISTER/s in all), then a restart"
  md ""
  sleep "$PAUSE_SECONDS"
  local bindings0 heap0 bindings1 heap1
  bindings0=$(live_bindings); heap0=$(heap_used_kib)
  say "$name: $SCALE_INSTANCES instances registering $EXTENSIONS extensions each, $rate/s in all"
  register_all "$RUN_DIR/$name" "$remote" "$SCALE_INSTANCES" "$rate" "$SCALE_NET"
  sleep 2
  bindings1=$(live_bindings); heap1=$(heap_used_kib)
  local added per_binding="?"
  added=$(awk -v a="$bindings1" -v b="$bindings0" 'BEGIN { print ((a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/) ? a - b : "?") }')
  if [[ "$added" =~ ^[0-9]+$ ]] && [ "$added" -gt 0 ] && [ -n "$heap0" ] && [ -n "$heap1" ]; then
    per_binding=$(awk -v h0="$heap0" -v h1="$heap1" -v n="$added" 'BEGIN { printf "%.0f", (h1 - h0) * 1024 / n }')
  fi
  md "| registrations OK | failed | seconds | live bindings before → after | heap used before → after (after full GC) | heap per added binding |"
  md "|---|---|---|---|---|---|"
  md "| $REG_OK | $REG_FAILED | $REG_SECONDS | $bindings0 → $bindings1 | $((${heap0:-0} / 1024)) MiB → $((${heap1:-0} / 1024)) MiB | $per_binding bytes |"
  md ""
  if [ "$per_binding" != "?" ]; then
    summary "Heap per live binding ($want bindings)" "$per_binding bytes ($bindings1 live)" \
      "$(awk -v b="$per_binding" 'BEGIN { print (b <= 10240 ? "yes" : "no") }')"
  fi

  say "$name: restarting Bulwark with $bindings1 bindings in the database"
  local s0 s1 r1
  s0=$(now)
  "$ROOT/bulwark" stop > "$RUN_DIR/bulwark-restart.log" 2>&1 || true
  s1=$(now)
  # An instance this run found running is left running after the run, as it was found. Phones
  # knock while it starts: SIP answers before the launcher returns (it waits for Keycloak too).
  launch_rtpengine
  "$ROOT/bulwark" start >> "$RUN_DIR/bulwark-restart.log" 2>&1 &
  local starter=$!
  until_registered "$RUN_DIR/$name/after-restart" "$remote"
  wait "$starter" || die "Bulwark did not restart"
  r1=$(now)
  # The whole heap after a full GC, divided by the bindings it holds: an upper bound per binding
  # that no garbage of earlier steps (nonce counts of the ladder) can blur.
  local restored heap2 bound="?"
  restored=$(memory_bindings); heap2=$(heap_used_kib)
  if [[ "$restored" =~ ^[0-9]+$ ]] && [ "$restored" -gt 0 ] && [ -n "$heap2" ]; then
    bound=$(awk -v h="$heap2" -v n="$restored" 'BEGIN { printf "%.0f", h * 1024 / n }')
  fi
  md "| stop | \`bulwark start\` until it returns | \`bulwark start\` until a phone registers again | bindings in memory after the restart | live bindings in the database | whole heap after a full GC ÷ bindings |"
  md "|---|---|---|---|---|---|"
  md "| $(elapsed "$s0" "$s1") s | $(elapsed "$s1" "$r1") s | $ANSWERED | $restored | $(live_bindings) | $((${heap2:-0} / 1024)) MiB ÷ $restored = $bound bytes |"
  if [ "$bound" != "?" ]; then
    summary "Heap per binding, upper bound (whole heap ÷ bindings after the restart)" "$bound bytes ($restored bindings)" \
      "$(awk -v b="$bound" 'BEGIN { print (b <= 10240 ? "yes" : "no") }')"
  fi
  md ""
  summary "Restart with $want bindings: SIP answering after \`bulwark start\`" "$ANSWERED (start returned after $(elapsed "$s1" "$r1") s)" \
    "$(awk -v a="${ANSWERED%% *}" 'BEGIN { print (a ~ /^[0-9.]+$/ && a < 15 ? "yes" : "no") }')"
}

# drive_crash: every extension registers once from CRASH_NET.1; after FLUSH_WAIT seconds (longer
# than Bulwark's write-behind interval) the WildFly JVM gets SIGKILL and ./bulwark start brings it
# back. Counted in the database: this sipp's bindings (its PID is in each Call-ID) before the
# kill and after the start, against the registrations acknowledged with 200.
drive_crash() {
  local name=$1 xml=$2 targets=$3
  start_target bulwark; local remote=$REMOTE
  local rate; rate=$(binding_rate)
  md "### $name: $EXTENSIONS registrations acknowledged, $FLUSH_WAIT s later \`kill -9\` of the WildFly JVM, then \`bulwark start\`"
  md ""
  sleep "$PAUSE_SECONDS"
  say "$name: registering $EXTENSIONS extensions from $CRASH_NET.1 at $rate/s"
  register_all "$RUN_DIR/$name" "$remote" 1 "$rate" "$CRASH_NET"
  local ok=$REG_OK
  local sipp_pid; sipp_pid=$(ls "$RUN_DIR/$name/1/" | sed -n 's/^register_\([0-9]*\)_rtt\.csv$/\1/p' | head -1)
  [ -n "$sipp_pid" ] || die "$name: no response-time file to tell the sipp PID (no registration succeeded?)"
  # By source, not by Call-ID: a new Call-ID to an existing contact is a refresh, which Bulwark
  # writes lazily. Run on a fresh home (the default) so that no earlier run's rows count.
  local query="SELECT COUNT(*) FROM registration_binding WHERE source_address = '$CRASH_NET.1' AND expires_at > NOW(3)"
  sleep "$FLUSH_WAIT"
  local before after t0 t1 memory_before memory_after
  before=$(db_query "$query")
  memory_before=$(memory_bindings)
  say "$name: kill -9 of the WildFly JVM ($before of $ok acknowledged bindings in the database)"
  kill_bulwark_java
  t0=$(now)
  "$ROOT/bulwark" start > "$RUN_DIR/bulwark-crash-start.log" 2>&1 || die "Bulwark did not start after the crash"
  t1=$(now)
  until_registered "$RUN_DIR/$name/after-start" "$remote"
  after=$(db_query "$query")
  memory_after=$(memory_bindings)
  local pct; pct=$(awk -v a="$after" -v o="$ok" 'BEGIN { if (a ~ /^[0-9]+$/ && o > 0) printf "%.2f %%", 100 * a / o; else print "?" }')
  md "| acknowledged (200) | failed | in the database $FLUSH_WAIT s later | \`bulwark start\` after the kill | SIP answering after start | back after the start | share of acknowledged | all bindings in memory before the kill → after the start |"
  md "|---|---|---|---|---|---|---|---|"
  md "| $ok | $REG_FAILED | $before | $(elapsed "$t0" "$t1") s | $ANSWERED | $after | $pct | $memory_before → $memory_after |"
  md ""
  summary "Crash (kill -9) $FLUSH_WAIT s after $ok acknowledged registrations: bindings back" "$after of $ok ($pct)" \
    "$( [ "$after" = "$ok" ] && echo yes || echo no)"
}
