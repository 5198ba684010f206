# Driver "store": the location service on its two possible stores, in one JVM beside nothing else:
# the ConcurrentHashMap Bulwark ships and an Infinispan local cache (what a cluster would use).
# Runs pbx-ejb's LocationStoreComparison (JUnit tag "perf", excluded from the test suite).

drive_store() {
  local name=$1 dir=$RUN_DIR/$1
  mkdir -p "$dir"
  local command=(./mvnw -B -q ${MAVEN_ARGS:-} -pl pbx-ejb test -Dgroups=perf -Dbulwark.excludedGroups=
    -Dtest=LocationStoreComparison -Dsurefire.failIfNoSpecifiedTests=false)
  record_command "${command[*]}"
  say "$name: 100,000 addresses, 2 threads refreshing, on each store"
  (cd "$ROOT" && "${command[@]}") > "$dir/mvn.log" 2>&1 || die "$name: the measurement failed (see $dir/mvn.log)"
  local figures; figures=$(grep 'REGISTER applications/s' "$dir/mvn.log" || true)
  [ "$(printf '%s\n' "$figures" | grep -c .)" = 2 ] || die "$name: expected two figures in $dir/mvn.log"
  md "### $name: the location service on a ConcurrentHashMap and on an Infinispan local cache"
  md ""
  md "100,000 addresses of record registered, then refreshed from 2 threads (2,000,000 REGISTER applications each, after a round of the same to warm the JIT up); heap per binding measured after full GCs. No SIP: this is the store alone."
  md ""
  md "| store | figure |"
  md "|---|---|"
  while IFS= read -r line; do
    md "| ${line%%:*} | ${line#*: } |"
  done <<<"$figures"
  md ""
}
