"""The server survives a failing rule run, follows configuration changes, and stays out of `doclint check`."""
from __future__ import annotations

import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import ROOT
from lsp_client import logged, pushed

# The real server, with a Linter that fails on "BOOM" and a stand-in for project configuration: the selected
# codes listed in a doclint.toml beside the article or above it.
INSTRUMENTED_SERVER = """
from doclint.engine import Linter
from doclint.lsp.project import Linters
from doclint.lsp.server import serve

class Fragile(Linter):
    def check(self, text, path="<stdin>", kind=None):
        if "BOOM" in text:
            raise RuntimeError("boom")
        return super().check(text, path, kind)

def load(directory):
    for folder in (directory, *directory.parents):
        if (folder / "doclint.toml").exists():
            return Fragile(select=(folder / "doclint.toml").read_text().split())
    return Fragile()

serve(Linters(load))
"""
ARTICLE = "Title Here\nIt was done,and the vote occured.\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-c", INSTRUMENTED_SERVER]),
                    scope="module")
async def client(lsp_client: LanguageClient):
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual_studio_code")))
    yield
    await lsp_client.shutdown_session()


def open_file(client: LanguageClient, path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    return uri


@pytest.mark.asyncio(loop_scope="module")
async def test_an_internal_error_is_logged_to_the_client_and_the_server_goes_on(client: LanguageClient, tmp_path):
    open_file(client, tmp_path / "broken.txt", "Title Here\nBOOM\n")
    message = await logged(client, "RuntimeError: boom")
    assert message.type == types.MessageType.Error and "Traceback" in message.message
    uri = open_file(client, tmp_path / "fine.txt", ARTICLE)
    assert [d.code for d in await pushed(client, uri)] == ["DL301", "DL401"]


@pytest.mark.asyncio(loop_scope="module")
async def test_configuration_is_reloaded_when_it_changes(client: LanguageClient, tmp_path):
    config = tmp_path / "doclint.toml"
    config.write_text("DL301")
    uri = open_file(client, tmp_path / "article.txt", ARTICLE)
    assert [d.code for d in await pushed(client, uri)] == ["DL301"]

    config.write_text("DL4")  # the editor watches the file and says so
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))
    assert [d.code for d in await pushed(client, uri)] == ["DL401"]

    config.write_text("DL301 DL401")  # an editor that does not watch: the next save of the article sees it
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert [d.code for d in await pushed(client, uri)] == ["DL301", "DL401"]

    config.write_text("DL3")  # the configuration saved in the editor itself
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri())))
    assert [d.code for d in await pushed(client, uri)] == ["DL301"]


def test_check_never_imports_the_server():
    probe = ("import sys; from doclint.cli import main; main(['check', 'seeds/']); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'doclint.lsp')))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


@pytest.mark.parametrize("missing", ["pygls", "lsprotocol"])
def test_without_the_extra_lsp_says_how_to_install_it(missing):
    probe = f"import sys; sys.modules[{missing!r}] = None; from doclint.cli import main; sys.exit(main(['lsp']))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == ("doclint: error: the language server needs the lsp extra: "
                                     "pip install 'doclint[lsp]'")
