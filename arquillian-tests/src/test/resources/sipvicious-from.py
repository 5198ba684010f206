"""Runs a SIPVicious tool from one loopback address: sipvicious-from.py SOURCE TOOL ARGS...

Debian's SIPVicious 0.3.3 reads -b (the address to send from) but never hands it to its scanner,
which then sends from every address at once, that is from 127.0.0.1 towards a loopback target. The
tests need each attacker on an address of its own, so a bind to all addresses is made to SOURCE.
"""
import importlib
import os
import socket
import sys

source, tool = sys.argv[1], sys.argv[2]


class FromSource(socket.socket):
    def bind(self, address):
        host, *rest = address
        super().bind((source if host in ("", "0.0.0.0") else host, *rest))


socket.socket = FromSource
sys.argv = [tool] + sys.argv[3:]
sys.path.insert(0, os.path.dirname(os.path.realpath("/usr/bin/" + tool)))
sys.exit(importlib.import_module("sipvicious." + tool).main())
