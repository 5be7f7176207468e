"""What an editor does with the server's answers, written independently of doclint's own position code."""
from __future__ import annotations

import asyncio
import re

from lsprotocol import types

LINE_BREAK = re.compile(r"\r\n|\r|\n")
UNIT_BYTES = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}
TIMEOUT = 20


def units(text: str, encoding: str) -> int:
    codec, width = UNIT_BYTES[encoding]
    return len(text.encode(codec)) // width


def offset_of(text: str, position: types.Position, encoding: str) -> int:
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    if position.line >= len(starts):
        return len(text)
    offset = starts[position.line]
    counted = 0
    while counted < position.character and offset < len(text) and text[offset] not in "\r\n":
        counted += units(text[offset], encoding)
        offset += 1
    return offset


def position_of(text: str, offset: int, encoding: str) -> types.Position:
    before = text[:offset]
    lines = LINE_BREAK.split(before)
    return types.Position(len(lines) - 1, units(lines[-1], encoding))


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    spans = [(offset_of(text, e.range.start, encoding), offset_of(text, e.range.end, encoding), e.new_text)
             for e in edits]
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


def workspace_edits(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    if edit.document_changes:
        return [e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits]
    return list(edit.changes[uri])


def pulls(client) -> bool:
    return client.capabilities.text_document.diagnostic is not None


async def diagnostics_for(client, uri: str) -> list[types.Diagnostic]:
    """Pull the document's diagnostics, or wait for the next ones pushed for it."""
    if pulls(client):
        return list((await pull(client, uri)).items)
    return await pushed(client, uri)


async def pull(client, uri: str, previous_result_id: str | None = None):
    return await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri), previous_result_id=previous_result_id))


async def pushed(client, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for uri (the test pops what it has read, so a new list means a new push)."""
    async with asyncio.timeout(TIMEOUT):
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics.pop(uri))


async def logged(client, needle: str) -> types.LogMessageParams:
    """The first window/logMessage containing needle, waiting for it if it has not come yet."""
    async with asyncio.timeout(TIMEOUT):
        while not (found := [m for m in client.log_messages if needle in m.message]):
            await client.wait_for_notification(types.WINDOW_LOG_MESSAGE)
    return found[0]
