import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UPDATE = os.environ.get("DOCLINT_UPDATE") == "1"

# Tests must never reach the network: make any attempt fail loudly (textstat/nltk would try to download cmudict).
os.environ.setdefault("NLTK_DATA", str(ROOT / "tests" / "no-nltk-data"))
sys.dont_write_bytecode = True
# Parsed word lists are cached per test session, never in the user's cache folder.
os.environ.setdefault("DOCLINT_CACHE_DIR", tempfile.mkdtemp(prefix="doclint-cache-"))
