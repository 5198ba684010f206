"""The users as sipp and Kamailio see them."""

import hashlib
import os
import subprocess
import tempfile
import unittest

from benchkit import credentials


class CredentialsTest(unittest.TestCase):
    def test_ha1_is_md5_of_name_realm_secret(self):
        self.assertEqual(credentials.ha1(100001), hashlib.md5(b"b100001:bulwark:BenchByAyAyAyAyBy7").hexdigest())

    def test_the_provisioning_script_spells_the_same_secrets(self):
        script = os.path.join(os.path.dirname(__file__), "..", "lib", "bulwark.sh")
        numbers = [100001, 100010, 1234567890, 199999]
        out = subprocess.run(
            ["bash", "-c", 'source <(sed -n "/^bench_secret()/,/^}/p" "$0"); for n in "$@"; do bench_secret "$n"; echo; done',
             script] + [str(n) for n in numbers], capture_output=True, text=True, check=True).stdout
        self.assertEqual(out.splitlines(), [credentials.secret(n) for n in numbers])

    def test_secrets_hold_neither_the_number_nor_a_run_of_four(self):
        for ext in range(100001, 102001):
            s = credentials.secret(ext)
            self.assertNotIn(str(ext), s)
            self.assertFalse(any(s[i] == s[i + 1] == s[i + 2] == s[i + 3] for i in range(len(s) - 3)), s)

    def test_users_file(self):
        lines = list(credentials.users_lines(2, 3600))
        self.assertEqual(lines, ["SEQUENTIAL", "100001;[authentication username=b100001 password=BenchByAyAyAyAyBy7];3600",
                                 "100002;[authentication username=b100002 password=BenchByAyAyAyAyCy7];3600"])

    def test_kamailio_tables(self):
        with tempfile.TemporaryDirectory() as d:
            credentials.write_kamailio_tables(d, 3)
            with open(os.path.join(d, "ext")) as f:
                self.assertEqual(f.read().splitlines()[3], "3:b100003:0:0:100003:0")
            with open(os.path.join(d, "version")) as f:
                self.assertIn("1:ha1:2", f.read())

    def test_scanners_spread_over_addresses_and_skip_the_phones(self):
        lines = list(credentials.attack_lines(200, 100, 3, "127.1", 5070))[1:]
        self.assertEqual(lines[0].split(";")[:2], ["127.1.0.1", "100101"])
        self.assertEqual(lines[3].split(";")[0], "127.1.0.1")
        self.assertEqual(len(lines), 120)


if __name__ == "__main__":
    unittest.main()
