# RESULTS.md: the dated section of this run and, for a full run, the summary table at the top.

machine_section() {
  # Version probes print more than one line or exit non-zero: none of them may stop the run.
  local cpu mem jdk kam sipp_v maria wf kc commit dirty rtpe
  cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo || true)
  mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo || true)
  jdk=$( (java -version 2>&1 || true) | sed -n 2p)
  kam=$( (kamailio -v 2>/dev/null || true) | sed -n '1s/^version: \(.*[^ ]\) *$/\1/p')
  sipp_v=$( (sipp -v 2>&1 || true) | grep -o 'SIPp v[^ ]*' | sed -n '1s/\.$//p' || true)
  maria=$( ("$BULWARK_HOME/db/base/bin/mariadbd" --version 2>/dev/null || true) | sed 's/.*Ver //')
  rtpe=$( (rtpengine --version 2>&1 || true) | sed -n '1s/^Version: //p')
  wf=$(sed -n 's/^WILDFLY_VERSION=//p' "$ROOT/bulwark")
  kc=$(sed -n 's/^KEYCLOAK_VERSION=//p' "$ROOT/bulwark")
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
  dirty=$(GIT_OPTIONAL_LOCKS=0 git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo " + uncommitted changes")
  echo "- Machine: $(nproc) cores ($cpu), $mem memory, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); load average at start $LOAD_AT_START (other work on the machine shares the cores)"
  echo "- JDK: $jdk; WildFly $wf (JVM options: \`WILDFLY_JAVA_OPTS\` in \`bulwark\`), Keycloak $kc, MariaDB ${maria%% *} (embedded)"
  echo "- Kamailio: $kam, $KAMAILIO_WORKERS UDP workers (one per core), $KAMAILIO_SHM_MB MiB shared memory, credentials in memory (htable); load generator: $sipp_v (UDP), up to $SIPP_RATE_PER_INSTANCE calls/s per sipp process"
  echo "- Bulwark: commit $commit$dirty; $BULWARK_START_NOTE; SIP on $SIP_HOST:$BULWARK_SIP_PORT"
  echo "- rtpengine: $rtpe, user space, started by the run with \`bulwark\`'s options plus --delete-delay=$RTPENGINE_DELETE_DELAY, NG on 127.0.0.1:$BULWARK_RTPENGINE_NG_PORT, RTP ports $BULWARK_RTPENGINE_PORT_MIN-$BULWARK_RTPENGINE_PORT_MAX on $BULWARK_RTPENGINE_INTERFACE (media variants: calls $CALL_MEDIA, concurrent $CONCURRENT_MEDIA)"
  echo "- Sizes: $EXTENSIONS extensions; rates $RATES /s, $STEP_SECONDS s runs × $REPEATS; overload $OVERLOAD_SECONDS s; sustained $SUSTAINED_RATE/s for $SUSTAINED_SECONDS s; flood rates $FLOOD_RATES /s, $FLOOD_STEP_SECONDS s steps; scale $SCALE_INSTANCES × $EXTENSIONS bindings at up to $SCALE_RATE/s; crash after $FLUSH_WAIT s; call rates $CALL_RATES /s, calls up $CALL_TALK_MS ms, media $CALL_MEDIA; concurrent $CONCURRENT_CALLS calls at $CONCURRENT_RATE/s held $CONCURRENT_HOLD s"
}

write_results() {
  local title="benchmark run"
  [ $QUICK = 0 ] || title="quick validation run — not the benchmark"
  {
    printf '\n## %s — %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$title"
    cat "$RUN_DIR/machine.md"
    printf '\nCommand: `%s`\n\n' "$INVOCATION"
    cat "$SECTION"
    printf '<details><summary>Exact commands (%d)</summary>\n\n```\n' "$(wc -l < "$COMMANDS")"
    # Steps repeat the same command with another rate: the first of each kind is enough.
    py commands "$COMMANDS" "$RUN_DIR" "$ROOT"
    printf '```\n\n</details>\n'
  } >> "$RESULTS"
  [ $QUICK = 1 ] || py summary-table "$RESULTS" "$SUMMARY"
  say "Results appended to $RESULTS (raw sipp files in $RUN_DIR)"
}
