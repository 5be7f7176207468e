"""The language server end to end, over stdio, as Neovim, VS Code and Emacs (eglot) start it."""
from __future__ import annotations

import json
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from doclint.engine import Linter
from doclint.ruledocs import rule_url

from conftest import ROOT
from lsp_client import apply_edits, diagnostics_for, position_of, pull, pulls, pushed, workspace_edits

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
SEED_FIXED = ROOT / "tests" / "seeds" / f"{SEED.stem}.fixed.txt"
# Neovim 0.7 (Debian's; push, UTF-16), Neovim 0.11 (pull, prefers UTF-8), VS Code (push, UTF-16), Emacs (UTF-32).
CLIENTS = ["neovim@v0.7.0", "neovim@v0.11.0", "visual_studio_code", "emacs"]
SERVER = [sys.executable, "-m", "doclint", "lsp"]
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=CLIENTS, scope="module")
async def client(lsp_client: LanguageClient, request):
    lsp_client.registrations = []
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(
        lambda params: lsp_client.registrations.extend(params.registrations))
    params = types.InitializeParams(capabilities=client_capabilities(request.param), root_uri=ROOT.as_uri())
    result = await lsp_client.initialize_session(params)
    lsp_client.encoding = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()


_opened = iter(range(10**6))


def open_document(client: LanguageClient, text: str, suffix: str = ".txt", language: str = "text") -> str:
    uri = (ROOT / "tests" / f"lsp-{next(_opened)}{suffix}").as_uri()  # never written: the editor owns the text
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def close_document(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))


async def actions(client: LanguageClient, uri: str, span: types.Range, only=None, context=()):
    return list(await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=span,
        context=types.CodeActionContext(diagnostics=list(context), only=only))) or [])


async def test_seed_diagnostics_match_the_cli(client: LanguageClient):
    text = SEED.read_text(encoding="utf-8")
    uri = open_document(client, text)
    found = await diagnostics_for(client, uri)
    expected = Linter().check(text, SEED.name)
    assert [d.code for d in found] == [d.code for d in expected]
    comma = next(d for d in found if d.code == "DL301")
    assert comma.range == types.Range(types.Position(22, 40), types.Position(22, 41))
    assert comma.source == "doclint" and comma.severity == types.DiagnosticSeverity.Warning
    assert comma.message == "Missing space after comma (missing-space-after-comma)"
    assert comma.code_description.href == rule_url("DL301", "missing-space-after-comma")
    close_document(client, uri)


async def test_positions_count_code_units_and_lines_break_only_on_newlines(client: LanguageClient):
    text = "Title Here\r\n😀 One\u2028two 😀😀 words,and more.\rThe vote occured.\n"
    uri = open_document(client, text)
    found = {d.code: d for d in await diagnostics_for(client, uri)}
    comma, typo = text.index(",") + 1, text.index("occured")
    encoding = client.encoding
    assert found["DL301"].range.end == position_of(text, comma, encoding)
    assert found["DL401"].range.start == position_of(text, typo, encoding) == types.Position(2, 9)
    assert found["DL301"].range.start.line == 1  # U+2028 is no line break
    fix = await actions(client, uri, found["DL301"].range, only=[types.CodeActionKind.QuickFix])
    edits = workspace_edits(fix[0].edit, uri)
    assert apply_edits(text, edits, encoding) == text.replace(",and", ", and")
    close_document(client, uri)


async def test_debounced_change_then_save_then_close(client: LanguageClient):
    uri = open_document(client, "Title Here\nIt was done,and then it ended.\n")
    assert [d.code for d in await diagnostics_for(client, uri)] == ["DL301"]
    document = types.VersionedTextDocumentIdentifier(uri=uri, version=1)
    for version, text in enumerate(["Title Here\nIt was done.\n", "Title Here\nThe vote occured.\n"], start=2):
        document.version = version
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            document, [types.TextDocumentContentChangeWholeDocument(text)]))
    if pulls(client):
        report = await pull(client, uri)
        assert [d.code for d in report.items] == ["DL401"] and report.kind == "full"
        assert (await pull(client, uri, report.result_id)).kind == "unchanged"
    else:  # a burst of changes is linted once, at its last version
        assert [d.code for d in await pushed(client, uri)] == ["DL401"]
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        assert [d.code for d in await pushed(client, uri)] == ["DL401"]
    close_document(client, uri)
    if not pulls(client):
        assert await pushed(client, uri) == []


async def test_quick_fix_changes_only_its_span(client: LanguageClient):
    text = SEED.read_text(encoding="utf-8")
    uri = open_document(client, text)
    found = await diagnostics_for(client, uri)
    comma = next(d for d in found if d.code == "DL301")
    [fix] = await actions(client, uri, comma.range, only=[types.CodeActionKind.QuickFix], context=[comma])
    assert fix.title == "DL301: Insert a space after the comma" and fix.is_preferred
    assert fix.kind == types.CodeActionKind.QuickFix and list(fix.diagnostics) == [comma]
    fixed = apply_edits(text, workspace_edits(fix.edit, uri), client.encoding)
    start = len("\n".join(text.split("\n")[:22])) + 1 + 41
    assert fixed == text[:start] + " " + text[start:]
    close_document(client, uri)


async def test_unsafe_fix_says_so_and_is_not_preferred(client: LanguageClient):
    uri = open_document(client, SEED.read_text(encoding="utf-8"))
    toc = next(d for d in await diagnostics_for(client, uri) if d.code == "DL101")
    offered = await actions(client, uri, toc.range, only=[types.CodeActionKind.QuickFix])
    unsafe = next(a for a in offered if a.title.startswith("DL101"))
    assert unsafe.title.endswith("(unsafe fix)") and not unsafe.is_preferred
    close_document(client, uri)


async def test_fix_all_and_formatting_write_what_the_cli_writes(client: LanguageClient):
    text = SEED.read_text(encoding="utf-8")
    uri = open_document(client, text)
    await diagnostics_for(client, uri)
    everywhere = types.Range(types.Position(0, 0), types.Position(0, 0))
    [fix_all] = await actions(client, uri, everywhere, only=[types.CodeActionKind.SourceFixAll])
    assert fix_all.kind == "source.fixAll.doclint"
    expected = SEED_FIXED.read_text(encoding="utf-8")
    assert apply_edits(text, workspace_edits(fix_all.edit, uri), client.encoding) == expected
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri), options=types.FormattingOptions(4, True)))
    assert apply_edits(text, edits, client.encoding) == expected
    close_document(client, uri)


async def test_markdown_offers_disabling_a_rule_for_one_line(client: LanguageClient):
    text = "# A Title\n\n- First item.\n  The vote occured,and passed.\n"
    uri = open_document(client, text, ".md", "markdown")
    found = await diagnostics_for(client, uri)
    line = types.Range(types.Position(3, 0), types.Position(3, 30))
    offered = {a.title: a for a in await actions(client, uri, line)}
    assert {"DL401: Disable for this line", "DL301: Disable for this line"} <= set(offered)
    edits = workspace_edits(offered["DL401: Disable for this line"].edit, uri)
    assert apply_edits(text, edits, client.encoding) == text.replace(
        "  The vote", "  <!-- doclint-disable-next-line DL401 -->\n  The vote")
    assert "doclint: Fix all safe problems" in offered and len(found) == 2
    close_document(client, uri)
    plain = open_document(client, "Title Here\nThe vote occured.\n")
    typo = (await diagnostics_for(client, plain))[0]
    assert [a.title for a in await actions(client, plain, typo.range, only=[types.CodeActionKind.QuickFix])] == [
        "DL401: Replace with 'occurred'"]
    close_document(client, plain)


async def test_documents_other_than_articles_are_left_alone(client: LanguageClient):
    uri = open_document(client, "# The vote occured,and passed.\n", ".py", "python")
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri), options=types.FormattingOptions(4, True)))
    assert not edits
    if pulls(client):
        assert await diagnostics_for(client, uri) == []
    close_document(client, uri)


async def test_bad_input_is_answered_and_the_server_lives_on(client: LanguageClient):
    nowhere = (ROOT / "tests" / "never-opened.md").as_uri()
    assert await actions(client, nowhere, types.Range(types.Position(0, 0), types.Position(0, 0))) == []
    assert any("never-opened.md is not open" in m.message for m in client.log_messages)
    uri = open_document(client, "Title Here\nThe vote\x00 occured \ud800 there.\n")
    assert "DL401" in [d.code for d in await diagnostics_for(client, uri)]
    far = types.Range(types.Position(10**6, 10**6), types.Position(10**7, 0))
    assert await actions(client, uri, far, only=[types.CodeActionKind.QuickFix]) == []
    body = json.dumps({"jsonrpc": "2.0", "id": "malformed", "method": types.TEXT_DOCUMENT_CODE_ACTION,
                       "params": {"textDocument": 1}}).encode()
    client._server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    close_document(client, uri)
    after = open_document(client, "Title Here\nIt was done,and then it ended.\n")
    assert [d.code for d in await diagnostics_for(client, after)] == ["DL301"]
    close_document(client, after)


async def test_configuration_files_are_watched_where_the_client_can_watch(client: LanguageClient):
    watched = client.capabilities.workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        [registration] = client.registrations
        globs = [w["globPattern"] for w in registration.register_options["watchers"]]
        assert globs == ["**/pyproject.toml", "**/doclint.toml", "**/.doclint.toml"]
    else:
        assert client.registrations == []
