#!/usr/bin/env python3
"""Writes common-passwords.txt: the passwords people pick first, as the realm's denylist.

The list is the usual words (and PBX words a guesser tries on a phone system) with the digits and
years people put after them, plus keyboard walks. Keycloak compares case-insensitively, so the list
is lower case; only entries with a digit and at least eight characters are kept, as the others
fail the policy's length and digit rules anyway. Run it again after changing the words.
"""
import itertools
import pathlib

WORDS = """password passw0rd p@ssword p@ssw0rd welcome qwerty qwertz azerty letmein admin administrator
changeme iloveyou monkey dragon sunshine princess football baseball soccer hockey master shadow
michael superman batman trustno whatever starwars computer summer winter spring autumn company
secret telephone phone office voip asterisk freepbx yeastar bulwark pbx sip extension default test
guest user login access hello freedom pass temp temporary internet network server system support
service manager account business sales reception operator mobile voicemail welkom passwort
motdepasse contrasena january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday abc abcd abcdef abcdefg""".split()

SUFFIXES = ["1", "12", "123", "1234", "12345", "123456", "01", "007", "99", "69", "1!", "123!",
            "!1", "@1", "#1", "1@", "11", "00", "13", "21", "22", "23"] + [str(y) for y in range(1990, 2031)]

WALKS = """1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx qazwsx123 q1w2e3r4 q1w2e3r4t5 1234qwer qwer1234
asdf1234 zxcvbnm1 aa123456 abc12345 12345678 123456789 1234567890 87654321 11111111 00000000
12341234 11223344 qwerty123 qwerty1234 1qazxsw2 2wsx3edc""".split()


def entries():
    for word, suffix in itertools.product(WORDS, SUFFIXES):
        yield word + suffix
        yield suffix + word
    yield from WALKS


kept = sorted({e for e in entries() if len(e) >= 8 and any(c.isdigit() for c in e)})
out = pathlib.Path(__file__).with_name("common-passwords.txt")
out.write_text("\n".join(kept) + "\n", encoding="utf-8")
print(f"{len(kept)} passwords in {out.name}")
