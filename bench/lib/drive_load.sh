# Drivers "overload" and "sustained": Bulwark beyond its clean rate, and at a steady rate for long.

# drive_overload: twice Bulwark's highest clean rate for OVERLOAD_SECONDS, then short probe steps
# at the clean rate (from other addresses) until one is clean: what got through, what was shed
# (503) or dropped, and how long the registrar needed to be clean again once the load dropped.
drive_overload() {
  local name=$1 xml=$2 targets=$3
  start_target bulwark; local remote=$REMOTE
  local clean; clean=$(clean_rate)
  md "### $name: $xml at twice the highest clean rate, then back to the clean rate"
  md ""
  if [ -z "$clean" ] || [ "$clean" -le 0 ]; then
    md "Not run: no clean rate known (run the register scenario in the same run, or set BENCH_CLEAN_RATE)."
    md ""
    return 0
  fi
  local rate=$((2 * clean)) dir=$RUN_DIR/$name steps=$RUN_DIR/$name/steps.jsonl probes=$RUN_DIR/$name/probes.txt
  mkdir -p "$dir"; : > "$steps"; : > "$probes"
  sleep "$PAUSE_SECONDS"
  say "$name: $rate/s for ${OVERLOAD_SECONDS}s (clean rate $clean/s)"
  cpu_begin bulwark
  local t0; t0=$(now)
  sipp_load "$dir/load" "$remote" "$xml" "$rate" "$OVERLOAD_SECONDS" "$PHONE_NET"
  local load_pids=("${LOAD_PIDS[@]}") load_dirs=("${LOAD_DIRS[@]}")
  # The load drops when sipp has started its last call; its pending calls still retransmit.
  sleep "$OVERLOAD_SECONDS"
  local dropped; dropped=$(now)
  local i
  for ((i = 1; i <= RECOVERY_PROBES; i++)); do
    local started; started=$(elapsed "$dropped" "$(now)")
    # As many sipp processes as the rate needs, like a ladder step: one sipp cannot offer it alone.
    sipp_load "$dir/probe-$i" "$remote" "$xml" "$clean" "$PROBE_SECONDS" "${PROBE_IP%.*}"
    sipp_wait $((PROBE_SECONDS + 30)) "${LOAD_PIDS[@]}"
    if py step "$dir/probes.jsonl" probe "$clean" "$((clean * PROBE_SECONDS))" "$i" "-" "${LOAD_DIRS[@]}"; then
      echo "$started clean" >> "$probes"; break
    fi
    echo "$started failed" >> "$probes"
  done
  sipp_wait 60 "${load_pids[@]}"
  cpu_end
  py step "$steps" overload "$rate" "$((rate * OVERLOAD_SECONDS))" 1 "$CPU_TEXT" "${load_dirs[@]}" || true
  md "Offered $rate/s for $OVERLOAD_SECONDS s from $PHONE_NET.x; then steps of $PROBE_SECONDS s at $clean/s from ${PROBE_IP%.*}.x until one is clean (at most $RECOVERY_PROBES). *clean again after*: from the moment the overload stopped starting calls to the start of the first clean step. CPU during the overload and the probes: $CPU_TEXT."
  md ""
  md_py overload "$steps" "$probes" "$clean" "$OVERLOAD_SECONDS" "$SUMMARY"
  md ""
}

# drive_sustained: SUSTAINED_RATE registrations/s for SUSTAINED_SECONDS from one sipp, latency
# per SUSTAINED_WINDOW seconds (nonce and binding bookkeeping must not slow down over time).
drive_sustained() {
  local name=$1 xml=$2 targets=$3
  start_target bulwark; local remote=$REMOTE
  local dir=$RUN_DIR/$name calls=$((SUSTAINED_RATE * SUSTAINED_SECONDS))
  md "### $name: $xml at $SUSTAINED_RATE/s for $SUSTAINED_SECONDS s"
  md ""
  sleep "$PAUSE_SECONDS"
  say "$name: $SUSTAINED_RATE/s for ${SUSTAINED_SECONDS}s"
  cpu_begin bulwark
  sipp_start "$dir" "$remote" "$xml" -inf "$TARGET/data/users.csv" -i "$PHONE_NET.1" -r "$SUSTAINED_RATE" \
    -m "$calls" -timeout "$((SUSTAINED_SECONDS + 30))s" -recv_timeout 5000 -timer_resol 1
  sipp_wait $((SUSTAINED_SECONDS + 60)) "${SIPP_PIDS[-1]}"
  cpu_end
  md "Whole registration (rtd 3) per window, counted from the first completion. CPU: $CPU_TEXT."
  md ""
  md_py sustained "$dir" "$SUSTAINED_RATE" "$SUSTAINED_SECONDS" "$calls" "$SUSTAINED_WINDOW" "$SUMMARY"
  md ""
}
