# Driver "backup": a backup of every extension provisioned and BACKUP_CALL_RECORDS call records
# (written straight into the database, the call log of a busy year), then the check (a dry run
# reading the whole backup) and the restore, timed through the REST API, with the progress the
# page shows sampled every second and the row counts compared after the restore.

drive_backup() {
  local name=$1 dir=$RUN_DIR/$1
  mkdir -p "$dir"
  local base=${API%/extensions} header=$dir/api-header passphrase
  passphrase="bench $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
  (umask 077; api_header > "$header")
  local rows=$BACKUP_CALL_RECORDS chunk=100000 from
  say "$name: $rows call records into the database"
  db_query "DELETE FROM call_record WHERE call_key LIKE 'bench-%'" > /dev/null
  for ((from = 0; from < rows; from += chunk)); do
    local n=$((rows - from < chunk ? rows - from : chunk))
    db_query "INSERT INTO call_record (call_key, caller, callee, dialled, started_at, ended_at,
      billable_seconds, disposition) SELECT CONCAT('bench-', $from + seq), '100001', '100002',
      '100002', TIMESTAMP('2026-01-01') + INTERVAL (($from + seq) * 30) SECOND,
      TIMESTAMP('2026-01-01') + INTERVAL (($from + seq) * 30 + 25) SECOND, 25, 'ANSWERED'
      FROM seq_1_to_$n" > /dev/null
  done
  local extensions calls
  extensions=$(db_query "SELECT COUNT(*) FROM extension")
  calls=$(db_query "SELECT COUNT(*) FROM call_record")

  # operation url body -> "seconds http_code". A backup or restore answers 202 at once and runs on:
  # its progress is read every half second until it ends, and that end is its time.
  run_timed() {
    local op=$1 url=$2 body=$3 t0 t1 code state
    : > "$dir/$op-progress.tsv"
    t0=$(now)
    code=$(curl -sk --max-time 600 -o "$dir/$op.json" -w '%{http_code}' -X POST -H "@$header" \
      -H 'Content-Type: application/json' --data "$body" "$url")
    if [ "$code" = 202 ]; then
      local reads=0
      while [ $((reads += 1)) -le 3600 ]; do  # half an hour at most
        state=$(curl -sk --max-time 5 -H "@$header" "$base/backups/progress" || true)
        if ! jq -e 'has("running")' <<<"$state" > /dev/null 2>&1; then
          # Tokens live 300 s; a long restore outlives one.
          (umask 077; api_header > "$header"); sleep 0.5; continue
        fi
        printf '%s\t%s\n' "$(date +%s)" \
          "$(jq -r '[.operation, .rows, .totalRows, .running] | @tsv' <<<"$state" 2>/dev/null || true)" \
          >> "$dir/$op-progress.tsv"
        [ "$(jq -r '.running' <<<"$state" 2>/dev/null)" = true ] || break
        sleep 0.5
      done
      printf '%s' "$state" > "$dir/$op.json"
    fi
    t1=$(now)
    printf '%s %s' "$(elapsed "$t0" "$t1")" "$code"
  }

  record_command "curl -X POST $base/backups {contents: [CONFIGURATION, CALL_RECORDS], passphrase}; POST .../check; POST .../restore"
  say "$name: backing up $extensions extensions and $calls call records"
  local made backup_s code file bytes
  made=$(run_timed backup "$base/backups" \
    "$(jq -nc --arg p "$passphrase" '{contents: ["CONFIGURATION", "CALL_RECORDS"], passphrase: $p}')")
  backup_s=${made% *}; code=${made#* }
  [ "$code" = 202 ] && [ "$(jq -r .failed "$dir/backup.json")" = false ] ||
    die "$name: the backup failed ($code): $(cat "$dir/backup.json")"
  file=$(jq -r .backup "$dir/backup.json")
  bytes=$(curl -sk --max-time 60 -H "@$header" "$base/backups" | jq --arg f "$file" '.[] | select(.name == $f) | .bytes')
  (umask 077; api_header > "$header")
  say "$name: checking $file"
  local checked check_s
  checked=$(run_timed check "$base/backups/$file/check" "$(jq -nc --arg p "$passphrase" '{passphrase: $p}')")
  check_s=${checked% *}; [ "${checked#* }" = 200 ] || die "$name: the check answered ${checked#* }"
  (umask 077; api_header > "$header")
  say "$name: restoring $file"
  local restored restore_s
  restored=$(run_timed restore "$base/backups/$file/restore" "$(jq -nc --arg p "$passphrase" '{passphrase: $p}')")
  restore_s=${restored% *}
  [ "${restored#* }" = 202 ] && [ "$(jq -r .failed "$dir/restore.json")" = false ] ||
    die "$name: the restore failed (${restored#* }): $(cat "$dir/restore.json")"
  local extensions_after calls_after samples
  extensions_after=$(db_query "SELECT COUNT(*) FROM extension")
  calls_after=$(db_query "SELECT COUNT(*) FROM call_record")
  samples=$(awk -F'\t' '$5 == "true" { n++ } END { print n + 0 }' "$dir/backup-progress.tsv" "$dir/restore-progress.tsv")
  local outcome; outcome=$(jq -r .outcome "$dir/restore.json")
  curl -sk --max-time 60 -o /dev/null -X DELETE -H "@$header" "$base/backups/$file" || true
  db_query "DELETE FROM call_record WHERE call_key LIKE 'bench-%'" > /dev/null
  rm -f "$header"

  local mib; mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
  md "### $name: backup and restore of $extensions extensions and $calls call records"
  md ""
  md "Configuration and call records backed up (AES-256-GCM, gzip) through \`POST /api/v1/backups\`, checked (\`.../check\`, the whole backup read and decrypted, nothing changed) and restored (\`.../restore\`: the check again, then every table replaced in one transaction, in-memory copies reloaded and the users of the extensions it changed brought in line in Keycloak). Both answered 202 at once and ran on; the progress endpoint, read every half second, showed them running in $samples reads and ended with \"$outcome\"."
  md ""
  md "| extensions | call records | backup | size | check | restore | extensions after | call records after |"
  md "|---|---|---|---|---|---|---|---|"
  md "| $extensions | $calls | $backup_s s | $mib MiB | $check_s s | $restore_s s | $extensions_after | $calls_after |"
  md ""
  summary "Backup of $extensions extensions and $calls call records: time, size" "$backup_s s, $mib MiB" "—"
  summary "Restore of the same (check included; Keycloak users in line)" "$restore_s s (check alone $check_s s); $extensions_after extensions, $calls_after call records after" \
    "$([ "$extensions_after" = "$extensions" ] && [ "$calls_after" = "$calls" ] && echo yes || echo no)"
}
