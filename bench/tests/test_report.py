"""Markdown: missing figures, the summary table of RESULTS.md, the command list."""

import unittest

from benchkit import report

RESULTS = """# Results

<!-- summary:start -->
| Figure | Goal | Latest | Met | Date |
|---|---|---|---|---|
| Ratio Bulwark/Kamailio | ≥ 0.5 | 0.25 | no | 2026-11-23 |
| Other | — | 1 | — | 2026-11-23 |
<!-- summary:end -->

# Runs
| Ratio Bulwark/Kamailio | not | in | the | table |
"""


class SummaryTableTest(unittest.TestCase):
    def test_row_rewritten_with_its_goal_kept(self):
        out = report.update_summary(RESULTS, {"Ratio Bulwark/Kamailio": ("0.60", "yes")}, "2026-12-01")
        self.assertIn("| Ratio Bulwark/Kamailio | ≥ 0.5 | 0.60 | yes | 2026-12-01 |", out)
        self.assertIn("| Other | — | 1 | — | 2026-11-23 |", out)
        self.assertIn("| Ratio Bulwark/Kamailio | not | in | the | table |", out)

    def test_new_label_added_at_the_end_of_the_table(self):
        out = report.update_summary(RESULTS, {"New figure": ("3 s", "—")}, "2026-12-01")
        lines = out.split("\n")
        self.assertEqual(lines[lines.index("<!-- summary:end -->") - 1], "| New figure | — | 3 s | — | 2026-12-01 |")


class FormatTest(unittest.TestCase):
    def test_missing_figure_is_a_dash_not_zero(self):
        self.assertEqual(report.fmt(None), "–")
        self.assertEqual(report.fmt(0), "0")
        self.assertEqual(report.fmt_spread([None, None]), "–")

    def test_spread_collapses_when_equal(self):
        self.assertEqual(report.fmt_spread([4, 4, 4]), "4")
        self.assertEqual(report.fmt_spread([4, 12, 8]), "4 / 8 / 12")

    def test_cpu(self):
        self.assertEqual(report.cpu_text("A:100 B:0", "A:300 B:50", 2.0, 100, 0.5), "A 100 %, B 25 %, sipp 25 %")


class CommandsTest(unittest.TestCase):
    def test_first_of_each_kind_with_paths_shortened(self):
        lines = ["sipp -r 500 -i 127.0.3.1 /r/x/1", "sipp -r 1000 -i 127.0.3.1 /r/x/1", "kamailio -f /repo/cfg"]
        self.assertEqual(report.first_commands(lines, "/r/x", "/repo"),
                         ["sipp -r 500 -i 127.0.3.1 <run>/1", "kamailio -f <repo>/cfg"])


if __name__ == "__main__":
    unittest.main()


class LadderTableTest(unittest.TestCase):
    @staticmethod
    def register_step(rate, clean, p99, label=None):
        return {"label": label or str(rate), "rate": rate, "repeat": 1, "calls": rate * 10,
                "ok": rate * 10 if clean else rate * 10 - 5, "failed": 0 if clean else 5, "shed": 0 if clean else 5,
                "unanswered": 0, "retrans": 0, "achieved": rate, "p50": 2, "p99": p99, "max": p99 + 4,
                "p99_first": 1, "p99_second": 2, "clean": clean}

    def test_a_register_ladder_has_its_warm_up_a_row_per_rate_and_the_knee(self):
        steps = [self.register_step(500, True, 8, "warm-up"), self.register_step(500, True, 6),
                 self.register_step(1000, True, 12), self.register_step(2000, False, 90)]
        lines = report.ladder_table(steps, 1).splitlines()
        self.assertEqual(lines[0], report.LADDER_HEADER.splitlines()[0])
        self.assertEqual([line.split(" | ")[0] for line in lines[2:5]], ["| warm-up 500", "| 500", "| 1000"])
        self.assertEqual(lines[-1], "Highest clean rate: **1000/s** (p99 12 ms).")

    def test_a_ladder_that_never_failed_says_the_limit_is_higher(self):
        table = report.ladder_table([self.register_step(500, True, 6)], 1)
        self.assertTrue(table.endswith("(p99 6 ms) (no rate of the ladder failed: the limit is higher)."), table)
