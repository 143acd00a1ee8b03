"""The language server behind `migcheck server`: diagnostics for the classic files an editor has open,
linted in the context of the project on disk; a quick fix that inserts a suppression comment; the rule's
documentation on hover. Needs the `lsp` extra (pygls 2); only `migcheck server` imports this module."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterable, Sequence

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from migcheck import __version__
from migcheck.baseline import BaselineError
from migcheck.config import ConfigError, load_config
from migcheck.discover import CANDIDATE_SUFFIXES
from migcheck.engine import ReadCache, RuleError, lint
from migcheck.model import Finding, Severity
from migcheck.plugins import PluginError, load_rules
from migcheck.rule import RuleSet
from migcheck.source import SourceText

SOURCE = "migcheck"
# Typing bursts lint once, after a short pause; a lint of 4,000 files takes well under a second.
DEBOUNCE_SECONDS = 0.15
SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_DECLARED_ENCODING = re.compile(r"""\A\ufeff?<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class MigcheckServer(LanguageServer):
    """Keeps what outlives one lint: the rules, the files read from disk, and each open document's
    diagnostics (code actions and hover answer from them)."""

    def __init__(self) -> None:
        super().__init__(
            "migcheck", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
        )
        self.cache = ReadCache()
        self.open_uris: set[str] = set()
        self.diagnostics: dict[str, list[lsp.Diagnostic]] = {}
        self._rules: RuleSet | None = None

    @property
    def rules(self) -> RuleSet:
        if self._rules is None:
            self._rules = load_rules()
        return self._rules

    def lint_uri(self, uri: str) -> None:
        """Lint the open document at `uri` and publish its diagnostics."""
        path = to_fs_path(uri)
        if uri not in self.open_uris or not path or not path.lower().endswith(CANDIDATE_SUFFIXES):
            return
        document = self.workspace.get_text_document(uri)
        try:
            diagnostics = self._diagnose(document, path)
        except (BaselineError, ConfigError, PluginError, RuleError) as exc:
            self.window_show_message(
                lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"migcheck: {exc}")
            )
            return
        self.diagnostics[uri] = diagnostics
        params = lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
        self.text_document_publish_diagnostics(params)

    def lint_all(self) -> None:
        """Lint every open document: a file saved or changed on disk can change the others' findings."""
        for uri in sorted(self.open_uris):
            self.lint_uri(uri)

    def clear(self, uri: str) -> None:
        self.diagnostics.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def _diagnose(self, document: TextDocument, path: str) -> list[lsp.Diagnostic]:
        # The same run as `migcheck check --stdin-filename PATH -` from the project root, so that display
        # paths and per-file-ignores globs mean what they mean on the command line.
        root = self._root_for(path)
        if os.getcwd() != root:
            os.chdir(root)
        config = load_config()
        text = document.source
        result = lint([], config, self.rules, stdin=_encode(text), stdin_path=path, cache=self.cache)
        source = SourceText(text)
        codec = self.workspace.position_codec
        return [_diagnostic(f, source, codec) for f in result.findings]

    def _root_for(self, path: str) -> str:
        """The workspace folder holding `path` (the innermost), else the workspace root, else its folder."""
        folders = [to_fs_path(f.uri) for f in self.workspace.folders.values()]
        folders.append(self.workspace.root_path)
        inside = [f for f in folders if f and _is_within(path, f)]
        return max(inside, key=len) if inside else os.path.dirname(path)


def _is_within(path: str, folder: str) -> bool:
    folder = os.path.abspath(folder)
    return os.path.abspath(path).startswith(folder.rstrip(os.sep) + os.sep)


def _encode(text: str) -> bytes:
    """The buffer as bytes in the encoding its XML declaration names, which the reader will decode by."""
    declared = _DECLARED_ENCODING.match(text)
    if declared:
        try:
            return text.encode(declared.group(1))
        except (LookupError, UnicodeError):
            pass  # a wrong declaration: the reader reports it as it would for the saved file
    return text.encode("utf-8")


# --- findings → LSP ----------------------------------------------------------------------------------


def _diagnostic(finding: Finding, source: SourceText, codec: PositionCodec) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=_range(finding, source, codec),
        message=finding.message + (f"\n{finding.fix}" if finding.fix else ""),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        source=SOURCE,
    )


def _range(finding: Finding, source: SourceText, codec: PositionCodec) -> lsp.Range:
    """From the `<` of the element to the end of its start tag; for a position that is not a tag (a
    syntax error), to the end of that line."""
    loc = finding.location
    line, column = (loc.line, loc.column) if loc else (finding.mark.line, 1)
    start = min(source.offset_of_line(line) + column - 1, len(source.text))
    if source.text.startswith("<", start):
        end = _start_tag_end(source.text, start)
    else:
        newline = source.text.find("\n", start)
        end = len(source.text) if newline < 0 else newline
    return lsp.Range(start=_position(source, start, codec), end=_position(source, end, codec))


def _start_tag_end(text: str, start: int) -> int:
    """The offset just past the `>` that closes the start tag at `start`; a `>` may sit in a quoted value."""
    quote = ""
    for index in range(start + 1, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ">":
            return index + 1
        elif char == "<":  # not well-formed: stop before the next tag
            return index
    return len(text)


def _position(source: SourceText, offset: int, codec: PositionCodec) -> lsp.Position:
    """An offset in code points as an LSP position in the client's units (UTF-16 unless negotiated)."""
    line = source.line_at(offset)  # 1-based
    character = offset - source.offset_of_line(line)
    return codec.position_to_client_units(source.lines, ServerTextPosition(line - 1, character))


# --- code actions and hover --------------------------------------------------------------------------


def suppression_edit(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.TextEdit:
    """Insert `<!-- migcheck: ignore[CODE] reason -->` just before the element: on a line of its own with
    the element's indentation when the element starts its line, else right before its `<`."""
    comment = f"<!-- migcheck: ignore[{diagnostic.code}] reason -->"
    start = diagnostic.range.start
    lines: Sequence[str] = document.lines
    line = lines[start.line] if start.line < len(lines) else ""
    before = document.text_in_client_range(
        lsp.Range(start=lsp.Position(line=start.line, character=0), end=start)
    )
    if before.strip():
        return lsp.TextEdit(range=lsp.Range(start=start, end=start), new_text=comment)
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    at_line_start = lsp.Position(line=start.line, character=0)
    return lsp.TextEdit(
        range=lsp.Range(start=at_line_start, end=at_line_start), new_text=f"{indent}{comment}\n"
    )


def _contains(range_: lsp.Range, position: lsp.Position) -> bool:
    start, end = (range_.start.line, range_.start.character), (range_.end.line, range_.end.character)
    return start <= (position.line, position.character) <= end


def hover_markdown(rules: RuleSet, diagnostics: Iterable[lsp.Diagnostic]) -> str:
    """The documentation of each rule among `diagnostics`, once per rule."""
    codes = dict.fromkeys(str(d.code) for d in diagnostics)
    docs = [rule.documentation() for code in codes if (rule := rules.get(code)) is not None]
    return "\n---\n\n".join(docs)


# --- the server ----------------------------------------------------------------------------------------


def create_server() -> MigcheckServer:
    server = MigcheckServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MigcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.open_uris.add(params.text_document.uri)
        ls.lint_uri(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: MigcheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri, version = params.text_document.uri, params.text_document.version
        await asyncio.sleep(DEBOUNCE_SECONDS)
        # A later change started its own wait and will lint; linting now would be wasted work.
        if uri in ls.open_uris and ls.workspace.get_text_document(uri).version == version:
            ls.lint_uri(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MigcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.lint_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: MigcheckServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.lint_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MigcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.open_uris.discard(params.text_document.uri)
        ls.clear(params.text_document.uri)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: MigcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return [
            _suppress_action(document, diagnostic)
            for diagnostic in params.context.diagnostics
            if diagnostic.source == SOURCE and diagnostic.code
        ]

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: MigcheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        here = [
            d for d in ls.diagnostics.get(params.text_document.uri, []) if _contains(d.range, params.position)
        ]
        markdown = hover_markdown(ls.rules, here) if here else ""
        if not markdown:
            return None
        content = lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=markdown)
        return lsp.Hover(contents=content, range=here[0].range)

    return server


def _suppress_action(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.CodeAction:
    edit = suppression_edit(document, diagnostic)
    return lsp.CodeAction(
        title=f"Suppress {diagnostic.code} on this element (with a reason)",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=lsp.WorkspaceEdit(changes={document.uri: [edit]}),
    )


def serve() -> None:
    """Speak LSP over stdin/stdout until the client says exit."""
    create_server().start_io()
