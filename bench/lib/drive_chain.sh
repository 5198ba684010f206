# Driver "chain": the call policy's decision for one outbound call (routing lookup and the whole
# chain) on a realistic configuration, sampled by JMH in a JVM of its own. Runs pbx-ejb's
# CallPolicyBenchmark (JUnit tag "perf", excluded from the test suite).

drive_chain() {
  local name=$1 dir=$RUN_DIR/$1
  mkdir -p "$dir"
  local command=(./mvnw -B -q ${MAVEN_ARGS:-} -pl pbx-ejb test -Dgroups=perf -Dbulwark.excludedGroups=
    -Dtest=CallPolicyBenchmark -Dsurefire.failIfNoSpecifiedTests=false)
  record_command "${command[*]}"
  say "$name: JMH, 2 threads, 3 × 5 s warm-up, 5 × 10 s measured"
  (cd "$ROOT" && "${command[@]}") > "$dir/mvn.log" 2>&1 || true
  local line; line=$(grep 'call policy decision' "$dir/mvn.log" | tail -1 || true)
  [ -n "$line" ] || die "$name: no figure in $dir/mvn.log"
  local p99; p99=$(sed -E 's/.* p99 ([0-9.]+) µs.*/\1/' <<<"$line")
  local met=no; awk -v p="$p99" 'BEGIN { exit !(p < 100) }' && met=yes
  md "### $name: the call policy's decision for one outbound call"
  md ""
  md "Routing lookup and the whole chain (route permission, time condition, extension restrictions, allowed country codes, blocked numbers, frequency) for a mix of local, allowed international, disallowed international and blocked numbers, on 50 routes, 200 allowed country codes, 1,000 blocked patterns and 500 extensions. JMH sample mode, 2 threads, one fork."
  md ""
  md "| figure |"
  md "|---|"
  md "| ${line#*: } |"
  md ""
  summary "Call policy decision p99 (JMH: 50 routes, 200 codes, 1,000 blocked patterns, 500 extensions)" "$p99 µs" "$met"
}
