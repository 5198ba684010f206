"""A crash during calls, as an operator would cause one: `kill -9` of WildFly while calls are up,
then `./bulwark start` again. Every call whose end the caller saw acknowledged (200 to its BYE) has
its call record, and no call stays active.

The test starts a whole Bulwark of its own with `./bulwark start` (its own BULWARK_HOME under
tests/target and its own ports in 31000-31999, which neither the suite, 1xxxx, nor the bench, 2xxxx,
uses, and which lie below the kernel's ephemeral range, so no outgoing connection can hold one),
creates the extensions through the REST API as an administrator would, and places calls with sipp at 20/s, each up 1 s, each from an
extension of its own, so that every call the caller made can be matched to its record: the record
has no SIP Call-ID, but it has the caller. The callee is a sipp UAS registered as the only phone of
one extension. A few seconds in, with calls up and many completed, WildFly's process group gets
SIGKILL; sipp goes on briefly (its calls fail), then stops. Before the restart the test reads from
the database which records the crash left open and when the server last said it was alive; after
it, it reads the call log through the API.

Run alone: python3 -m unittest tests.test_crash -v (a first start in a fresh checkout builds
Keycloak's optimized distribution once, which takes a minute or two more). The home stays in
tests/target/crash-home after the run, for its logs; the next run starts it afresh.
"""
import concurrent.futures
import datetime
import http.client
import json
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIOS = os.path.join(ROOT, "tests", "sipp")
HOME = os.path.join(ROOT, "tests", "target", "crash-home")
WORK = os.path.join(ROOT, "tests", "target", "crash-sipp")

# The usual ports' last three digits (README, Ports) in 31000-31999; rtpengine gets 100 ports of its
# own (media is not anchored here, so it relays nothing, but it must start).
PORTS = {
    "BULWARK_HTTPS_PORT": 31443, "BULWARK_HTTP_PORT": 31080, "BULWARK_MANAGEMENT_PORT": 31990,
    "BULWARK_SIP_PORT": 31060, "BULWARK_SIP_TLS_PORT": 31061, "BULWARK_KEYCLOAK_PORT": 31180, "BULWARK_KEYCLOAK_MANAGEMENT_PORT": 31181,
    "BULWARK_DB_PORT": 31306, "BULWARK_RTPENGINE_NG_PORT": 31223,
    "BULWARK_RTPENGINE_PORT_MIN": 31500, "BULWARK_RTPENGINE_PORT_MAX": 31599}
UAS_PORT = 31070  # the called phone
UAC_PORT = 31071  # the callers

CALL_RATE = 20  # calls placed per second
TALK_MS = 1000  # how long each call is up
CALLS = 200  # at most, one caller extension each; sipp stops placing calls soon after the crash
CALLEE = "7000"
FIRST_CALLER = 7001
COMPLETED_BEFORE_CRASH = 40  # the crash comes once this many calls ended and some are up
SERVER_STOPPED = "Server stopped during the call"


def caller_numbers():
    return [str(FIRST_CALLER + i) for i in range(CALLS)]


def secret_of(number):
    # Upper, lower and a digit, without the extension number or a run of four, as the rules want.
    return "Crash" + "".join("ABCDEFGHIJ"[int(d)] + "y" for d in number) + "7"


def auth(number):
    return "[authentication username=crash%s password=%s]" % (number, secret_of(number))


def instant(text):
    """An instant of the API ("...Z") or of the database's UTC wall clock ("YYYY-MM-DD hh:mm:ss.fff")."""
    if text is None:
        return None
    value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)


class CrashDuringCallsTest(unittest.TestCase):

    def setUp(self):
        for tool in ("sipp", "rtpengine"):
            self.assertIsNotNone(shutil.which(tool), "%s is missing (./bulwark test installs it)" % tool)
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            ephemeral = range(int(f.read().split()[0]), 65536)
        for name, port in PORTS.items():
            self.assertNotIn(port, ephemeral, "%s=%d lies in the ephemeral port range" % (name, port))
        rtp = range(PORTS["BULWARK_RTPENGINE_PORT_MIN"], PORTS["BULWARK_RTPENGINE_PORT_MAX"] + 1)
        for port in [p for n, p in PORTS.items() if "RTPENGINE_PORT_M" not in n] + [UAS_PORT, UAC_PORT]:
            self.assertNotIn(port, rtp, "port %d lies in rtpengine's RTP range" % port)
        shutil.rmtree(HOME, ignore_errors=True)
        shutil.rmtree(WORK, ignore_errors=True)
        os.makedirs(HOME)
        os.makedirs(WORK)
        # This environment only: the suite exports its own BULWARK_* settings.
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
        self.env.update({k: str(v) for k, v in PORTS.items()})
        self.env.update(BULWARK_HOME=HOME, BULWARK_BIND_ADDRESS="127.0.0.1", BULWARK_SIP_HOST="127.0.0.1",
                        BULWARK_RTPENGINE_INTERFACE="127.0.0.1", BULWARK_MEDIA_ANCHORING="never",
                        NO_COLOR="1")
        self.sipps = []
        self.https = ssl.create_default_context()
        self.https.check_hostname = False
        self.https.verify_mode = ssl.CERT_NONE  # the self-signed certificate of a loopback server
        self.addCleanup(self.launcher, "stop", timeout=240, check=False)
        self.addCleanup(self.stop_sipps)

    # --- the launcher -------------------------------------------------------------------------

    def launcher(self, command, timeout, check=True):
        began = time.monotonic()
        with open(os.path.join(WORK, "bulwark-%s.log" % command), "a") as log:
            result = subprocess.run([os.path.join(ROOT, "bulwark"), command], cwd=ROOT, env=self.env,
                                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    timeout=timeout)
        if check and result.returncode != 0:
            with open(os.path.join(WORK, "bulwark-%s.log" % command)) as log:
                self.fail("./bulwark %s failed:\n%s" % (command, log.read()[-3000:]))
        return time.monotonic() - began

    def pid_of(self, name):
        with open(os.path.join(HOME, "run", "%s.pid" % name)) as f:
            return int(f.read().strip())

    def crash_wildfly(self):
        """SIGKILL to WildFly's process group (standalone.sh and its java, started with setsid):
        nothing of WildFly gets to run another instruction; MariaDB, Keycloak and rtpengine live on."""
        group = self.pid_of("wildfly")
        members = subprocess.run(["pgrep", "-g", str(group)], capture_output=True, text=True).stdout.split()
        self.assertTrue(members, "no process in WildFly's group %d" % group)
        os.killpg(group, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while any(os.path.exists("/proc/%s" % p) and not self.zombie(p) for p in members):
            self.assertLess(time.monotonic(), deadline, "WildFly outlived SIGKILL")
            time.sleep(0.1)

    @staticmethod
    def zombie(pid):
        try:
            with open("/proc/%s/stat" % pid) as f:
                return f.read().rsplit(")", 1)[1].split()[0] == "Z"
        except OSError:
            return True

    # --- sipp ---------------------------------------------------------------------------------

    def sipp(self, name, *args):
        out = open(os.path.join(WORK, name + ".out"), "w")
        self.addCleanup(out.close)
        process = subprocess.Popen(
            # all,-bye: a call sipp aborts gets no BYE of its own, so every BYE is one that
            # crash-uac.xml logs, and the UAS never hangs up.
            ["sipp", "127.0.0.1:%d" % PORTS["BULWARK_SIP_PORT"], "-i", "127.0.0.1", "-nostdin",
             "-default_behaviors", "all,-bye",
             "-trace_err", "-error_file", os.path.join(WORK, name + "-errors.log"), *args],
            cwd=WORK, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.sipps.append(process)
        return process

    def stop_sipps(self):
        for process in self.sipps:
            if process.poll() is None:
                process.terminate()
        for process in self.sipps:
            try:
                process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def write_injection(self, name, lines):
        path = os.path.join(WORK, name)
        with open(path, "w") as f:
            f.write("SEQUENTIAL\n" + "".join(line + "\n" for line in lines))
        return path

    def call_steps(self):
        """What each caller's call got to, from the <log> actions of crash-uac.xml: read on from
        where the last call stopped, as sipp writes them."""
        if not hasattr(self, "steps"):
            self.steps, self.steps_file, self.steps_rest = {}, None, ""
        if self.steps_file is None:
            try:
                self.steps_file = open(os.path.join(WORK, "uac-steps.log"))
                self.addCleanup(self.steps_file.close)
            except FileNotFoundError:
                return self.steps
        text = self.steps_rest + self.steps_file.read()
        lines = text.split("\n")
        self.steps_rest = lines.pop()  # a line sipp has not finished writing
        for line in lines:
            words = line.split()
            if len(words) == 3:
                self.steps.setdefault(words[0], set()).add(words[1])
        return self.steps

    # --- the REST API and the database --------------------------------------------------------

    def http(self, method, url, token=None, body=None, form=None):
        headers = {"Accept": "application/json"}
        data = None
        if token:
            headers["Authorization"] = "Bearer " + token
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=60, context=self.https) as response:
                text = response.read().decode()
                return response.status, json.loads(text) if text.strip() else None
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def api_token(self):
        """A bearer token of an administrator: a confidential client whose service account has the
        realm role, set up with Keycloak's master admin (its password is in the home's secrets)."""
        keycloak = "http://127.0.0.1:%d" % PORTS["BULWARK_KEYCLOAK_PORT"]
        if not hasattr(self, "client_secret"):
            with open(os.path.join(HOME, "secrets", "keycloak-admin.pw")) as f:
                password = f.read().strip()
            status, admin = self.http("POST", keycloak + "/realms/master/protocol/openid-connect/token", form={
                "grant_type": "password", "client_id": "admin-cli", "username": "admin", "password": password})
            self.assertEqual(200, status, admin)
            admin = admin["access_token"]
            base = keycloak + "/admin/realms/bulwark"
            self.client_secret = secrets.token_urlsafe(24)
            status, body = self.http("POST", base + "/clients", admin, body={
                "clientId": "crash-test", "secret": self.client_secret, "publicClient": False,
                "serviceAccountsEnabled": True, "standardFlowEnabled": False,
                "protocolMappers": [{
                    "name": "portal-audience", "protocol": "openid-connect",
                    "protocolMapper": "oidc-audience-mapper",
                    "config": {"included.client.audience": "bulwark-portal", "access.token.claim": "true"}}]})
            self.assertEqual(201, status, body)
            status, clients = self.http("GET", base + "/clients?clientId=crash-test", admin)
            client = clients[0]["id"]
            status, user = self.http("GET", base + "/clients/%s/service-account-user" % client, admin)
            status, role = self.http("GET", base + "/roles/administrator", admin)
            self.assertEqual(200, status, role)
            status, body = self.http("POST", base + "/users/%s/role-mappings/realm" % user["id"], admin, body=[role])
            self.assertEqual(204, status, body)
        status, token = self.http("POST", keycloak + "/realms/bulwark/protocol/openid-connect/token", form={
            "grant_type": "client_credentials", "client_id": "crash-test", "client_secret": self.client_secret})
        self.assertEqual(200, status, token)
        return token["access_token"]

    def api(self, path):
        return "https://127.0.0.1:%d/api/v1/%s" % (PORTS["BULWARK_HTTPS_PORT"], path)

    def create_extensions(self, token):
        """The callee and one caller per call, by four clients side by side, each over one
        kept-alive connection."""
        def create(numbers):
            connection = http.client.HTTPSConnection("127.0.0.1", PORTS["BULWARK_HTTPS_PORT"], timeout=60,
                                                     context=self.https)
            refused = []
            try:
                for number in numbers:
                    connection.request("POST", "/api/v1/extensions", body=json.dumps({
                        "number": number, "displayName": "Crash %s" % number,
                        "registrationName": "crash%s" % number, "secret": secret_of(number)}),
                        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json",
                                 "Accept": "application/json"})
                    response = connection.getresponse()
                    body = response.read().decode()
                    if response.status != 201:
                        refused.append("extension %s: %d %s" % (number, response.status, body))
            finally:
                connection.close()
            return refused

        numbers = [CALLEE] + caller_numbers()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            refused = sum(pool.map(create, [numbers[k::4] for k in range(4)]), [])
        self.assertEqual([], refused)

    def call_log(self, token):
        """Every record of the call log, page by page (at most 1000 a page)."""
        records, offset = [], 0
        for _ in range(100):
            status, page = self.http("GET", self.api("cdrs?limit=1000&offset=%d" % offset), token)
            self.assertEqual(200, status, page)
            records += page["records"]
            offset += len(page["records"])
            if not page["records"] or offset >= page["total"]:
                return records
        self.fail("the call log did not end after 100 pages")

    def sql(self, query):
        """Rows of a query, through the embedded MariaDB's own client, as the bulwark user."""
        with open(os.path.join(HOME, "secrets", "db-bulwark.pw")) as f:
            password = f.read().strip()
        result = subprocess.run(
            [os.path.join(HOME, "db", "base", "bin", "mariadb"), "-h", "127.0.0.1",
             "-P", str(PORTS["BULWARK_DB_PORT"]), "-u", "bulwark", "-N", "-B", "bulwark", "-e", query],
            env=dict(self.env, MYSQL_PWD=password), capture_output=True, text=True, timeout=60)
        self.assertEqual(0, result.returncode, result.stderr)
        return [line.split("\t") for line in result.stdout.splitlines()]

    # --- the test -----------------------------------------------------------------------------

    def test_every_completed_call_has_its_record_and_none_stays_active_after_kill_9(self):
        took = {"first start": self.launcher("start", timeout=480)}
        token = self.api_token()
        began = time.monotonic()
        self.create_extensions(token)
        took["extensions"] = time.monotonic() - began

        # The called phone: registered from the address and port its UAS then answers on.
        register = self.sipp("register", "-sf", os.path.join(SCENARIOS, "crash-register.xml"),
                             "-inf", self.write_injection("callee.csv", ["%s;%s" % (CALLEE, auth(CALLEE))]),
                             "-p", str(UAS_PORT), "-m", "1", "-recv_timeout", "5000", "-timeout", "30s")
        self.assertEqual(0, register.wait(timeout=60), "the callee did not register (see %s)" % WORK)
        self.sipp("uas", "-sf", os.path.join(SCENARIOS, "crash-uas.xml"), "-p", str(UAS_PORT),
                  "-l", str(CALLS * 2), "-timeout", "300s")
        callers = self.write_injection("callers.csv", ["%s;%s" % (n, auth(n)) for n in caller_numbers()])
        sip = "127.0.0.1:%d" % PORTS["BULWARK_SIP_PORT"]
        uac = self.sipp("uac", "-sf", os.path.join(SCENARIOS, "crash-uac.xml"), "-inf", callers,
                        "-key", "callee", CALLEE, "-auth_uri", "%s@%s" % (CALLEE, sip), "-p", str(UAC_PORT),
                        "-r", str(CALL_RATE), "-m", str(CALLS), "-l", str(CALLS), "-d", str(TALK_MS),
                        "-recv_timeout", "4000", "-timeout", "120s",
                        "-trace_logs", "-log_file", os.path.join(WORK, "uac-steps.log"),
                        "-trace_stat", "-stf", os.path.join(WORK, "uac-stat.csv"), "-fd", "1")

        # The crash: once many calls completed and some are up, and preferably while a BYE is on
        # its way (sent, its 200 not yet back): polled every few milliseconds for up to 3 s.
        deadline = time.monotonic() + 60
        ready_since = None
        while True:
            steps = self.call_steps()
            completed = sum("completed" in s for s in steps.values())
            talking = sum("answered" in s and "bye" not in s for s in steps.values())
            in_flight = sum("bye" in s and "completed" not in s for s in steps.values())
            if completed >= COMPLETED_BEFORE_CRASH and talking >= 5:
                ready_since = ready_since or time.monotonic()
                if in_flight or time.monotonic() - ready_since > 3:
                    break
            self.assertIsNone(uac.poll(), "the callers ended before the crash: %d completed (see %s)"
                              % (completed, WORK))
            self.assertLess(time.monotonic(), deadline, "only %d calls completed in 60 s (see %s)"
                            % (completed, WORK))
            time.sleep(0.002)
        crashed_at = datetime.datetime.now(datetime.timezone.utc)
        self.crash_wildfly()

        # sipp goes on a moment (new calls and the BYEs of the calls that were up get no answer),
        # then stops placing calls (SIGUSR1) and ends once its calls in progress have failed.
        time.sleep(2)
        uac.send_signal(signal.SIGUSR1)
        try:
            uac.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.fail("the callers did not end within 60 s of the crash")
        self.stop_sipps()
        steps = self.call_steps()
        completed = {n for n, s in steps.items() if "completed" in s}
        bye_sent = {n for n, s in steps.items() if "bye" in s}
        answered = {n for n, s in steps.items() if "answered" in s}

        # What the crash left, straight from the database while WildFly is down.
        open_rows = {key: instant(answered_at) for key, answered_at in self.sql(
            "SELECT call_key, answered_at FROM call_record WHERE ended_at IS NULL")}
        last_alive = instant(self.sql("SELECT alive_at FROM call_record_heartbeat WHERE id = 1")[0][0])
        self.assertTrue(open_rows, "no call was up in the database when WildFly died")
        self.assertLessEqual(last_alive, crashed_at)

        took["restart"] = self.launcher("start", timeout=300)
        token = self.api_token()
        records = self.call_log(token)
        with open(os.path.join(WORK, "call-log.json"), "w") as f:
            json.dump(records, f, indent=1)
        status, live = self.http("GET", self.api("calls/live"), token)

        # No call active: none in the live calls, no record without an end, in the API and the database.
        self.assertEqual((200, []), (status, live))
        self.assertEqual([], [r for r in records if r["endedAt"] is None])
        self.assertEqual([["0", str(len(records))]],
                         self.sql("SELECT SUM(ended_at IS NULL), COUNT(*) FROM call_record"))

        by_caller = {}
        for r in records:
            self.assertEqual(CALLEE, r["callee"], r)
            self.assertIn(r["caller"], caller_numbers(), r)
            self.assertNotIn(r["caller"], by_caller, "two records for one call: %s" % r)
            by_caller[r["caller"]] = r

        # Every call whose BYE was answered has its record: answered, ended by the caller's BYE.
        missing = sorted(completed - set(by_caller))
        self.assertEqual([], missing, "completed calls without a record")
        for number in completed:
            r = by_caller[number]
            self.assertEqual(("ANSWERED", "CALLER", "BYE"), (r["disposition"], r["hangupSide"], r["cause"]), r)
            self.assertLessEqual(instant(r["answeredAt"]), instant(r["endedAt"]), r)

        # The caller hears the 200 only once the answered call's row is durable: every call it
        # heard answered has its record, ended by its BYE or by the restart.
        self.assertEqual([], sorted(answered - set(by_caller)), "answered calls without a record")

        # The records the crash left open, and only those, were closed by the restart: by the
        # system, at the last moment the server was known alive (or their answer, when later).
        closed = {r["id"]: r for r in records if r["cause"] == SERVER_STOPPED}
        self.assertEqual(sorted(open_rows), sorted(closed))
        for key, r in closed.items():
            self.assertEqual(("ANSWERED", "SYSTEM"), (r["disposition"], r["hangupSide"]), r)
            self.assertEqual(max(open_rows[key], last_alive), instant(r["endedAt"]), r)
            self.assertNotIn(r["caller"], completed, r)

        # Every other record is a call ended by its caller's BYE, one that the caller did send.
        others = [r for r in records if r["id"] not in closed]
        for r in others:
            self.assertEqual(("ANSWERED", "CALLER", "BYE"), (r["disposition"], r["hangupSide"], r["cause"]), r)
            self.assertIn(r["caller"], bye_sent, r)

        print("\ncrash test: %d calls answered, %d completed before the crash, %d BYEs on their way at the "
              "crash; %d records: %d ended by BYE "
              "(%d whose 200 to the BYE the caller never got), %d closed at the restart; %s"
              % (len(answered), len(completed), in_flight, len(records), len(others), len(others) - len(completed),
                 len(closed), ", ".join("%s %.0f s" % (k, v) for k, v in took.items())), file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
