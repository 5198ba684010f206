"""Reading sipp's output files: the statistics file (-trace_stat) and response times (-trace_rtt).

A missing, empty or malformed file raises SippError: a broken measurement must stop the run, not
turn into a 0 that reads like a result.
"""

import glob
import os


class SippError(Exception):
    pass


def read_stat(path):
    """Cumulative counters of the last line of a -trace_stat file: {"SuccessfulCall": 24000, ...}
    for every "<name>(C)" column (sipp writes each counter as a periodic (P) and cumulative (C))."""
    try:
        with open(path, encoding="latin-1") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()]
    except OSError as e:
        raise SippError("no sipp statistics: %s" % e) from e
    if len(lines) < 2:
        raise SippError("%s: no data line (sipp wrote nothing or did not run)" % path)
    header = lines[0].split(";")
    last = lines[-1].split(";")
    if "SuccessfulCall(C)" not in header or "FailedCall(C)" not in header:
        raise SippError("%s: not a sipp statistics file" % path)
    if len(last) < len(header) - 1:
        raise SippError("%s: last line has %d fields, header %d (cut short?)" % (path, len(last), len(header)))
    counters = {}
    for name, value in zip(header, last):
        if not name.endswith("(C)") or name.startswith(("ElapsedTime", "ResponseTime", "CallLength")):
            continue
        try:
            counters[name[:-3]] = int(value) if value.isdigit() else float(value)
        except ValueError as e:
            raise SippError("%s: %s is %r, not a number" % (path, name, value)) from e
    return counters


def current_calls(path):
    """sipp's CurrentCall column (calls open at that moment) on every line of a -trace_stat file,
    in order: [(elapsed seconds, open calls), ...]. Needs at least one data line."""
    try:
        with open(path, encoding="latin-1") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()]
    except OSError as e:
        raise SippError("no sipp statistics: %s" % e) from e
    if len(lines) < 2:
        raise SippError("%s: no data line (sipp wrote nothing or did not run)" % path)
    header = lines[0].split(";")
    if "CurrentCall" not in header or "ElapsedTime(C)" not in header:
        raise SippError("%s: not a sipp statistics file" % path)
    at, current = header.index("ElapsedTime(C)"), header.index("CurrentCall")
    rows = []
    for line in lines[1:]:
        fields = line.split(";")
        if len(fields) <= max(at, current):
            continue  # the last line of a sipp killed while writing it
        try:
            rows.append((elapsed_seconds(fields[at]), int(fields[current])))
        except ValueError as e:
            raise SippError("%s: CurrentCall %r is not a number" % (path, fields[current])) from e
    if not rows:
        raise SippError("%s: no complete data line" % path)
    return rows


def elapsed_seconds(text):
    """sipp's elapsed time "HH:MM:SS" (a fraction may follow as ":ddd") in seconds."""
    parts = text.split(":")
    fraction = float("0." + parts[3]) if len(parts) > 3 and parts[3].isdigit() else 0.0
    return int(parts[0]) * 3600 + int(parts[1]) * 60 + int(parts[2]) + fraction


def read_rtt(directory):
    """All response-time samples of the -trace_rtt files in a directory: [(at_ms, ms, rtd), ...].
    at_ms counts from that sipp's start; sipp writes both with a fractional part at times
    ("3312;532.001;1"). sipp creates the file with its first batch of samples, so
    a directory without one means no batch was complete; the caller decides whether that can be."""
    paths = sorted(glob.glob(os.path.join(directory, "*_rtt.csv")))
    samples = []
    for path in paths:
        with open(path, encoding="latin-1") as f:
            header = f.readline().strip()
            if header != "Date_ms;response_time_ms;rtd_no":
                raise SippError("%s: not a sipp response-time file (header %r)" % (path, header))
            for number, line in enumerate(f, start=2):
                if not line.strip():
                    continue
                fields = line.strip().split(";")
                try:
                    samples.append((float(fields[0]), float(fields[1]), int(fields[2])))
                except (ValueError, IndexError) as e:
                    raise SippError("%s:%d: malformed line %r" % (path, number, line.strip())) from e
    return samples


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a list of numbers; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def completion_rate(times_ms):
    """Completions per second between the first and the last completion."""
    if not times_ms:
        return 0.0
    span = (max(times_ms) - min(times_ms)) / 1000.0
    return (len(times_ms) - 1) / span if span > 0 else float(len(times_ms))


class Run:
    """The files of one or more sipp processes that ran side by side for one step (one directory
    each): counters summed, response times merged, completion rates added up.

    sipp writes response times in batches of -rtt_freq samples (3 per successful call of
    register.xml); `batch_calls` successful calls must therefore have left a response-time file.
    `batch_calls` None: a scenario that measures no response time (a sipp UAS)."""

    def __init__(self, directories, batch_calls=100):
        if not directories:
            raise SippError("no sipp directory given")
        self.counters = {}
        self.samples = []
        self.rate = 0.0
        for d in directories:
            stat = read_stat(os.path.join(d, "stat.csv"))
            for name, value in stat.items():
                self.counters[name] = self.counters.get(name, 0) + value
            samples = read_rtt(d)
            if batch_calls is not None and not samples and stat["SuccessfulCall"] >= batch_calls:
                raise SippError("%s: calls succeeded but sipp wrote no response times" % d)
            self.samples.extend(samples)
            self.rate += completion_rate([t for t, _, n in samples if n == 3])

    def counter(self, name):
        if name not in self.counters:
            raise SippError("sipp statistics have no counter %s" % name)
        return self.counters[name]

    def times(self, rtd):
        return [ms for _, ms, n in self.samples if n == rtd]

    def latency(self, rtd):
        """(count, p50, p99, max) in ms of one response-time mark; None for the figures of none."""
        values = self.times(rtd)
        return len(values), percentile(values, 50), percentile(values, 99), max(values) if values else None

    def unanswered(self):
        """Calls that ended because an answer never came (retransmissions used up or receive
        timeout)."""
        return self.counter("FailedMaxUDPRetrans") + self.counter("FailedTimeoutOnRecv")
