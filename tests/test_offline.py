"""doclint never reaches the network: textstat's readability scores never trigger nltk's cmudict download."""
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
import nltk
nltk.download = refuse
from doclint.cli import main
from doclint.readability import document_statistics, grade
from doclint.engine import parse
code = main(["check", "--fix", "--unsafe-fixes", "--diff", "seeds/"])
assert grade("The cat sat on the mat. " * 5) < 5
assert document_statistics(parse(open("seeds/000_c4a4c9083f5ec2b0.txt").read(), "a.txt"))["words"] > 1000
print("ok", code)
"""


def test_a_full_run_and_readability_scores_make_no_network_access():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "ok 1", result.stderr
