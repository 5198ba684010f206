"""The launcher as an operator meets it: what `./bulwark start` says when it cannot start.

Run by `./bulwark test` after the Maven build, so the EAR is current and `start` gets no further
than its checks. Each test gives the launcher a home of its own and ports nothing else uses.
"""
import base64
import hashlib
import os
import socket
import subprocess
import tempfile
import unittest
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LauncherTest(unittest.TestCase):

    def run_launcher(self, command, home=None, args=(), **env):
        home = home or self.enterContext(tempfile.TemporaryDirectory(prefix="bulwark-launcher-"))
        ports = {name: str(free_port()) for name in (
            "BULWARK_HTTPS_PORT", "BULWARK_HTTP_PORT", "BULWARK_MANAGEMENT_PORT", "BULWARK_SIP_PORT",
            "BULWARK_KEYCLOAK_PORT", "BULWARK_KEYCLOAK_MANAGEMENT_PORT", "BULWARK_DB_PORT",
            "BULWARK_RTPENGINE_NG_PORT")}
        ports.update(env)
        environment = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
        environment.update(ports, BULWARK_HOME=home, NO_COLOR="1")
        return subprocess.run([os.path.join(ROOT, "bulwark"), command, *args], cwd=ROOT, env=environment,
                              capture_output=True, text=True, timeout=300)

    def start(self, **env):
        return self.run_launcher("start", **env)

    def test_a_taken_port_stops_the_start_with_one_line_saying_what_to_do(self):
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            port = listener.getsockname()[1]

            result = self.start(BULWARK_HTTPS_PORT=str(port))

        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(1, len(lines), result.stderr)
        self.assertIn(f"port {port}/tcp is taken", lines[0])
        self.assertIn("choose another port", lines[0])
        self.assertNotIn("\x1b[", result.stdout + result.stderr, "no colour without a terminal")

    def test_a_taken_media_control_port_stops_the_start_too(self):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as listener:
            listener.bind(("127.0.0.1", 0))
            port = listener.getsockname()[1]

            result = self.start(BULWARK_RTPENGINE_NG_PORT=str(port))

        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(1, len(lines), result.stderr)
        self.assertIn(f"port {port}/udp is taken", lines[0])

    def test_status_shows_each_component_and_does_not_trust_a_pid_file_that_is_not_ours(self):
        home = self.enterContext(tempfile.TemporaryDirectory(prefix="bulwark-launcher-"))
        os.makedirs(os.path.join(home, "run"))
        with subprocess.Popen(["sleep", "60"]) as stranger:
            try:
                with open(os.path.join(home, "run", "wildfly.pid"), "w") as pid_file:
                    pid_file.write(str(stranger.pid))

                result = self.run_launcher("status", home=home, BULWARK_SIP_PORT="15999",
                                           BULWARK_RTPENGINE_NG_PORT="15998",
                                           BULWARK_RTPENGINE_PORT_MIN="16000",
                                           BULWARK_RTPENGINE_PORT_MAX="16999")
            finally:
                stranger.kill()

        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        rows = {line.split()[0]: line for line in result.stdout.splitlines()}
        self.assertEqual({"component", "mariadb", "keycloak", "wildfly", "rtpengine"}, set(rows))
        for name in ("mariadb", "keycloak", "wildfly", "rtpengine"):
            self.assertEqual("stopped", rows[name].split()[1], rows[name])
        self.assertIn("39.0.1.Final", rows["wildfly"])
        self.assertIn("sip 15999", rows["wildfly"])
        self.assertIn("26.7.3", rows["keycloak"])
        self.assertRegex(rows["rtpengine"].split()[2], r"^\d+(\.\d+)+$", "upstream version only")
        self.assertIn("ng 15998 (loopback), rtp 16000-16999", rows["rtpengine"])

    def test_the_ports_service_ports_kept_win_over_the_environment_and_nothing_else_is_read(self):
        home = self.enterContext(tempfile.TemporaryDirectory(prefix="bulwark-launcher-"))
        with open(os.path.join(home, "service-ports.env"), "w") as kept:
            kept.write("# Ports as System > Service ports kept them; Bulwark writes this file.\n"
                       "BULWARK_HTTPS_PORT=17443\nBULWARK_HTTP_PORT=17080\n"
                       "BULWARK_RTPENGINE_PORT_MIN=17100\nBULWARK_RTPENGINE_PORT_MAX=17399\n"
                       "BULWARK_SIP_PORT=17060\nBULWARK_DB_PORT=$(touch pwned)\n")

        result = self.run_launcher("status", home=home, BULWARK_SIP_PORT="15999",
                                   BULWARK_RTPENGINE_NG_PORT="15998")

        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        rows = {line.split()[0]: line for line in result.stdout.splitlines()}
        self.assertIn("https 17443, http 17080, sip 15999", rows["wildfly"], "only the portal's")
        self.assertIn("rtp 17100-17399", rows["rtpengine"])
        self.assertFalse(os.path.exists(os.path.join(ROOT, "pwned")), "the file is not run")

    def test_release_signs_the_built_ear_so_that_openssl_verifies_it_with_the_public_key(self):
        work = self.enterContext(tempfile.TemporaryDirectory(prefix="bulwark-release-"))
        key, public = os.path.join(work, "key.pem"), os.path.join(work, "key.pub.pem")
        subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", key], check=True)
        subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-out", public], check=True)

        result = self.run_launcher("release", args=(key,))

        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        package = result.stdout.split(":")[0]
        self.assertRegex(package, r"/target/release/bulwark-[0-9][^/]*\.zip$")
        with zipfile.ZipFile(package) as release:
            self.assertEqual({"release.properties", "release.sig", "bulwark.ear"},
                             set(release.namelist()))
            manifest = release.read("release.properties")
            signature = base64.b64decode(release.read("release.sig"))
            ear = release.read("bulwark.ear")
        fields = dict(line.split("=", 1) for line in manifest.decode().splitlines())
        with open(os.path.join(ROOT, "pbx-ear/target/bulwark.ear"), "rb") as built:
            self.assertEqual(hashlib.sha256(built.read()).hexdigest(), fields["ear.sha256"])
        self.assertEqual(hashlib.sha256(ear).hexdigest(), fields["ear.sha256"])
        for name, content in (("manifest", manifest), ("sig", signature)):
            with open(os.path.join(work, name), "wb") as out:
                out.write(content)
        verified = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", public, "-rawin",
             "-in", os.path.join(work, "manifest"), "-sigfile", os.path.join(work, "sig")],
            capture_output=True, text=True)
        self.assertEqual(0, verified.returncode, verified.stdout + verified.stderr)


if __name__ == "__main__":
    unittest.main()
