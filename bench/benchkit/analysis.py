"""Verdicts and figures computed from steps: clean or not, spread over repeats, the knee of a rate
ladder, the Bulwark/Kamailio ratio, overload and recovery, latency per time window."""

import csv
import statistics

from .sippstats import percentile

# A step is clean when every call completed and the completed rate is within this share of the
# target (below it, the server or the load generator could not keep up).
RATE_TOLERANCE = 0.95


def step_record(run, label, rate, calls, repeat):
    """The figures of one step (a sippstats.Run) as a plain dict, as kept in steps.jsonl."""
    count, p50, p99, worst = run.latency(3)
    record = {
        "label": label, "rate": rate, "repeat": repeat, "calls": calls,
        "ok": run.counter("SuccessfulCall"), "failed": run.counter("FailedCall"),
        "shed": run.counter("FailedCallRejected"), "unanswered": run.unanswered(),
        "retrans": run.counter("Retransmissions"), "achieved": round(run.rate, 1),
        "p50": p50, "p99": p99, "max": worst,
        "p99_first": run.latency(1)[2], "p99_second": run.latency(2)[2],
    }
    record["clean"] = is_clean(record)
    return record


# call-uac.xml's response times: the INVITE's challenge, the authenticated INVITE to its 200 (the
# headline), the whole set-up, the hold re-INVITE and the BYE.
CALL_RTDS = {"challenge": 1, "invite": 2, "setup": 3, "hold": 4, "bye": 5}


def refused_calls(caller_ok, callee_ok):
    """Calls the callers completed that no called phone took: refused with 503 to an INVITE.
    call-uac.xml acknowledges the 503 and ends such a call, which sipp counts as successful (see
    the scenario); every call that really went through was taken by a called phone."""
    return max(0, caller_ok - callee_ok)


def call_step_record(run, label, rate, calls, repeat, uas=None, unanchored=None):
    """The figures of one step of the calls ladder (a sippstats.Run of the callers' sipp
    processes; `uas` the Run of the called phones, or None). p50/p99/max are INVITE(auth)->200.
    `unanchored`: calls whose media the server said it could not anchor in rtpengine (None when
    the step anchors nothing); any makes the step not clean."""
    count, p50, p99, worst = run.latency(CALL_RTDS["invite"])
    record = {
        "label": label, "rate": rate, "repeat": repeat, "calls": calls,
        "ok": run.counter("SuccessfulCall"), "failed": run.counter("FailedCall"),
        "shed": run.counter("FailedCallRejected"), "unanswered": run.unanswered(),
        "retrans": run.counter("Retransmissions"), "achieved": round(run.rate, 1),
        "p50": p50, "p99": p99, "max": worst,
    }
    for key in ("challenge", "setup", "hold", "bye"):
        record["p99_" + key] = run.latency(CALL_RTDS[key])[2]
    if uas is not None:
        record["uas_ok"] = uas.counter("SuccessfulCall")
        record["uas_failed"] = uas.counter("FailedCall")
        record["uas_retrans"] = uas.counter("Retransmissions")
        refused = refused_calls(record["ok"], record["uas_ok"])
        record["ok"] -= refused
        record["failed"] += refused
        record["shed"] += refused
    if unanchored is not None:
        record["unanchored"] = unanchored
    record["clean"] = is_clean(record) and record.get("uas_failed", 0) == 0 and not unanchored
    return record


def plateau(series, calls):
    """From sipp's open calls over time [(seconds, open calls), ...]: (the most calls open at once,
    the seconds during which all `calls` were open, measured between stat lines)."""
    if not series:
        return 0, 0.0
    most = max(n for _, n in series)
    full = [t for t, n in series if n >= calls]
    return most, (max(full) - min(full) if full else 0.0)


def per_call_bytes(heap_idle_kib, heap_up_kib, calls):
    """Heap per open call in bytes from heap in use (KiB, after a full GC) with no call and with
    `calls` calls up; None when a figure is missing or no call was up."""
    if heap_idle_kib is None or heap_up_kib is None or not calls:
        return None
    return (heap_up_kib - heap_idle_kib) * 1024.0 / calls


def answered_records(path):
    """From the CSV export of Bulwark's call log (GET /api/v1/cdrs, Accept: text/csv): (answered
    records, those of them with an end); None when the file is missing or has no header."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or not {"disposition", "endedAt"} <= set(reader.fieldnames):
                return None
            answered = [r for r in reader if r["disposition"] == "ANSWERED"]
    except OSError:
        return None
    return len(answered), sum(1 for r in answered if r["endedAt"])


def is_clean(step):
    return (step["failed"] == 0 and step["ok"] >= step["calls"]
            and step["achieved"] >= RATE_TOLERANCE * step["rate"])


def spread(values):
    """(min, median, max) of the values that exist; None when there are none."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return min(present), statistics.median(present), max(present)


def by_rate(steps):
    """Ladder steps (warm-up excluded) grouped by rate, in the order the rates were run."""
    groups = {}
    for step in steps:
        if step["label"] != "warm-up":
            groups.setdefault(step["rate"], []).append(step)
    return groups


def knee(steps, repeats):
    """Highest clean rate of a ladder and whether the ladder found a failing rate above it.

    A rate is clean when all `repeats` of it ran and were clean. The ladder climbs until the first
    rate that is not; a rate that passes after a failed one is not believed (the server failed
    below it). Returns (rate or 0, saturated)."""
    best = 0
    for rate, group in by_rate(steps).items():
        if len(group) < repeats or not all(s["clean"] for s in group):
            return best, True
        best = rate
    return best, False


def ratio(bulwark, kamailio):
    """Bulwark's knee over Kamailio's, each given as (rate, saturated).

    Returns (value or None, bound): bound is "" when both ladders found their limit, "upper" when
    Kamailio never failed (its limit is higher, the true ratio lower), "lower" when Bulwark never
    failed, "unknown" when neither did."""
    (b, b_sat), (k, k_sat) = bulwark, kamailio
    if k <= 0:
        return None, ""
    bound = {(True, True): "", (True, False): "upper", (False, True): "lower"}.get((b_sat, k_sat), "unknown")
    return b / k, bound


def overload(clean_rate, seconds, step):
    """Figures of an overload step run at twice the clean rate for `seconds`: completed
    registrations per second as % of the clean rate, shed (503) and unanswered calls."""
    completed = step["ok"] / seconds if seconds > 0 else 0.0
    return {
        "completed_per_s": completed,
        "percent_of_clean": 100.0 * completed / clean_rate if clean_rate > 0 else 0.0,
        "shed": step["shed"], "unanswered": step["unanswered"],
        "other_failed": step["failed"] - step["shed"] - step["unanswered"],
    }


def recovery(probes):
    """Seconds from the end of the overload to the start of the first clean probe step, from
    [(seconds after the load dropped, clean), ...]; None when none was clean."""
    for started, clean in probes:
        if clean:
            return max(0.0, started)
    return None


def full_windows(rows, expected_per_window):
    """The rows of `windows` that carry at least half the calls a window at the offered rate
    carries: the trailing remainder of a run is left out."""
    return [row for row in rows if row[1] >= expected_per_window / 2]


def windows(samples, window_seconds, rtd=3):
    """Latency per time window of a long step: [(window index, count, p50, p99, max), ...] from
    sippstats samples, windows counted from the first sample."""
    marks = [(at, ms) for at, ms, n in samples if n == rtd]
    if not marks:
        return []
    start = min(at for at, _ in marks)
    buckets = {}
    for at, ms in marks:
        buckets.setdefault(int((at - start) / 1000.0 // window_seconds), []).append(ms)
    return [(i, len(v), percentile(v, 50), percentile(v, 99), max(v)) for i, v in sorted(buckets.items())]
