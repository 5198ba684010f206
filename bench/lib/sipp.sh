# Driving sipp: start, bounded wait, and one fixed-rate step (possibly several sipp side by side).

# sipp_start <dir> <remote host:port> <scenario xml> <sipp args...>: starts one sipp in the
# background, writing its files in <dir>; the PID is appended to SIPP_PIDS.
# sipp writes response times in batches of -rtt_freq and drops the last partial batch when it
# exits: RTT_FREQ (default 300, a multiple of register.xml's 3 timers per call, so a step whose
# calls all succeed loses nothing) is 1 where every sample counts.
sipp_start() {
  local dir=$1 remote=$2 xml=$3; shift 3
  mkdir -p "$dir"
  local cmd=(sipp "$remote" -sf "$SCENARIO_DIR/$xml" -nostdin -trace_stat -stf "$dir/stat.csv" -fd 1
    -trace_rtt -rtt_freq "${RTT_FREQ:-300}" -trace_err -error_file "$dir/errors.log" -max_log_size 5000000
    -trace_screen -screen_file "$dir/screen.log" "$@")
  # BENCH_SIPP_TRACE=1: every message each sipp sends and receives, in <dir>/messages.log (costs
  # sipp CPU: for looking into a failure at low rates, not for figures).
  [ "${BENCH_SIPP_TRACE:-0}" = 0 ] || cmd+=(-trace_msg -message_file "$dir/messages.log")
  record_command "(cd $dir && ${cmd[*]})"
  (cd "$dir" && exec "${cmd[@]}" > "$dir/stdout.log" 2>&1 < /dev/null) &
  SIPP_PIDS+=($!)
}

# Waits for the given sipp PIDs, at most <seconds>; kills (by PID) any still running after that.
sipp_wait() {
  local limit=$1; shift
  local deadline=$((SECONDS + limit)) pid
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      say "sipp $pid still running after ${limit}s: stopping it"
      kill -TERM "$pid" 2>/dev/null || true
      sleep 1
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

# sipp_stop_all: every sipp this run started and that still runs, by PID.
sipp_stop_all() {
  local pid
  for pid in "${SIPP_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${SIPP_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}

# sipp_load <dir> <remote> <xml> <rate> <seconds> <source net>: <rate> calls/s for <seconds> from
# as many sipp processes as SIPP_RATE_PER_INSTANCE requires (one sipp is one thread on one core),
# instance k in <dir>/k from <source net>.k. Sets LOAD_PIDS and LOAD_DIRS; does not wait.
sipp_load() {
  local dir=$1 remote=$2 xml=$3 rate=$4 seconds=$5 net=$6
  local n=$(((rate + SIPP_RATE_PER_INSTANCE - 1) / SIPP_RATE_PER_INSTANCE)) k
  LOAD_PIDS=() LOAD_DIRS=()
  for ((k = 1; k <= n; k++)); do
    local share=$((rate / n + (k <= rate % n ? 1 : 0)))
    sipp_start "$dir/$k" "$remote" "$xml" -inf "$TARGET/data/users.csv" -i "$net.$k" -r "$share" \
      -m "$((share * seconds))" -timeout "$((seconds + 20))s" -recv_timeout 5000 -timer_resol 1
    LOAD_PIDS+=("${SIPP_PIDS[-1]}") LOAD_DIRS+=("$dir/$k")
  done
}

# step <steps.jsonl> <label> <repeat> <target> <remote> <xml> <rate> <seconds> <dir>: one
# fixed-rate step, recorded by benchkit; returns 0 when it was clean.
step() {
  local steps=$1 label=$2 repeat=$3 target=$4 remote=$5 xml=$6 rate=$7 seconds=$8 dir=$9
  cpu_begin "$target"
  sipp_load "$dir" "$remote" "$xml" "$rate" "$seconds" "$PHONE_NET"
  sipp_wait $((seconds + 40)) "${LOAD_PIDS[@]}"
  cpu_end
  py step "$steps" "$label" "$rate" "$((rate * seconds))" "$repeat" "$CPU_TEXT" "${LOAD_DIRS[@]}"
}
