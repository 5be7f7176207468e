"""The language server, `doclint lsp`; it needs the extra: pip install 'doclint[lsp]'."""
from __future__ import annotations

import sys


def main() -> int:
    try:
        from .server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in {"pygls", "lsprotocol"}:
            raise
        print("doclint: error: the language server needs the lsp extra: pip install 'doclint[lsp]'", file=sys.stderr)
        return 2
    return serve()
