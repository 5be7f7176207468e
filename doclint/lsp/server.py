"""`doclint lsp`: the language server over stdio, a thin shell over Linter.check and Linter.fix."""
from __future__ import annotations

import asyncio
import functools
import itertools
import sys
import traceback
from pathlib import PurePath

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..engine import MARKDOWN_SUFFIXES, document_kind
from ..files import SUFFIXES
from .project import CONFIG_FILES, Linters
from .snapshot import FIX_ALL, Snapshot

DEBOUNCE_SECONDS = 0.2
LANGUAGE_KINDS = {"markdown": "markdown", "plaintext": "text", "text": "text"}


def guarded(fallback=None):
    """Log a failure to the client and answer `fallback`: nothing a document or a request holds may stop the server."""

    def decorate(handler):
        @functools.wraps(handler)
        def run(ls: DoclintServer, *args):
            try:
                return handler(ls, *args)
            except Exception as error:  # noqa: BLE001 - reported to the client instead
                ls.log(types.MessageType.Error,
                       f"{handler.__name__} failed: {type(error).__name__}: {error}\n{traceback.format_exc()}")
                return fallback

        return run

    return decorate


def document_kind_for(language_id: str | None, path: str) -> str | None:
    """"markdown" or "text" for documents doclint checks, None for any other document the client sends."""
    if language_id in LANGUAGE_KINDS:
        return LANGUAGE_KINDS[language_id]
    suffix = PurePath(path).suffix.lower()
    return document_kind(path) if suffix in SUFFIXES | MARKDOWN_SUFFIXES else None


class DoclintServer(LanguageServer):
    """Pushes diagnostics to clients that cannot pull them; answers pulls, code actions and formatting."""

    def __init__(self, linters: Linters | None = None):
        super().__init__("doclint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.linters = linters or Linters()
        self.snapshots: dict[str, Snapshot] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.result_ids = itertools.count(1)

    # What the client can do.

    @property
    def pulls(self) -> bool:
        """Whether the client asks for diagnostics (LSP 3.17) rather than waiting for them to be pushed."""
        text_document = self.client_capabilities.text_document
        return text_document is not None and text_document.diagnostic is not None

    @property
    def versioned_edits(self) -> bool:
        workspace = self.client_capabilities.workspace
        return bool(workspace and workspace.workspace_edit and workspace.workspace_edit.document_changes)

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return getattr(encoding, "value", encoding)

    # Documents.

    def log(self, level: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=level, message=f"doclint: {message}"))

    def snapshot(self, uri: str) -> Snapshot | None:
        """The open document at uri as doclint sees it now, or None if it is not open or not an article."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            self.log(types.MessageType.Warning, f"{uri} is not open")
            return None
        kind = document_kind_for(document.language_id, document.path)
        if kind is None:
            return None
        linter = self.linters.for_path(document.path)
        cached = self.snapshots.get(uri)
        if (cached is not None and cached.version == document.version and cached.text is document.source
                and cached.linter is linter):
            return cached
        self.snapshots[uri] = Snapshot(uri, document.version, document.source, document.path, kind, linter,
                                       self.encoding, str(next(self.result_ids)))
        return self.snapshots[uri]

    @guarded()
    def publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        if (snapshot := self.snapshot(uri)) is not None:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, diagnostics=snapshot.diagnostics, version=snapshot.version))

    def publish_later(self, uri: str) -> None:
        self.cancel_pending(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, self.publish, uri)

    def cancel_pending(self, uri: str) -> None:
        if (timer := self.pending.pop(uri, None)) is not None:
            timer.cancel()

    def relint_all(self) -> None:
        """After a configuration change: fresh diagnostics for every open document."""
        if not self.pulls:
            for uri in list(self.workspace.text_documents):
                self.publish(uri)
        elif (workspace := self.client_capabilities.workspace) and workspace.diagnostics \
                and workspace.diagnostics.refresh_support:
            self.workspace_diagnostic_refresh(None)


@guarded()
def initialized(ls: DoclintServer, params: types.InitializedParams) -> None:
    workspace = ls.client_capabilities.workspace
    watched = workspace and workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="doclint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))


@guarded()
def did_open(ls: DoclintServer, params: types.DidOpenTextDocumentParams) -> None:
    if not ls.pulls:
        ls.publish(params.text_document.uri)


@guarded()
def did_change(ls: DoclintServer, params: types.DidChangeTextDocumentParams) -> None:
    if not ls.pulls:
        ls.publish_later(params.text_document.uri)


@guarded()
def did_save(ls: DoclintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if PurePath(uri).name in CONFIG_FILES:
        ls.relint_all()
    elif not ls.pulls:
        ls.cancel_pending(uri)
        ls.publish(uri)


@guarded()
def did_close(ls: DoclintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel_pending(uri)
    ls.snapshots.pop(uri, None)
    if not ls.pulls:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@guarded()
def did_change_watched_files(ls: DoclintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(PurePath(change.uri).name in CONFIG_FILES for change in params.changes):
        ls.relint_all()


@guarded(types.RelatedFullDocumentDiagnosticReport(items=[]))
def pull_diagnostics(ls: DoclintServer, params: types.DocumentDiagnosticParams):
    snapshot = ls.snapshot(params.text_document.uri)
    if snapshot is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id == snapshot.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=snapshot.result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=snapshot.diagnostics, result_id=snapshot.result_id)


@guarded([])
def code_action(ls: DoclintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    snapshot = ls.snapshot(params.text_document.uri)
    if snapshot is None:
        return []
    if params.context.only and snapshot.safe_fix.error:
        ls.log(types.MessageType.Warning, f"{snapshot.path}: {snapshot.safe_fix.error}")
    return snapshot.code_actions(params, ls.versioned_edits)


@guarded([])
def formatting(ls: DoclintServer, params: types.DocumentFormattingParams) -> list[types.TextEdit]:
    snapshot = ls.snapshot(params.text_document.uri)
    if snapshot is None:
        return []
    if snapshot.safe_fix.error:
        ls.log(types.MessageType.Warning, f"{snapshot.path}: {snapshot.safe_fix.error}")
    return snapshot.fix_all_edits()


def create_server(linters: Linters | None = None) -> DoclintServer:
    server = DoclintServer(linters)
    server.feature(types.INITIALIZED)(initialized)
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(types.TEXT_DOCUMENT_DID_SAVE)(did_save)
    server.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, types.DiagnosticOptions(
        identifier="doclint", inter_file_dependencies=False, workspace_diagnostics=False))(pull_diagnostics)
    server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))(code_action)
    server.feature(types.TEXT_DOCUMENT_FORMATTING)(formatting)
    return server


def serve(linters: Linters | None = None) -> int:
    """Serve on stdin/stdout until the client says exit."""
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the protocol stream
    create_server(linters).start_io(sys.stdin.buffer, protocol_out)
    return 0
