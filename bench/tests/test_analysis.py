"""Verdicts, knee, ratio, overload and windows."""

import os
import unittest

from benchkit import analysis
from benchkit.sippstats import Run

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def step(rate, clean=True, label=None, p99=4):
    return {"label": label or str(rate), "rate": rate, "clean": clean, "p99": p99}


class VerdictTest(unittest.TestCase):
    def test_real_clean_step_is_clean(self):
        record = analysis.step_record(Run([os.path.join(FIXTURES, "clean")]), "100", 100, 300, 1)
        self.assertTrue(record["clean"])
        self.assertEqual(record["ok"], 300)

    def test_real_shed_step_is_not_clean(self):
        record = analysis.step_record(Run([os.path.join(FIXTURES, "shed")]), "10", 10, 6, 1)
        self.assertFalse(record["clean"])
        self.assertEqual((record["shed"], record["unanswered"]), (6, 0))
        self.assertIsNone(record["p99"])

    def test_rate_short_of_target_is_not_clean(self):
        base = {"failed": 0, "ok": 1000, "calls": 1000, "rate": 1000}
        self.assertTrue(analysis.is_clean(dict(base, achieved=950)))
        self.assertFalse(analysis.is_clean(dict(base, achieved=949)))

    def test_missing_calls_are_not_clean(self):
        self.assertFalse(analysis.is_clean({"failed": 0, "ok": 999, "calls": 1000, "rate": 10, "achieved": 10}))


class KneeTest(unittest.TestCase):
    def test_last_clean_rate_before_the_first_failure(self):
        steps = [step(500, label="warm-up"), step(500), step(500), step(1000), step(1000), step(2000), step(2000, False)]
        self.assertEqual(analysis.knee(steps, 2), (1000, True))

    def test_warm_up_does_not_count(self):
        self.assertEqual(analysis.knee([step(500, False, label="warm-up"), step(500)], 1), (500, False))

    def test_rate_with_missing_repeats_is_not_clean(self):
        self.assertEqual(analysis.knee([step(500), step(500), step(1000)], 2), (500, True))

    def test_a_pass_above_a_failure_is_not_believed(self):
        self.assertEqual(analysis.knee([step(500, False), step(1000)], 1), (0, True))

    def test_ladder_without_failure_is_not_saturated(self):
        self.assertEqual(analysis.knee([step(500), step(1000)], 1), (1000, False))


class RatioTest(unittest.TestCase):
    def test_both_saturated(self):
        self.assertEqual(analysis.ratio((1000, True), (4000, True)), (0.25, ""))

    def test_kamailio_not_saturated_gives_an_upper_bound(self):
        self.assertEqual(analysis.ratio((1000, True), (15000, False))[1], "upper")

    def test_bulwark_not_saturated_gives_a_lower_bound(self):
        self.assertEqual(analysis.ratio((15000, False), (6000, True)), (2.5, "lower"))

    def test_neither_saturated(self):
        self.assertEqual(analysis.ratio((15000, False), (15000, False)), (1.0, "unknown"))

    def test_no_kamailio_rate_no_ratio(self):
        self.assertEqual(analysis.ratio((1000, True), (0, True)), (None, ""))


class SpreadTest(unittest.TestCase):
    def test_min_median_max(self):
        self.assertEqual(analysis.spread([8, 4, 12]), (4, 8, 12))

    def test_missing_values_are_left_out(self):
        self.assertEqual(analysis.spread([None, 5]), (5, 5, 5))
        self.assertIsNone(analysis.spread([None]))


class OverloadTest(unittest.TestCase):
    def test_share_of_clean_rate(self):
        o = analysis.overload(1000, 30, {"ok": 25500, "failed": 34500, "shed": 30000, "unanswered": 4000})
        self.assertAlmostEqual(o["percent_of_clean"], 85.0)
        self.assertEqual(o["other_failed"], 500)

    def test_recovery_is_the_start_of_the_first_clean_probe(self):
        self.assertEqual(analysis.recovery([(0.1, False), (2.3, False), (4.6, True)]), 4.6)
        self.assertIsNone(analysis.recovery([(0.1, False)]))
        self.assertEqual(analysis.recovery([(-0.2, True)]), 0.0)


class WindowsTest(unittest.TestCase):
    def test_windows_from_the_first_sample(self):
        samples = [(1000.0, 4, 3), (30000.0, 8, 3), (61000.0, 12, 3), (61000.0, 99, 1)]
        self.assertEqual(analysis.windows(samples, 60), [(0, 2, 4, 8, 8), (1, 1, 12, 12, 12)])

    def test_a_short_trailing_window_is_not_a_full_one(self):
        rows = [(0, 120000, 0, 4, 16), (1, 119990, 0, 8, 32), (2, 12, 0, 0, 0)]
        self.assertEqual(analysis.full_windows(rows, 120000), rows[:2])

    def test_real_step_fits_one_window(self):
        rows = analysis.windows(Run([os.path.join(FIXTURES, "clean")]).samples, 60)
        self.assertEqual([r[1] for r in rows], [300])


if __name__ == "__main__":
    unittest.main()
