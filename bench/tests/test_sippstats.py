"""Parsing sipp's files, on real sipp output (fixtures/, made by running sipp against Kamailio
and against a sipp answering 503) and on broken copies of it."""

import os
import shutil
import tempfile
import unittest

from benchkit.sippstats import Run, SippError, percentile, read_rtt, read_stat

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def fixture(name):
    return os.path.join(FIXTURES, name)


class StatTest(unittest.TestCase):
    def test_clean_step_counters(self):
        stat = read_stat(fixture("clean/stat.csv"))
        self.assertEqual(stat["SuccessfulCall"], 300)
        self.assertEqual(stat["FailedCall"], 0)
        self.assertEqual(stat["Retransmissions"], 0)

    def test_503_counts_as_rejected(self):
        stat = read_stat(fixture("shed/stat.csv"))
        self.assertEqual((stat["SuccessfulCall"], stat["FailedCall"], stat["FailedCallRejected"]), (0, 6, 6))

    def test_no_answer_counts_as_retransmissions_used_up(self):
        run = Run([fixture("unanswered")])
        self.assertEqual(run.counter("FailedCall"), 4)
        self.assertEqual(run.unanswered(), 4)


class BrokenFilesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def header_only(self):
        with open(fixture("clean/stat.csv")) as f:
            return f.readline()

    def test_missing_file_is_an_error(self):
        with self.assertRaises(SippError):
            read_stat(os.path.join(self.dir, "stat.csv"))

    def test_empty_file_is_an_error(self):
        with self.assertRaises(SippError):
            read_stat(self.write("stat.csv", ""))

    def test_header_without_data_is_an_error_not_zero(self):
        with self.assertRaises(SippError):
            read_stat(self.write("stat.csv", self.header_only()))

    def test_other_csv_is_an_error(self):
        with self.assertRaises(SippError):
            read_stat(self.write("stat.csv", "a;b;c\n1;2;3\n"))

    def test_cut_short_last_line_is_an_error(self):
        with open(fixture("clean/stat.csv")) as f:
            lines = f.read().splitlines()
        with self.assertRaises(SippError):
            read_stat(self.write("stat.csv", "\n".join(lines[:-1] + [lines[-1][:200]]) + "\n"))

    def test_garbage_in_a_counter_is_an_error(self):
        with open(fixture("clean/stat.csv")) as f:
            header, *rows = f.read().splitlines()
        names = header.split(";")
        last = rows[-1].split(";")
        last[names.index("SuccessfulCall(C)")] = "abc"
        with self.assertRaises(SippError):
            read_stat(self.write("stat.csv", header + "\n" + ";".join(last) + "\n"))

    def test_malformed_response_time_line_is_an_error(self):
        self.write("register_1_rtt.csv", "Date_ms;response_time_ms;rtd_no\n8.001;x;1\n")
        with self.assertRaises(SippError):
            read_rtt(self.dir)

    def test_fractional_times_as_sipp_writes_them_under_load(self):
        self.write("register_1_rtt.csv", "Date_ms;response_time_ms;rtd_no\n3312;532.001;1\n")
        self.assertEqual(read_rtt(self.dir), [(3312.0, 532.001, 1)])

    def test_successful_calls_without_response_times_is_an_error(self):
        shutil.copy(fixture("clean/stat.csv"), self.dir)
        with self.assertRaises(SippError):
            Run([self.dir])

    def test_no_directory_is_an_error(self):
        with self.assertRaises(SippError):
            Run([])


class ResponseTimeTest(unittest.TestCase):
    def test_clean_step_latency(self):
        run = Run([fixture("clean")])
        count, p50, p99, worst = run.latency(3)
        self.assertEqual(count, 300)
        self.assertLessEqual(p50, p99)
        self.assertLessEqual(p99, worst)
        self.assertEqual(len(run.times(1)), 300)
        self.assertAlmostEqual(run.rate, 100, delta=2)

    def test_no_completed_call_has_no_latency_rather_than_zero(self):
        run = Run([fixture("shed")])
        self.assertEqual(run.latency(3), (0, None, None, None))
        self.assertEqual(run.rate, 0.0)

    def test_instances_side_by_side_add_up(self):
        run = Run([fixture("clean"), fixture("clean")])
        self.assertEqual(run.counter("SuccessfulCall"), 600)
        self.assertAlmostEqual(run.rate, 200, delta=4)

    def test_nearest_rank_percentile(self):
        values = list(range(1, 101))
        self.assertEqual(percentile(values, 50), 50)
        self.assertEqual(percentile(values, 99), 99)
        self.assertEqual(percentile([7], 99), 7)
        self.assertIsNone(percentile([], 99))


if __name__ == "__main__":
    unittest.main()
