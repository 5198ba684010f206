# Drivers "calls" and "concurrent": calls between extensions, INVITE with digest, hold, BYE.
#
# The called phones are sipp UAS processes, each registered first (register-callee.xml, which also
# removes every other binding of that extension) as the only phone of one callee extension: the
# k-th at $CALLEE_NET.k:5060 (or 127.0.9.k, see switch_callee_net) answers extension <callee k>. The callers are all other extensions,
# in turn (callers.csv), from $CALLER_NET.k. The digest uri is the Request-URI (-auth_uri), as
# RFC 3261 section 22.4 wants and Bulwark checks; sipp's default would be the server's address. One UAC sipp process offers at most
# CALL_RATE_PER_INSTANCE calls/s and calls its own callee, whose UAS takes exactly its calls.
#
# Media variants (CALL_MEDIA, comma-separated): "direct" runs Bulwark with
# BULWARK_MEDIA_ANCHORING=never (SDP passes untouched, media would go between the phones) and
# Kamailio without rtpengine; "rtpengine" runs Bulwark with anchoring on (its default: every offer
# and answer rewritten by rtpengine over NG, a delete at the end) and Kamailio with the rtpengine
# module on the same rtpengine. call_variant_ready restarts Bulwark (same home) when it runs with
# the other setting. sipp sends no RTP: the variant measures the cost of the NG round trips in the
# signalling, not relaying media. A call rtpengine did not anchor (Bulwark and Kamailio both let
# the SDP through untouched then, and log "not anchored") makes its step not clean.

CALLEES=()   # extension numbers of the called phones, set by calls_data
CALLEE_NET_NOW=""  # the called phones' network of the current ladder (switch_callee_net)

# switch_callee_net: each ladder (and each concurrent run) puts its called phones on the other of
# two networks, $CALLEE_NET and 127.0.9. A server keeps retransmitting for up to 32 s to a called
# phone that was stopped with calls open (INVITE, BYE); at the same address those requests would
# reach the next ladder's phone, which would take them as calls of its own, fail them and end
# before its real calls came.
switch_callee_net() {
  if [ "$CALLEE_NET_NOW" = "$CALLEE_NET" ]; then CALLEE_NET_NOW=127.0.9; else CALLEE_NET_NOW=$CALLEE_NET; fi
}

# calls_data: the callers' and callees' injection files (once per run).
calls_data() {
  [ ${#CALLEES[@]} = 0 ] || return 0
  local most=1 rate n
  for rate in $CALL_RATES; do
    n=$(((rate + CALL_RATE_PER_INSTANCE - 1) / CALL_RATE_PER_INSTANCE)); [ "$n" -le "$most" ] || most=$n
  done
  mkdir -p "$TARGET/data"
  read -r -a CALLEES <<<"$(py calls-data "$TARGET/data" "$EXTENSIONS" "$most" 3600)"
  [ ${#CALLEES[@]} = "$most" ] || die "calls-data gave ${#CALLEES[@]} callees, expected $most"
}

# register_callees <dir> <remote> <count>: the first <count> called phones register at <remote>
# (from the address and port their UAS will use); stops the run when one could not.
register_callees() {
  local dir=$1 remote=$2 count=$3 k
  for ((k = 1; k <= count; k++)); do
    sipp_start "$dir/register-callee-$k" "$remote" register-callee.xml -inf "$TARGET/data/callee-$k.csv" \
      -i "$CALLEE_NET_NOW.$k" -p 5060 -m 1 -timeout 20s -recv_timeout 5000
    sipp_wait 30 "${SIPP_PIDS[-1]}"
    if [ "$(py counter "$dir/register-callee-$k" SuccessfulCall)" != 1 ]; then
      tail -20 "$dir/register-callee-$k/errors.log" >&2 2>/dev/null || true
      die "callee ${CALLEES[$((k - 1))]} could not register at $remote from $CALLEE_NET_NOW.$k:5060 (see $dir/register-callee-$k)"
    fi
  done
}

# variant_anchoring <variant>: Bulwark's BULWARK_MEDIA_ANCHORING for a media variant.
variant_anchoring() {
  case "$1" in
    direct) echo never ;;
    *) echo always ;;
  esac
}

# call_variant_ready <variant> <target>: sets up the target for the variant; 0 when it can be
# measured, else 1 with the reason in VARIANT_NOTE.
call_variant_ready() {
  local anchoring
  case "$1" in
    direct|rtpengine) anchoring=$(variant_anchoring "$1") ;;
    *) VARIANT_NOTE="unknown media variant (direct or rtpengine)"; return 1 ;;
  esac
  MEDIA_NOW=$1
  if [ "$2" = bulwark ] && ! bulwark_media "$anchoring"; then
    VARIANT_NOTE="the Bulwark running in $BULWARK_HOME (not started by this run) has media anchoring $(bulwark_anchoring), and the run does not restart it"
    return 1
  fi
  return 0
}

# The log where a target says a call's media was "not anchored" ("Media of call <id> not
# anchored", once per offer or answer), and how many calls it said it of since the given size of
# that log (-1 when the variant anchors nothing).
media_log() {
  case "$1" in
    bulwark) echo "$BULWARK_HOME/wildfly/log/server.log" ;;
    kamailio) echo "$RUN_DIR/kamailio.log" ;;
  esac
}
log_size() { stat -c %s "$1" 2>/dev/null || echo 0; }
unanchored_since() {
  local target=$1 size=$2 file
  [ "$MEDIA_NOW" = rtpengine ] || { echo -1; return 0; }
  file=$(media_log "$target")
  { tail -c +"$((size + 1))" "$file" 2>/dev/null || true; } |
    { grep -o "Media of call [^ ]* not anchored" || true; } | sort -u | wc -l
}

# call_step <steps.jsonl> <label> <repeat> <target> <remote> <rate> <seconds> <dir>: one
# fixed-rate step of calls; returns 0 when it was clean.
call_step() {
  local steps=$1 label=$2 repeat=$3 target=$4 remote=$5 rate=$6 seconds=$7 dir=$8
  local n=$(((rate + CALL_RATE_PER_INSTANCE - 1) / CALL_RATE_PER_INSTANCE)) k
  local uac_pids=() uas_pids=() uac_dirs=() uas_args=()
  # Long enough for the last call: set-up, talk, hold and BYE, with retransmissions.
  local bound=$((seconds + CALL_TALK_MS / 1000 + 30))
  local log0; log0=$(log_size "$(media_log "$target")")
  cpu_begin "$target"
  for ((k = 1; k <= n; k++)); do
    local share=$((rate / n + (k <= rate % n ? 1 : 0)))
    sipp_start "$dir/uas-$k" "$remote" call-uas.xml -i "$CALLEE_NET_NOW.$k" -p 5060 -m "$((share * seconds))" \
      -l "$((share * seconds + 100))" -timeout "${bound}s" -timer_resol 1
    uas_pids+=("${SIPP_PIDS[-1]}") uas_args+=(--uas "$dir/uas-$k")
  done
  for ((k = 1; k <= n; k++)); do
    local share=$((rate / n + (k <= rate % n ? 1 : 0)))
    RTT_FREQ=5 sipp_start "$dir/$k" "$remote" call-uac.xml -inf "$TARGET/data/callers.csv" \
      -key callee "${CALLEES[$((k - 1))]}" -auth_uri "${CALLEES[$((k - 1))]}@$remote" \
      -i "$CALLER_NET.$k" -r "$share" -m "$((share * seconds))" \
      -d "$CALL_TALK_MS" -l "$((share * seconds + 100))" -timeout "${bound}s" -recv_timeout 5000 -timer_resol 1
    uac_pids+=("${SIPP_PIDS[-1]}") uac_dirs+=("$dir/$k")
  done
  sipp_wait $((bound + 20)) "${uac_pids[@]}"
  # Each called phone ends by itself once it has taken its calls; one whose calls failed is stopped.
  sipp_wait 5 "${uas_pids[@]}"
  cpu_end
  py call-step "$steps" "$label" "$rate" "$((rate * seconds))" "$repeat" "$CPU_TEXT" \
    --unanchored "$(unanchored_since "$target" "$log0")" "${uas_args[@]}" "${uac_dirs[@]}"
}

declare -A CALL_STEPS_FILE
drive_calls() {
  local name=$1 xml=$2 targets=$3 target variant
  calls_data
  md "### $name: $xml → server → call-uas.xml, rates up to ${CALL_RATES##* }/s, $STEP_SECONDS s per run, $REPEATS runs per rate"
  md ""
  md "Each call: INVITE, 407, ACK, INVITE with digest, 180, 200, ACK, ${CALL_TALK_MS} ms up, hold (re-INVITE with a=sendonly, 200, ACK), 200 ms on hold, BYE, 200. Callers are $(( EXTENSIONS - ${#CALLEES[@]} )) extensions in turn; each sipp process (at most $CALL_RATE_PER_INSTANCE calls/s) calls its own callee extension, answered by a sipp UAS registered as its only phone. Bulwark is a B2BUA; Kamailio a record-routing stateful proxy (tm, auth from memory, usrloc in memory, $KAMAILIO_WORKERS UDP workers). *INVITE→200* is the authenticated INVITE to its 200 (rtd 2); *p99 407* the challenge, *set-up* the first INVITE to the 200, *hold* the re-INVITE, *BYE* the BYE, each to its answer. A run is clean when every call completed, none failed on either side and the completed rate is at least 95 % of the target; *retrans.* counts the callers' and the called phones' retransmissions. CPU: *sipp* is the callers and the called phones together. Media variants ($CALL_MEDIA): *direct* is Bulwark with \`BULWARK_MEDIA_ANCHORING=never\` and Kamailio without rtpengine; *rtpengine* is Bulwark anchoring every call's media (its default) and Kamailio with the rtpengine module (rtpengine_offer/answer/delete), on the same rtpengine. sipp sends no RTP, so the rtpengine variant measures what the NG round trips (offer, answer, the hold's offer and answer, delete) cost the signalling, not relaying media; a call whose media was *not anchored* (the server's log says so) makes its run not clean."
  md ""
  for variant in ${CALL_MEDIA//,/ }; do
    for target in ${targets//,/ }; do
      if ! call_variant_ready "$variant" "$target"; then
        md "**$target, media $variant**: not measured — $VARIANT_NOTE."
        md ""
        continue
      fi
      start_target "$target"; local remote=$REMOTE
      switch_callee_net
      local base=$RUN_DIR/$name-$target-$variant
      local steps=$base/steps.jsonl first=${CALL_RATES%% *} rate repeat
      mkdir -p "$base"; : > "$steps"
      CALL_STEPS_FILE[$target-$variant]=$steps
      register_callees "$base" "$remote" "${#CALLEES[@]}"
      say "$name/$target/$variant: warm-up at $first/s for ${WARMUP_SECONDS}s"
      call_step "$steps" warm-up 1 "$target" "$remote" "$first" "$WARMUP_SECONDS" "$base/warmup" || true
      local failed=0
      for rate in $CALL_RATES; do
        for ((repeat = 1; repeat <= REPEATS; repeat++)); do
          sleep "$PAUSE_SECONDS"
          say "$name/$target/$variant: $rate calls/s for ${STEP_SECONDS}s (run $repeat of $REPEATS)"
          call_step "$steps" "$rate" "$repeat" "$target" "$remote" "$rate" "$STEP_SECONDS" "$base/$rate-$repeat" ||
            { failed=1; break; }
        done
        if [ $failed = 1 ]; then say "$name/$target/$variant: not clean at $rate/s, stopping"; break; fi
      done
      local what; what=$(call_variant_text "$variant")
      [ "$variant" != rtpengine ] || what+=", rtpengine with --delete-delay=$RTPENGINE_DELETE_DELAY"
      md "**$target** ($remote), media $variant ($what)"
      md ""
      md_py call-ladder "$steps" "$REPEATS"
      md ""
      if [ "$target" = kamailio ]; then stop_kamailio; fi
    done
    local b=${CALL_STEPS_FILE[bulwark-$variant]:--} k=${CALL_STEPS_FILE[kamailio-$variant]:--}
    if [ "$b" != - ]; then
      md_py calls-summary "$b" "$k" "$REPEATS" "$(call_variant_text "$variant")" "$SUMMARY"
      md ""
    fi
  done
}

call_variant_text() {
  case "$1" in
    direct) echo "no media anchoring" ;;
    rtpengine) echo "media anchored by rtpengine" ;;
    *) echo "media $1" ;;
  esac
}

# sipp_open_calls <dir>: calls open in that sipp at its last statistics line (written every second).
sipp_open_calls() {
  awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "CurrentCall") c = i; next }
             c && NF >= c { last = $c } END { print (last == "" ? 0 : last) }' "$1/stat.csv" 2>/dev/null || echo 0
}

# drive_concurrent: CONCURRENT_CALLS calls set up at CONCURRENT_RATE/s, each held until all of them
# have been up together for CONCURRENT_HOLD s, then hold and BYE. Heap in use after a full GC with
# no call and with all calls up gives the heap per call.
# One run per variant of CONCURRENT_MEDIA (Bulwark restarted with the matching anchoring).
drive_concurrent() {
  local name=$1 xml=$2 targets=$3 variant
  for variant in ${CONCURRENT_MEDIA//,/ }; do
    if ! call_variant_ready "$variant" bulwark; then
      md "### $name, media $variant: not measured — $VARIANT_NOTE."
      md ""
      continue
    fi
    concurrent_run "$name" "$variant"
  done
}

concurrent_run() {
  local name=$1 variant=$2
  start_target bulwark; local remote=$REMOTE
  switch_callee_net
  calls_data
  local dir=$RUN_DIR/$name-$variant calls=$CONCURRENT_CALLS rate=$CONCURRENT_RATE
  local ramp=$(((calls + rate - 1) / rate))
  local pause_ms=$(((ramp + CONCURRENT_HOLD) * 1000)) bound=$((ramp + CONCURRENT_HOLD + 60))
  mkdir -p "$dir"
  md "### $name: $calls calls at $rate/s, all up together for $CONCURRENT_HOLD s, media $variant ($(call_variant_text "$variant"))"
  md ""
  local log0; log0=$(log_size "$(media_log bulwark)")
  register_callees "$dir" "$remote" 1
  # Transactions of earlier steps live on for up to 32 s (JAIN-SIP's timers) after they end.
  sleep "$CONCURRENT_SETTLE"
  local heap_idle heap_up open_calls=0
  heap_idle=$(heap_used_kib)
  say "$name: $calls calls at $rate/s, each up for $((pause_ms / 1000)) s (heap with no call: ${heap_idle:-?} KiB)"
  local since; since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  sipp_start "$dir/uas" "$remote" call-uas.xml -i "$CALLEE_NET_NOW.1" -p 5060 -m "$calls" -l "$((2 * calls))" \
    -timeout "${bound}s" -timer_resol 1
  local uas=${SIPP_PIDS[-1]}
  RTT_FREQ=5 sipp_start "$dir/uac" "$remote" call-uac.xml -inf "$TARGET/data/callers.csv" \
    -key callee "${CALLEES[0]}" -auth_uri "${CALLEES[0]}@$remote" -i "$CALLER_NET.1" -t u1 -r "$rate" \
    -m "$calls" -l "$((calls + 100))" -d "$pause_ms" -timeout "${bound}s" -recv_timeout 5000 -timer_resol 1
  local uac=${SIPP_PIDS[-1]}
  # All calls up: the called phone's sipp holds them all (at most the ramp plus 30 s).
  local deadline=$((SECONDS + ramp + 30))
  until [ "$(sipp_open_calls "$dir/uas")" -ge "$calls" ] || [ $SECONDS -ge $deadline ] || ! kill -0 "$uac" 2>/dev/null; do
    sleep 1
  done
  # The set-up transactions of the last calls also live on for a while: the heap is read once they
  # are gone (35 s into the plateau), or halfway through a shorter one.
  local settle=$((CONCURRENT_HOLD >= 50 ? 35 : CONCURRENT_HOLD / 2))
  if kill -0 "$uac" 2>/dev/null; then sleep "$settle"; fi
  heap_up=$(heap_used_kib)
  sleep 1
  open_calls=$(sipp_open_calls "$dir/uas")
  say "$name: $open_calls calls up, heap ${heap_up:-?} KiB; waiting for the hold and BYEs"
  sipp_wait $((bound + 20)) "$uac"
  sipp_wait 10 "$uas"
  # The step's call records as an administrator exports them: a call's end is acknowledged only
  # once its record is written, so every completed call must be there, with its end.
  local records=$dir/records.csv
  (umask 077; api_header > "$dir/api-header") || true
  record_command "curl -H 'Accept: text/csv' ${API%/extensions}/cdrs?from=$since&disposition=ANSWERED"
  curl -sk --max-time 120 -H "@$dir/api-header" -H 'Accept: text/csv' -o "$records" \
    "${API%/extensions}/cdrs?from=$since&disposition=ANSWERED" || : > "$records"
  md "Callers from $CALLER_NET.1 (one UDP socket, -t u1), the called phone at $CALLEE_NET_NOW.1:5060; each call stays up $((pause_ms / 1000)) s after its ACK (the $ramp s of the ramp plus $CONCURRENT_HOLD s), then hold and BYE. *most up at once* and *all up for* come from the called phone's sipp statistics (one line a second). Heap used is read with \`jcmd GC.heap_info\` after two \`jcmd GC.run\`, with no call ($CONCURRENT_SETTLE s after the previous step) and $((CONCURRENT_HOLD >= 50 ? 35 : CONCURRENT_HOLD / 2)) s after all calls are up (once their set-up transactions are gone); heap per call = difference ÷ calls up when it was read."
  md ""
  md_py concurrent "$dir/uac" "$dir/uas" "$calls" "$CONCURRENT_HOLD" "${heap_idle:--1}" "${heap_up:--1}" "$open_calls" \
    "$SUMMARY" --variant "$(call_variant_text "$variant")" --records "$records"
  md ""
  local unanchored; unanchored=$(unanchored_since bulwark "$log0")
  if [ "$unanchored" -ge 0 ]; then
    md "Calls whose media Bulwark could not anchor in rtpengine (its log): $unanchored."
    md ""
  fi
}
