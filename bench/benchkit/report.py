"""Markdown for RESULTS.md: figures, step tables, the summary table at the top, the command list."""

import re

from .analysis import by_rate, knee, spread


def fmt(value, digits=0):
    """A figure for a table; a figure that does not exist is shown as "–", never as 0."""
    if value is None:
        return "–"
    return "%.*f" % (digits, value) if isinstance(value, float) or digits else str(value)


def fmt_spread(values):
    s = spread(values)
    if s is None:
        return "–"
    low, mid, high = (fmt(float(v)) for v in s)
    return mid if low == high else "%s / %s / %s" % (low, mid, high)


def fmt_median(values):
    s = spread(values)
    return "–" if s is None else fmt(float(s[1]))


def cpu_text(before, after, seconds, tck, sipp_seconds):
    """CPU per process group in % of one core between two samples "Name:ticks ..." taken
    `seconds` apart, plus sipp's CPU seconds over the same time."""
    parts = []
    for b, a in zip(before.split(), after.split()):
        name, t0 = b.split(":")
        t1 = a.split(":")[1]
        parts.append("%s %.0f %%" % (name, (int(t1) - int(t0)) / tck / seconds * 100))
    parts.append("sipp %.0f %%" % (sipp_seconds / seconds * 100))
    return ", ".join(parts)


LADDER_HEADER = (
    "| rate /s | clean runs | calls | 200 OK | failed (503 / no answer) | retrans. | achieved /s | "
    "p50 ms | p99 ms | max ms | p99 1st ms | p99 2nd ms | CPU (% of one core, last run) |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def ladder_row(label, group):
    """One table row for all runs of one rate; figures that vary show min / median / max."""
    def total(key):
        return sum(s[key] for s in group)

    def values(key):
        return [s[key] for s in group]

    return "| %s | %d of %d | %d | %d | %d (%d / %d) | %d | %s | %s | %s | %s | %s | %s | %s |" % (
        label, sum(1 for s in group if s["clean"]), len(group), total("calls"), total("ok"),
        total("failed"), total("shed"), total("unanswered"), total("retrans"),
        fmt_spread(values("achieved")), fmt_median(values("p50")), fmt_spread(values("p99")),
        fmt(max((v for v in values("max") if v is not None), default=None)),
        fmt_median(values("p99_first")), fmt_median(values("p99_second")), group[-1].get("cpu", "–"))


CALL_LADDER_HEADER = (
    "| rate /s | clean runs | calls | successful | failed (503 / no answer) | retrans. | achieved /s | "
    "INVITE→200 p50 ms | p99 ms | max ms | p99 407 ms | p99 set-up ms | p99 hold ms | p99 BYE ms | "
    "CPU (% of one core, last run) |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def call_ladder_row(label, group):
    """One row of the calls ladder for all runs of one rate (min / median / max where they vary).
    Retransmissions are the callers' and the called phones' together."""
    def total(key):
        return sum(s.get(key, 0) for s in group)

    def values(key):
        return [s.get(key) for s in group]

    failed = "%d (%d / %d)" % (total("failed"), total("shed"), total("unanswered"))
    if total("unanchored"):
        failed += "; media not anchored: %d" % total("unanchored")
    return "| %s | %d of %d | %d | %d | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        label, sum(1 for s in group if s["clean"]), len(group), total("calls"), total("ok"),
        failed, total("retrans") + total("uas_retrans"),
        fmt_spread(values("achieved")), fmt_median(values("p50")), fmt_spread(values("p99")),
        fmt(max((v for v in values("max") if v is not None), default=None)),
        fmt_median(values("p99_challenge")), fmt_median(values("p99_setup")), fmt_median(values("p99_hold")),
        fmt_median(values("p99_bye")), group[-1].get("cpu", "–"))


def rate_ladder_table(steps, repeats, header, row, headline):
    """The table of one target's ladder (a warm-up row, then a row per rate) and its headline line:
    `headline` % (highest clean rate, its p99 spread)."""
    lines = [header]
    warmup = [s for s in steps if s["label"] == "warm-up"]
    if warmup:
        lines.append(row("warm-up %d" % warmup[0]["rate"], warmup))
    for rate, group in by_rate(steps).items():
        lines.append(row(str(rate), group))
    best, saturated = knee(steps, repeats)
    p99 = fmt_spread([s["p99"] for s in by_rate(steps).get(best, [])])
    tail = "" if saturated else " (no rate of the ladder failed: the limit is higher)"
    lines.append("")
    lines.append((headline % (best, p99)) + tail + ".")
    return "\n".join(lines)


def call_ladder_table(steps, repeats):
    """The table of one target's calls ladder and its headline line."""
    return rate_ladder_table(steps, repeats, CALL_LADDER_HEADER, call_ladder_row,
                             "Highest clean rate: **%d calls/s** (INVITE→200 p99 %s ms)")


def ladder_table(steps, repeats):
    """The table of one target's REGISTER ladder and its headline line."""
    return rate_ladder_table(steps, repeats, LADDER_HEADER, ladder_row, "Highest clean rate: **%d/s** (p99 %s ms)")


def update_summary(text, rows, date):
    """RESULTS.md with the summary table rows whose label is in `rows` ({label: (figure, met)})
    rewritten, keeping their goal; labels not in the table yet are added at its end."""
    out, done, inside = [], set(), False
    for line in text.split("\n"):
        if "<!-- summary:start -->" in line:
            inside = True
        elif "<!-- summary:end -->" in line:
            for label, (figure, met) in rows.items():
                if label not in done:
                    out.append("| %s | — | %s | %s | %s |" % (label, figure, met, date))
            inside = False
        elif inside and line.startswith("| "):
            cells = [c.strip() for c in line.split("|")[1:-1]]
            if cells and cells[0] in rows and cells[0] not in done:
                figure, met = rows[cells[0]]
                out.append("| %s | %s | %s | %s | %s |" % (cells[0], cells[1], figure, met, date))
                done.add(cells[0])
                continue
        out.append(line)
    return "\n".join(out)


def read_summary(path):
    """summary.tsv: "label<TAB>figure<TAB>met" lines, later lines winning."""
    rows = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                label, figure, met = line.rstrip("\n").split("\t")
                rows[label] = (figure, met)
    return rows


def first_commands(lines, run_dir, root):
    """Commands with the run directory and repository shortened; of commands that differ only in
    numbers (the same step at another rate), the first."""
    seen, out = set(), []
    for line in lines:
        line = line.rstrip("\n").replace(run_dir, "<run>").replace(root, "<repo>")
        key = re.sub(r"[0-9]+", "N", line)
        if key not in seen:
            seen.add(key)
            out.append(line)
    return out
