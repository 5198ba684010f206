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
