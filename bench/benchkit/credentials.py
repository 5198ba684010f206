"""The benchmark's users, written once for sipp and for Kamailio from one definition.

Extension numbers start at FIRST_EXTENSION; extension x has the registration name b<x> and a secret
spelled from its digits (see secret), the values bench/run provisions into Bulwark through the REST
API.
"""

import hashlib
import os

FIRST_EXTENSION = 100001
REALM = "bulwark"


def number(index):
    """Extension number of the index-th user (1-based)."""
    return FIRST_EXTENSION + index - 1


def name(ext):
    return "b%d" % ext


def secret(ext):
    """Bench, each digit as a letter (0 is A) followed by y, then 7: 100001 is BenchByAyAyAyAyBy7.

    Bulwark refuses a password that contains the extension number or four repeated characters, so the
    digits are spelled and kept apart; lib/bulwark.sh spells them the same way.
    """
    return "Bench" + "".join("ABCDEFGHIJ"[int(d)] + "y" for d in str(ext)) + "7"


def ha1(ext):
    """What a digest registrar keeps instead of the secret: MD5(name:realm:secret)."""
    return hashlib.md5(("%s:%s:%s" % (name(ext), REALM, secret(ext))).encode()).hexdigest()


def users_lines(count, expires):
    """sipp injection file of register.xml: number; [authentication ...]; expires."""
    yield "SEQUENTIAL"
    for i in range(1, count + 1):
        x = number(i)
        yield "%d;[authentication username=%s password=%s];%d" % (x, name(x), secret(x), expires)


def callees(count, n):
    """Extension numbers of the `n` called phones of the calls scenarios: the last `n` users, so
    that the callers (all the others) never ring a sipp UAS by accident."""
    if n < 1 or n >= count:
        raise ValueError("need at least one caller and one callee among %d users (callees: %d)" % (count, n))
    return [number(i) for i in range(count - n + 1, count + 1)]


def callers_lines(count, n_callees):
    """call-uac.xml injection file: caller number; [authentication ...] of every user that is not a
    callee, in turn."""
    yield "SEQUENTIAL"
    for i in range(1, count - n_callees + 1):
        x = number(i)
        yield "%d;[authentication username=%s password=%s]" % (x, name(x), secret(x))


def callee_lines(ext, expires):
    """register-callee.xml injection file for one callee: number; [authentication ...]; expires."""
    return ["SEQUENTIAL", "%d;[authentication username=%s password=%s];%d" % (ext, name(ext), secret(ext), expires)]


def attack_lines(count, skip, addresses, net, port):
    """register-badpw.xml injection file: wrong passwords for the users after the first `skip`,
    each line from the next of `addresses` source addresses under `net` (e.g. "127.1")."""
    yield "SEQUENTIAL"
    victims = count - skip if count > skip else count
    first = skip if count > skip else 0
    for i in range(addresses * 40):
        x = number(1 + first + i % victims)
        a = i % addresses
        yield "%s.%d.%d;%d;[authentication username=%s password=Guess%05dx];%d" % (
            net, a // 254, a % 254 + 1, x, name(x), i, port)


def write_kamailio_tables(directory, count):
    """db_text tables that kamailio.cfg's htables "ha1" and "ext" load at start."""
    os.makedirs(directory, exist_ok=True)
    header = "id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int) \n"
    with open(os.path.join(directory, "version"), "w") as f:
        f.write("id(int,auto) table_name(string) table_version(int) \n1:ha1:2\n2:ext:2\n")
    for table, value in (("ha1", ha1), ("ext", str)):
        with open(os.path.join(directory, table), "w") as f:
            f.write(header)
            for i in range(1, count + 1):
                x = number(i)
                f.write("%d:%s:0:0:%s:0\n" % (i, name(x), value(x)))
