# Shared helpers of bench/run: messages, the results section, timing, CPU sampling, benchkit.
# Sourced by bench/run; every function uses the variables bench/run sets.

say() { printf '%s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
now() { printf '%s' "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
md() { printf '%s\n' "$*" >> "$SECTION"; }
summary() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$SUMMARY"; }
record_command() { printf '%s\n' "$*" >> "$COMMANDS"; }

# benchkit (bench/benchkit, python3 standard library): parsing, computation, Markdown.
# Exit status 2 means a sipp file was missing or malformed: the run stops rather than report it.
py() {
  local rc=0
  (cd "$BENCH" && "$PYTHON" -m benchkit "$@") || rc=$?
  [ $rc != 2 ] || die "benchkit $1: a sipp file is missing or malformed (see above)"
  return $rc
}

# All descendants of the given PIDs, the PIDs included.
tree_pids() {
  ps -e -o pid=,ppid= | awk -v roots="$*" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1
      changed = 1
      while (changed) {
        changed = 0
        for (i in pids) { p = pids[i]; if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
      }
      for (p in keep) print p
    }'
}

# Clock ticks (user + system) used so far by the given processes and their descendants.
ticks() {
  local total=0 pid line
  for pid in $(tree_pids "$@"); do
    line=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    line=${line##*) }
    local f=($line)
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}

# children_cpu <var>: sets <var> to the user+system seconds of this shell's finished children
# (the sipp processes, mostly; see README). "times" must run in this shell, not in $(...).
children_cpu() {
  times > "$RUN_DIR/times.txt"
  printf -v "$1" '%s' "$(awk 'NR == 2 {
    split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.3f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' \
    "$RUN_DIR/times.txt")"
}

# "Name:pid pid..." groups whose CPU a step reports, per target (and rtpengine when calls' media
# goes through it).
cpu_groups() {
  case "$1" in
    bulwark) printf 'WildFly:%s MariaDB:%s Keycloak:%s' \
      "$(pid_file wildfly)" "$(pid_file mariadb)" "$(pid_file keycloak)" ;;
    kamailio) printf 'Kamailio:%s' "$KAMAILIO_PID" ;;
  esac
  if [ "$MEDIA_NOW" = rtpengine ]; then printf ' rtpengine:%s' "$(pid_file rtpengine)"; fi
  printf '\n'
}

# Samples the ticks of every group: prints "Name:ticks ...".
sample_groups() {
  local g out=""
  for g in $1; do out+="${g%%:*}:$(ticks "${g#*:}") "; done
  printf '%s' "$out"
}

# cpu_begin <target> / cpu_end: CPU of the target's processes and of sipp between the two calls,
# as text in CPU_TEXT.
cpu_begin() {
  CPU_GROUPS=$(cpu_groups "$1"); CPU_BEFORE=$(sample_groups "$CPU_GROUPS"); CPU_T0=$(now)
  children_cpu CPU_C0
}
cpu_end() {
  local c1 after seconds
  children_cpu c1; seconds=$(elapsed "$CPU_T0" "$(now)"); after=$(sample_groups "$CPU_GROUPS")
  CPU_TEXT=$(py cpu "$CPU_BEFORE" "$after" "$seconds" "$CLK_TCK" \
    "$(awk -v a="$CPU_C0" -v b="$c1" 'BEGIN { print b - a }')")
}

# md_py <benchkit command...>: appends what the command prints to the section; stops the run if
# it fails.
md_py() {
  local out
  out=$(py "$@") || die "benchkit $1 failed"
  md "$out"
}
