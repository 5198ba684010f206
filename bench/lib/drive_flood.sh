# Driver "flood": scanners with wrong passwords from ATTACK_ADDRESSES addresses at increasing
# rates while LEGIT_PHONES phones re-register every 10 s. Every rate in FLOOD_RATES is run.

drive_flood() {
  local name=$1 xml=$2 targets=$3 target rate
  md "### $name: $xml from $ATTACK_ADDRESSES addresses (User-Agent: $FLOOD_AGENT), $LEGIT_PHONES phones re-registering every 10 s, ${FLOOD_STEP_SECONDS} s per step$([ "$KERNEL" = 1 ] && echo ", Bulwark's kernel backend on")"
  md ""
  md "The phones (register.xml from $LEGIT_IP, one REGISTER per phone every 10 s, i.e. $((LEGIT_PHONES / 10))/s) are what is measured: success = 200 after the challenge, latency of the whole registration. The scanners (register-badpw.xml, no retransmissions, 2 s timeout) count as answered when they get the 403."
  md ""
  for target in ${targets//,/ }; do
    start_target "$target"; local remote=$REMOTE
    md "**$target** ($remote)"
    md ""
    md "| scanner rate /s | scanner REGISTERs | answered 403 | unanswered/other | phone registrations | phone OK | phone success % | phone p50 ms | phone p99 ms | phone max ms | shut out by the JVM | dropped by the kernel | CPU (% of one core) |"
    md "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for rate in $FLOOD_RATES; do
      sleep "$PAUSE_SECONDS"
      say "$name/$target: scanners at $rate/s, phones at $((LEGIT_PHONES / 10))/s, ${FLOOD_STEP_SECONDS}s"
      local dir=$RUN_DIR/$name-$target/$rate pids=()
      local legit_calls=$((LEGIT_PHONES * FLOOD_STEP_SECONDS / 10)) attack_calls=$((rate * FLOOD_STEP_SECONDS))
      local shut_out=– kernel=–
      [ "$target" != bulwark ] || { shut_out=$(bulwark_metric bulwark_sip_udp_shut_out_total); kernel=$(bulwark_metric bulwark_defense_kernel_dropped_total); }
      cpu_begin "$target"
      if [ "$rate" -gt 0 ]; then
        # sipp's [local_port] is 0 under "-t ui" (SIPp issue #20): the scenario takes the port from
        # the injection file, and every per-address socket is bound to that port with -p.
        sipp_start "$dir/scanners" "$remote" "$xml" -inf "$TARGET/data/attack.csv" -t ui -ip_field 0 \
          -p "$ATTACK_PORT" -i "$ATTACK_NET.255.254" -max_socket 1000 -r "$rate" -m "$attack_calls" \
          -timeout "$((FLOOD_STEP_SECONDS + 10))s" -key ua "$FLOOD_AGENT"
        pids+=("${SIPP_PIDS[-1]}")
      fi
      RTT_FREQ=1 sipp_start "$dir/phones" "$remote" register.xml -inf "$TARGET/data/legit.csv" -i "$LEGIT_IP" \
        -r "$((LEGIT_PHONES / 10))" -m "$legit_calls" -timeout "$((FLOOD_STEP_SECONDS + 20))s" \
        -recv_timeout 5000 -timer_resol 1
      pids+=("${SIPP_PIDS[-1]}")
      sipp_wait $((FLOOD_STEP_SECONDS + 40)) "${pids[@]}"
      cpu_end
      if [ "$target" = bulwark ]; then
        shut_out=$(( $(bulwark_metric bulwark_sip_udp_shut_out_total) - shut_out ))
        kernel=$(( $(bulwark_metric bulwark_defense_kernel_dropped_total) - kernel ))
      fi
      local ok pct a_ok=0 a_failed=0 a_sent=0 p50 p99 max latency
      ok=$(py counter "$dir/phones" SuccessfulCall)
      latency=$(py latency "$dir/phones" 3)
      pct=$(awk -v o="$ok" -v n="$legit_calls" 'BEGIN { printf "%.2f", (n > 0 ? 100 * o / n : 0) }')
      read -r _ p50 p99 max <<<"$latency"
      if [ "$rate" -gt 0 ]; then
        a_sent=$(py counter "$dir/scanners" OutgoingCall)
        a_ok=$(py counter "$dir/scanners" SuccessfulCall); a_failed=$(py counter "$dir/scanners" FailedCall)
      fi
      md "| $rate | $a_sent | $a_ok | $a_failed | $legit_calls | $ok | $pct | $p50 | $p99 | $max | $shut_out | $kernel | $CPU_TEXT |"
      if [ "$rate" = 2000 ] && [ "$target" = bulwark ]; then
        summary "Bad-password flood at 2,000/s: phone success" "$pct %" \
          "$(awk -v p="$pct" 'BEGIN { print (p >= 99.9 ? "yes" : "no") }')"
        summary "Bad-password flood at 2,000/s: phone p99" "$p99 ms" \
          "$( [ "$p99" != "–" ] && [ "$p99" -lt 50 ] && echo yes || echo no)"
      fi
    done
    md ""
  done
  # Whatever the flood left queued (security events, for one) should not weigh on what follows.
  sleep "$COOLDOWN_SECONDS"
}
