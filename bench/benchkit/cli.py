"""Commands bench/run calls: `python3 -m benchkit <command> ...` (run from bench/).

Exit status: 0 done (for `step`: the step was clean), 1 the step was not clean, 2 a sipp file was
missing or malformed (the run must stop: that is a broken measurement, not a result).
"""

import argparse
import json
import sys
import time

from . import analysis, credentials, report
from .sippstats import Run, SippError, current_calls, percentile, read_rtt, read_stat


def cmd_data(a):
    with open(a.dir + "/users.csv", "w") as f:
        f.write("\n".join(credentials.users_lines(a.count, 3600)) + "\n")
    # The flood's legitimate phones: the first users, bindings of 120 s (they re-register every 10 s).
    with open(a.dir + "/legit.csv", "w") as f:
        f.write("\n".join(list(credentials.users_lines(a.legit, 120))) + "\n")
    with open(a.dir + "/attack.csv", "w") as f:
        f.write("\n".join(credentials.attack_lines(a.count, a.legit, a.addresses, a.net, a.port)) + "\n")


def cmd_calls_data(a):
    """callers.csv and one callee-<k>.csv per called phone; prints the callees' numbers."""
    numbers = credentials.callees(a.count, a.callees)
    with open(a.dir + "/callers.csv", "w") as f:
        f.write("\n".join(credentials.callers_lines(a.count, a.callees)) + "\n")
    for k, ext in enumerate(numbers, start=1):
        with open("%s/callee-%d.csv" % (a.dir, k), "w") as f:
            f.write("\n".join(credentials.callee_lines(ext, a.expires)) + "\n")
    print(" ".join(str(n) for n in numbers))


def cmd_kamailio_tables(a):
    credentials.write_kamailio_tables(a.dir, a.count)


def cmd_cpu(a):
    print(report.cpu_text(a.before, a.after, a.seconds, a.tck, a.sipp))


def cmd_step(a):
    record = analysis.step_record(Run(a.dirs), a.label, a.rate, a.calls, a.repeat)
    record["cpu"] = a.cpu
    with open(a.steps, "a") as f:
        f.write(json.dumps(record) + "\n")
    return 0 if record["clean"] else 1


def cmd_call_step(a):
    uas = Run(a.uas, batch_calls=None) if a.uas else None
    record = analysis.call_step_record(Run(a.dirs), a.label, a.rate, a.calls, a.repeat, uas,
                                       a.unanchored if a.unanchored >= 0 else None)
    record["cpu"] = a.cpu
    with open(a.steps, "a") as f:
        f.write(json.dumps(record) + "\n")
    return 0 if record["clean"] else 1


def load_steps(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def cmd_ladder(a):
    print(report.ladder_table(load_steps(a.steps), a.repeats))


def cmd_knee(a):
    print(analysis.knee(load_steps(a.steps), a.repeats)[0])


# Issue "SIP front door": half of what Kamailio reaches on the same two cores.
REGISTER_GOAL = 5000


def summary_line(path, label, figure, met):
    with open(path, "a") as f:
        f.write("%s\t%s\t%s\n" % (label, figure, met))


def cmd_register_summary(a):
    """Ratio line and the REGISTER rows of the summary table."""
    bulwark = analysis.knee(load_steps(a.bulwark), a.repeats)
    kamailio = analysis.knee(load_steps(a.kamailio), a.repeats)
    value, bound = analysis.ratio(bulwark, kamailio)
    b, k = bulwark[0], kamailio[0]
    summary_line(a.summary, "REGISTER with digest, highest rate with 0 failures", "%d/s" % b,
                 "yes" if b >= REGISTER_GOAL else "no")
    steps = load_steps(a.bulwark)
    at_goal = by_rate_p99(steps, REGISTER_GOAL) if b >= REGISTER_GOAL else None
    summary_line(a.summary, "REGISTER p99 at 5,000/s (whole registration)",
                 "%s ms" % report.fmt(at_goal) if at_goal is not None else "not reached (%d/s)" % b,
                 "yes" if at_goal is not None and at_goal < 20 else "no")
    at_best = by_rate_p99(steps, b)
    summary_line(a.summary, "REGISTER p99 at the highest clean rate", "%s ms at %d/s" % (
        report.fmt(at_best), b) if at_best is not None else "no clean rate", "—")
    if value is None:
        print("No ratio: Kamailio had no clean rate.")
        return
    notes = {"": "", "upper": " — an upper bound: Kamailio never failed, its limit is higher",
             "lower": " — a lower bound: Bulwark never failed, its limit is higher",
             "unknown": " — neither failed: the ladder is too short to tell"}
    print("Ratio Bulwark/Kamailio (highest clean rates, %d/s vs %d/s): **%.2f**%s." % (b, k, value, notes[bound]))
    met = "no" if value < 0.5 else ("yes" if bound in ("", "lower") else "not sure")
    summary_line(a.summary, "Ratio Bulwark/Kamailio", "%.2f (%d/s vs %d/s%s)" % (
        value, b, k, ", " + bound + " bound" if bound else ""), met)


def cmd_call_ladder(a):
    print(report.call_ladder_table(load_steps(a.steps), a.repeats))


# Issue "calls benchmark": 625 calls/s, a quarter of what Kamailio as a stateful proxy reached on
# this machine (about 2,500/s); INVITE(auth)->200 p99 under 50 ms.
CALLS_GOAL = 625
CALLS_P99_GOAL = 50
CALLS_RATIO_GOAL = 0.25


def cmd_calls_summary(a):
    """Ratio line and the calls rows of the summary table, for one media variant."""
    bulwark = analysis.knee(load_steps(a.bulwark), a.repeats) if a.bulwark != "-" else None
    kamailio = analysis.knee(load_steps(a.kamailio), a.repeats) if a.kamailio != "-" else None
    what = "Calls with digest on the INVITE, hold, BYE (%s)" % a.variant
    if bulwark is not None:
        b = bulwark[0]
        steps = load_steps(a.bulwark)
        summary_line(a.summary, "%s: highest rate with 0 failed calls" % what, "%d/s" % b,
                     "yes" if b >= CALLS_GOAL else "no")
        at_goal = by_rate_p99(steps, CALLS_GOAL) if b >= CALLS_GOAL else None
        summary_line(a.summary, "%s: INVITE→200 p99 at 625/s" % what,
                     "%s ms" % report.fmt(at_goal) if at_goal is not None else "not reached (%d/s)" % b,
                     "yes" if at_goal is not None and at_goal < CALLS_P99_GOAL else "no")
        at_best = by_rate_p99(steps, b)
        summary_line(a.summary, "%s: INVITE→200 p99 at the highest clean rate" % what, "%s ms at %d/s" % (
            report.fmt(at_best), b) if at_best is not None else "no clean rate", "—")
    if bulwark is None or kamailio is None:
        return
    value, bound = analysis.ratio(bulwark, kamailio)
    b, k = bulwark[0], kamailio[0]
    if value is None:
        print("No ratio: Kamailio had no clean rate.")
        return
    notes = {"": "", "upper": " — an upper bound: Kamailio never failed, its limit is higher",
             "lower": " — a lower bound: Bulwark never failed, its limit is higher",
             "unknown": " — neither failed: the ladder is too short to tell"}
    print("Ratio Bulwark/Kamailio for calls (%s; highest clean rates, %d/s vs %d/s): **%.2f**%s." % (
        a.variant, b, k, value, notes[bound]))
    met = "no" if value < CALLS_RATIO_GOAL else ("yes" if bound in ("", "lower") else "not sure")
    summary_line(a.summary, "%s: ratio Bulwark/Kamailio (stateful proxy)" % what, "%.2f (%d/s vs %d/s%s)" % (
        value, b, k, ", " + bound + " bound" if bound else ""), met)


def cmd_concurrent(a):
    """Table and summary rows of the concurrent-calls step."""
    uac, uas = Run([a.uac]), Run([a.uas], batch_calls=None)
    most, full = analysis.plateau(current_calls(a.uas + "/stat.csv"), a.calls)
    idle = a.heap_idle if a.heap_idle >= 0 else None
    up = a.heap_up if a.heap_up >= 0 else None
    per_call = analysis.per_call_bytes(idle, up, a.open_calls)
    ok, failed = uac.counter("SuccessfulCall"), uac.counter("FailedCall")
    refused = analysis.refused_calls(ok, uas.counter("SuccessfulCall"))
    ok, failed = ok - refused, failed + refused
    invite = uac.latency(analysis.CALL_RTDS["invite"])
    records = analysis.answered_records(a.records) if a.records else None
    print("| calls | successful | failed (503 / no answer) | retrans. | most up at once (callee's sipp) | "
          "all up for | up when the heap was read | heap used, no call → calls up (after full GC) | heap per call | "
          "INVITE→200 p50 / p99 / max ms | p99 hold ms | p99 BYE ms | call records answered / ended |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print("| %d | %d | %d (%d / %d) | %d | %d | %.0f s | %d | %s → %s | %s | %s / %s / %s | %s | %s | %s |" % (
        a.calls, ok, failed, uac.counter("FailedCallRejected") + refused, uac.unanswered(),
        uac.counter("Retransmissions") + uas.counter("Retransmissions"), most, full, a.open_calls,
        "%.0f MiB" % (idle / 1024) if idle is not None else "–", "%.0f MiB" % (up / 1024) if up is not None else "–",
        "%.0f bytes" % per_call if per_call is not None else "–",
        report.fmt(invite[1]), report.fmt(invite[2]), report.fmt(invite[3]),
        report.fmt(uac.latency(analysis.CALL_RTDS["hold"])[2]), report.fmt(uac.latency(analysis.CALL_RTDS["bye"])[2]),
        "%d / %d" % records if records else "–"))
    held = most >= a.calls and full >= a.hold - 2  # the stat lines are a second apart
    # Every completed call has its record, with its end; without the export that is not known.
    recorded = records is not None and records == (ok, ok)
    summary_line(a.summary, "Concurrent calls (%s): %d held for %d s" % (a.variant, a.calls, a.hold),
                 "%d up at once for %.0f s, %d of %d completed, %d failed, %s" % (
                     most, full, ok, a.calls, failed,
                     "%d call records answered, %d ended" % records if records else "call records not read"),
                 "yes" if held and failed == 0 and ok == a.calls and recorded else "no")
    if per_call is not None:
        summary_line(a.summary, "Heap per active call (%s, %d calls up)" % (a.variant, a.calls),
                     "%.0f bytes (%d up when read)" % (per_call, a.open_calls), "—")


def by_rate_p99(steps, rate):
    group = analysis.by_rate(steps).get(rate)
    s = analysis.spread([x["p99"] for x in group]) if group else None
    return None if s is None else s[2]


def cmd_overload(a):
    step = load_steps(a.steps)[-1]
    o = analysis.overload(a.clean_rate, a.seconds, step)
    probes = []
    with open(a.probes) as f:
        for line in f:
            started, clean = line.split()
            probes.append((float(started), clean == "clean"))
    back = analysis.recovery(probes)
    print("| clean rate /s | offered /s | completed /s | % of clean | answered 503 | not answered | other failures | clean again after |")
    print("|---|---|---|---|---|---|---|---|")
    print("| %d | %d | %.0f | %.1f %% | %d | %d | %d | %s |" % (
        a.clean_rate, step["rate"], o["completed_per_s"], o["percent_of_clean"], o["shed"], o["unanswered"],
        o["other_failed"], "%.1f s" % back if back is not None else "not within %d probes" % len(probes)))
    summary_line(a.summary, "Overload at 2× the clean rate: completed", "%.0f %% of %d/s" % (
        o["percent_of_clean"], a.clean_rate), "yes" if o["percent_of_clean"] >= 80 else "no")
    summary_line(a.summary, "Overload: clean again after the load drops", "%.1f s" % back if back is not None
                 else "not within %d probes" % len(probes), "yes" if back is not None and back <= 10 else "no")


def cmd_sustained(a):
    run = Run([a.dir])
    rows = analysis.windows(run.samples, a.window)
    print("| minute | registrations | p50 ms | p99 ms | max ms |" if a.window == 60 else
          "| window of %d s | registrations | p50 ms | p99 ms | max ms |" % a.window)
    print("|---|---|---|---|---|")
    for i, count, p50, p99, worst in rows:
        print("| %d | %d | %s | %s | %s |" % (i + 1, count, report.fmt(p50), report.fmt(p99), report.fmt(worst)))
    # The goal is about the load held for a whole window; the calls that complete after the last
    # one started make a short window of their own, which says nothing about it.
    full = analysis.full_windows(rows, a.rate * a.window)
    p99s = [r[3] for r in full]
    failed = run.counter("FailedCall")
    print("\n%d of %d registrations completed, %d failed (%d answered 503, %d not answered); p99 per full window %s ms." % (
        run.counter("SuccessfulCall"), a.calls, failed, run.counter("FailedCallRejected"),
        run.unanswered(), report.fmt_spread(p99s)))
    if p99s:
        summary_line(a.summary, "Sustained %d/s for %d s: p99 per minute" % (a.rate, a.seconds),
                     "%s ms, %d failed of %d" % (" / ".join(report.fmt(p) for p in p99s), failed, a.calls),
                     "yes" if failed == 0 and max(p99s) < 20 else "no")


def cmd_counter(a):
    print(read_stat(a.dir + "/stat.csv")[a.name])


def cmd_latency(a):
    values = [ms for _, ms, n in read_rtt(a.dir) if n == a.rtd]
    print(len(values), *(report.fmt(v) for v in (percentile(values, 50), percentile(values, 99),
                                                   max(values) if values else None)))


def cmd_summary_table(a):
    with open(a.results) as f:
        text = f.read()
    with open(a.results, "w") as f:
        f.write(report.update_summary(text, report.read_summary(a.summary), time.strftime("%Y-%m-%d", time.gmtime())))


def cmd_commands(a):
    with open(a.file) as f:
        print("\n".join(report.first_commands(f, a.run_dir, a.root)))


def parser():
    p = argparse.ArgumentParser(prog="benchkit")
    sub = p.add_subparsers(dest="command", required=True)

    def command(name, func, *args):
        c = sub.add_parser(name)
        for arg in args:
            flags, kwargs = (arg, {}) if isinstance(arg, str) else arg
            c.add_argument(flags, **kwargs)
        c.set_defaults(func=func)

    num, flt = {"type": int}, {"type": float}
    command("data", cmd_data, "dir", ("count", num), ("legit", num), ("addresses", num), "net", ("port", num))
    command("kamailio-tables", cmd_kamailio_tables, "dir", ("count", num))
    command("calls-data", cmd_calls_data, "dir", ("count", num), ("callees", num), ("expires", num))
    command("call-step", cmd_call_step, "steps", "label", ("rate", num), ("calls", num), ("repeat", num), "cpu",
            ("--uas", {"action": "append", "default": []}), ("--unanchored", {"type": int, "default": -1}),
            ("dirs", {"nargs": "+"}))
    command("call-ladder", cmd_call_ladder, "steps", ("repeats", num))
    command("calls-summary", cmd_calls_summary, "bulwark", "kamailio", ("repeats", num), "variant", "summary")
    command("concurrent", cmd_concurrent, "uac", "uas", ("calls", num), ("hold", num), ("heap_idle", num),
            ("heap_up", num), ("open_calls", num), "summary", ("--variant", {"default": "no media anchoring"}),
            ("--records", {"default": None}))
    command("cpu", cmd_cpu, "before", "after", ("seconds", flt), ("tck", num), ("sipp", flt))
    command("step", cmd_step, "steps", "label", ("rate", num), ("calls", num), ("repeat", num), "cpu",
            ("dirs", {"nargs": "+"}))
    command("ladder", cmd_ladder, "steps", ("repeats", num))
    command("knee", cmd_knee, "steps", ("repeats", num))
    command("register-summary", cmd_register_summary, "bulwark", "kamailio", ("repeats", num), "summary")
    command("overload", cmd_overload, "steps", "probes", ("clean_rate", num), ("seconds", num), "summary")
    command("sustained", cmd_sustained, "dir", ("rate", num), ("seconds", num), ("calls", num),
            ("window", num), "summary")
    command("counter", cmd_counter, "dir", "name")
    command("latency", cmd_latency, "dir", ("rtd", num))
    command("summary-table", cmd_summary_table, "results", "summary")
    command("commands", cmd_commands, "file", "run_dir", "root")
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except SippError as e:
        print("benchkit: %s" % e, file=sys.stderr)
        return 2
