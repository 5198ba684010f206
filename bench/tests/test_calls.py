"""The calls scenarios: a step of call-uac.xml/call-uas.xml (fixtures/calls: 150 calls at 50/s
through Kamailio, the callers' sipp in uac/, the called phone's in uas/), open calls over time,
heap per call, the calls summary rows and the users the calls use."""

import contextlib
import io
import json
import os
import shutil
import tempfile
import unittest

from benchkit import analysis, cli, credentials, report
from benchkit.sippstats import Run, SippError, current_calls, elapsed_seconds

CALLS = os.path.join(os.path.dirname(__file__), "fixtures", "calls")


class CallStepTest(unittest.TestCase):
    def record(self, calls=150, rate=50):
        return analysis.call_step_record(Run([os.path.join(CALLS, "uac")]), "50", rate, calls, 1,
                                         Run([os.path.join(CALLS, "uas")], batch_calls=None))

    def test_real_clean_step(self):
        r = self.record()
        self.assertTrue(r["clean"])
        self.assertEqual((r["ok"], r["failed"], r["uas_ok"], r["uas_failed"]), (150, 0, 150, 0))

    def test_headline_is_the_authenticated_invite_and_every_mark_has_a_figure(self):
        r = self.record()
        run = Run([os.path.join(CALLS, "uac")])
        self.assertEqual(len(run.times(2)), 150)
        self.assertEqual(r["p99"], sorted(run.times(2))[148])
        for key in ("p99_challenge", "p99_setup", "p99_hold", "p99_bye"):
            self.assertIsNotNone(r[key], key)
        # the set-up contains the authenticated INVITE
        self.assertGreaterEqual(r["p99_setup"], r["p99"])

    def test_achieved_rate_counts_set_ups(self):
        self.assertAlmostEqual(self.record()["achieved"], 50, delta=2.5)

    def test_failure_at_the_called_phone_is_not_clean(self):
        r = analysis.call_step_record(Run([os.path.join(CALLS, "uac")]), "50", 50, 150, 1,
                                      FakeRun(SuccessfulCall=149, FailedCall=1, Retransmissions=0))
        self.assertFalse(r["clean"])

    def test_calls_not_anchored_make_the_step_not_clean_and_show_in_the_ladder(self):
        uac, uas = Run([os.path.join(CALLS, "uac")]), Run([os.path.join(CALLS, "uas")], batch_calls=None)
        anchored = analysis.call_step_record(uac, "50", 50, 150, 1, uas, unanchored=0)
        self.assertTrue(anchored["clean"])
        r = analysis.call_step_record(uac, "50", 50, 150, 1, uas, unanchored=3)
        self.assertFalse(r["clean"])
        self.assertEqual(r["unanchored"], 3)
        self.assertNotIn("unanchored", self.record())
        row = report.call_ladder_row("50", [anchored, r])
        self.assertIn("| 1 of 2 |", row)
        self.assertIn("0 (0 / 0); media not anchored: 3 |", row)
        self.assertNotIn("anchored", report.call_ladder_row("50", [self.record()]))

    def test_calls_no_called_phone_took_were_refused(self):
        # call-uac.xml ends a call refused with 503 after its ACK, which sipp counts successful.
        r = analysis.call_step_record(Run([os.path.join(CALLS, "uac")]), "50", 50, 150, 1,
                                      FakeRun(SuccessfulCall=140, FailedCall=0, Retransmissions=0))
        self.assertEqual((r["ok"], r["failed"], r["shed"]), (140, 10, 10))
        self.assertFalse(r["clean"])
        self.assertEqual(analysis.refused_calls(150, 151), 0)

    def test_missing_calls_are_not_clean(self):
        self.assertFalse(self.record(calls=151)["clean"])

    def test_uas_without_response_times_is_fine_but_a_uac_is_not(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        shutil.copy(os.path.join(CALLS, "uac", "stat.csv"), d)
        Run([d], batch_calls=None)
        with self.assertRaises(SippError):
            Run([d])


class FakeRun:
    def __init__(self, **counters):
        self.counters = counters

    def counter(self, name):
        return self.counters[name]


class OpenCallsTest(unittest.TestCase):
    def test_series_of_a_real_called_phone(self):
        series = current_calls(os.path.join(CALLS, "uas", "stat.csv"))
        self.assertEqual([n for _, n in series], [0, 49, 51, 51, 0, 0])
        self.assertEqual(series[2][0], 2)

    def test_plateau(self):
        series = [(0, 0), (1, 100), (2, 300), (3, 300), (5, 300), (6, 120)]
        self.assertEqual(analysis.plateau(series, 300), (300, 3))
        self.assertEqual(analysis.plateau(series, 400), (300, 0.0))
        self.assertEqual(analysis.plateau([], 1), (0, 0.0))

    def test_elapsed(self):
        self.assertEqual(elapsed_seconds("01:02:03"), 3723)
        self.assertAlmostEqual(elapsed_seconds("00:00:03:250"), 3.25)

    def test_header_only_is_an_error(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        with open(os.path.join(CALLS, "uas", "stat.csv")) as f, open(os.path.join(d, "stat.csv"), "w") as g:
            g.write(f.readline())
        with self.assertRaises(SippError):
            current_calls(os.path.join(d, "stat.csv"))

    def test_heap_per_call(self):
        self.assertEqual(analysis.per_call_bytes(100000, 110000, 5000), 2048.0)
        self.assertIsNone(analysis.per_call_bytes(None, 110000, 5000))
        self.assertIsNone(analysis.per_call_bytes(100000, 110000, 0))


class CallsReportTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def steps(self, name, ladder):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            for rate, clean, p99 in ladder:
                f.write(json.dumps({"label": str(rate), "rate": rate, "repeat": 1, "calls": rate, "ok": rate,
                                    "failed": 0, "shed": 0, "unanswered": 0, "retrans": 0, "achieved": rate,
                                    "p50": 1, "p99": p99, "max": p99, "p99_challenge": 1, "p99_setup": p99,
                                    "p99_hold": 1, "p99_bye": 1, "clean": clean}) + "\n")
        return path

    def summary(self, bulwark, kamailio):
        out = os.path.join(self.dir, "summary.tsv")
        with contextlib.redirect_stdout(io.StringIO()):
            cli.main(["calls-summary", bulwark, kamailio, "1", "no media anchoring", out])
        return report.read_summary(out)

    def test_summary_rows_and_ratio(self):
        b = self.steps("b", [(250, True, 3), (625, True, 12), (750, False, 80)])
        k = self.steps("k", [(250, True, 2), (625, True, 3), (2500, True, 9), (3000, False, 90)])
        rows = self.summary(b, k)
        what = "Calls with digest on the INVITE, hold, BYE (no media anchoring)"
        self.assertEqual(rows[what + ": highest rate with 0 failed calls"], ("625/s", "yes"))
        self.assertEqual(rows[what + ": INVITE→200 p99 at 625/s"], ("12 ms", "yes"))
        self.assertEqual(rows[what + ": ratio Bulwark/Kamailio (stateful proxy)"], ("0.25 (625/s vs 2500/s)", "yes"))

    def test_goal_rate_not_reached(self):
        b = self.steps("b", [(250, True, 3), (500, False, 3)])
        rows = self.summary(b, "-")
        what = "Calls with digest on the INVITE, hold, BYE (no media anchoring)"
        self.assertEqual(rows[what + ": highest rate with 0 failed calls"], ("250/s", "no"))
        self.assertEqual(rows[what + ": INVITE→200 p99 at 625/s"], ("not reached (250/s)", "no"))
        self.assertNotIn(what + ": ratio Bulwark/Kamailio (stateful proxy)", rows)

    def test_ladder_table_has_a_row_per_rate(self):
        b = self.steps("b", [(250, True, 3), (500, False, 60)])
        with open(b) as f:
            table = report.call_ladder_table([json.loads(x) for x in f], 1)
        self.assertIn("| 500 | 0 of 1 |", table)
        self.assertIn("Highest clean rate: **250 calls/s** (INVITE→200 p99 3 ms).", table)


class ConcurrentReportTest(unittest.TestCase):
    def run_concurrent(self, calls, hold, idle, up, open_calls, records=None):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        out = os.path.join(d, "summary.tsv")
        extra = []
        if records is not None:
            extra = ["--records", os.path.join(d, "records.csv")]
            with open(extra[1], "w", encoding="utf-8") as f:
                f.write(records)
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            cli.main(["concurrent", os.path.join(CALLS, "uac"), os.path.join(CALLS, "uas"), str(calls), str(hold),
                      str(idle), str(up), str(open_calls), out] + extra)
        return text.getvalue(), report.read_summary(out)

    def test_all_up_and_completed(self):
        # The fixture's called phone had 51 calls open at once for a second, 150 completed.
        table, rows = self.run_concurrent(150, 1, 1000, 1102, 51)
        self.assertIn("| 150 | 150 | 0 (0 / 0) |", table)
        self.assertIn("2048 bytes", table)
        self.assertEqual(rows["Heap per active call (no media anchoring, 150 calls up)"],
                         ("2048 bytes (51 up when read)", "—"))
        # 150 wanted at once, 51 seen: not held
        self.assertEqual(rows["Concurrent calls (no media anchoring): 150 held for 1 s"][1], "no")

    def test_call_records_are_counted_from_the_export(self):
        header = "id,caller,callerName,dialled,callee,route,trunk,startedAt,answeredAt,endedAt," \
                 "billableSeconds,disposition,hangupSide,cause\r\n"
        ended = "k%d,100001,\"Bench, 100001\",110000,110000,,,2026-11-30T17:00:00Z,2026-11-30T17:00:00Z," \
                "2026-11-30T17:00:02Z,2,ANSWERED,CALLER,\r\n"
        open_one = "k0,100001,Bench,110000,110000,,,2026-11-30T17:00:00Z,2026-11-30T17:00:00Z,,,ANSWERED,,\r\n"
        busy = "k1,100001,Bench,110000,110000,,,2026-11-30T17:00:00Z,,2026-11-30T17:00:00Z,0,BUSY,CALLEE,\r\n"
        table, rows = self.run_concurrent(150, 1, 1000, 1102, 51,
                                          header + "".join(ended % i for i in range(149)) + open_one + busy)
        self.assertIn("| 150 / 149 |", table)
        self.assertIn("150 call records answered, 149 ended",
                      rows["Concurrent calls (no media anchoring): 150 held for 1 s"][0])
        table, rows = self.run_concurrent(150, 1, 1000, 1102, 51, "")
        self.assertIn("call records not read", rows["Concurrent calls (no media anchoring): 150 held for 1 s"][0])

    def test_missing_heap_gives_no_heap_row(self):
        table, rows = self.run_concurrent(150, 1, -1, 1102, 51)
        self.assertEqual([r for r in rows if r.startswith("Heap")], [])
        self.assertIn("| – |", table)


class CallUsersTest(unittest.TestCase):
    def test_callees_are_the_last_users_and_never_call(self):
        self.assertEqual(credentials.callees(10, 2), [100009, 100010])
        callers = list(credentials.callers_lines(10, 2))
        self.assertEqual(callers[0], "SEQUENTIAL")
        self.assertEqual(callers[1], "100001;[authentication username=b100001 password=BenchByAyAyAyAyBy7]")
        self.assertEqual(len(callers), 9)
        self.assertEqual(credentials.callee_lines(100010, 3600)[1],
                         "100010;[authentication username=b100010 password=BenchByAyAyAyByAy7];3600")

    def test_needs_a_caller(self):
        with self.assertRaises(ValueError):
            credentials.callees(2, 2)


if __name__ == "__main__":
    unittest.main()
