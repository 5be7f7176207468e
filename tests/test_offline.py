"""doclint never reaches the network and never pulls in nltk (textstat's cmudict download)."""
from __future__ import annotations

import socket
import subprocess
import sys

from conftest import ROOT

PROBE = """
import socket, sys
def refuse(*args, **kwargs):
    raise SystemExit("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
from doclint.cli import main
code = main(["check", "--fix", "--unsafe-fixes", "--diff", "seeds/"])
assert "nltk" not in sys.modules, "nltk was imported"
print("ok", code)
"""


def test_a_full_run_makes_no_network_access_and_imports_no_nltk():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "ok 1", result.stderr
