# Driver "stepped": a rate ladder per target. After a warm-up at the lowest rate, each rate of
# RATES runs REPEATS times; a target's ladder stops at its first rate that is not clean in every
# run, the next target climbs its own. For the scenario "register" the Bulwark/Kamailio ratio and
# the summary rows follow. benchkit computes verdicts, spread and knee from steps.jsonl.

declare -A STEPS_FILE
drive_stepped() {
  local name=$1 xml=$2 targets=$3 target
  md "### $name: $xml, rates up to ${RATES##* }/s, $STEP_SECONDS s per run, $REPEATS runs per rate"
  md ""
  md "Latency columns are sipp response times in whole milliseconds over all calls of a run: p50/p99/max of the whole call (rtd 3), p99 of its first and second transaction (rtd 1, 2; for register.xml the challenge and the authenticated REGISTER). Where runs of one rate differ, a cell shows min / median / max over the runs. A run is clean when every call completed, none failed and the completed rate (*achieved*) is at least 95 % of the target. *failed* counts calls sipp gave up on; in brackets those answered 503 and those never answered."
  md ""
  for target in ${targets//,/ }; do
    start_target "$target"; local remote=$REMOTE
    local steps=$RUN_DIR/$name-$target/steps.jsonl first=${RATES%% *} rate repeat
    mkdir -p "$RUN_DIR/$name-$target"; : > "$steps"
    STEPS_FILE[$name-$target]=$steps
    say "$name/$target: warm-up at $first/s for ${WARMUP_SECONDS}s"
    step "$steps" warm-up 1 "$target" "$remote" "$xml" "$first" "$WARMUP_SECONDS" \
      "$RUN_DIR/$name-$target/warmup" || true
    local failed=0
    for rate in $RATES; do
      for ((repeat = 1; repeat <= REPEATS; repeat++)); do
        sleep "$PAUSE_SECONDS"
        say "$name/$target: $rate/s for ${STEP_SECONDS}s (run $repeat of $REPEATS)"
        step "$steps" "$rate" "$repeat" "$target" "$remote" "$xml" "$rate" "$STEP_SECONDS" \
          "$RUN_DIR/$name-$target/$rate-$repeat" || { failed=1; break; }
      done
      if [ $failed = 1 ]; then say "$name/$target: not clean at $rate/s, stopping"; break; fi
    done
    md "**$target** ($remote)"
    md ""
    md_py ladder "$steps" "$REPEATS"
    md ""
    if [ "$target" = kamailio ]; then stop_kamailio; fi
  done
  if [ "$name" = register ] && [ -n "${STEPS_FILE[register-bulwark]:-}" ] && [ -n "${STEPS_FILE[register-kamailio]:-}" ]; then
    md_py register-summary "${STEPS_FILE[register-bulwark]}" "${STEPS_FILE[register-kamailio]}" "$REPEATS" "$SUMMARY"
    md ""
  fi
}

# clean_rate: Bulwark's highest clean rate of the register ladder of this run, else
# BENCH_CLEAN_RATE; empty when neither is known.
clean_rate() {
  if [ -n "${STEPS_FILE[register-bulwark]:-}" ]; then
    py knee "${STEPS_FILE[register-bulwark]}" "$REPEATS"
  else
    printf '%s' "${BENCH_CLEAN_RATE:-}"
  fi
}
