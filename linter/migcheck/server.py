"""The language server behind `migcheck server`: diagnostics for the classic files an editor has open,
linted in the context of the project on disk; quick fixes — the fixes of `migcheck check --fix` (safe
ones preferred, the others titled "(unsafe)") and a suppression comment; the rule's documentation on
hover. Needs the `lsp` extra (pygls 2); only `migcheck server` imports this module.

The server stays in its workspace. It never changes directory: the project around a document is the
workspace folder that holds it (or the folder of the config file found there), walked like `migcheck
check` walks it. A document outside every workspace folder is linted alone, with default settings, so an
editor that opens `/x.cscfg` does not make the server read `/`. Lints run on a worker thread, one at a
time, for the latest version of a document only (a burst of typing lints once, after a pause), so hover,
code actions and new edits are answered while a lint runs. Code actions and hover read nothing from
disk: they answer for open documents, from their text and last diagnostics.

What a keystroke costs: the server keeps, between lints, the walk of each project (the files to read),
the documents read from disk and, per subscription, the linked estate and the rules' findings, so a
change re-links and re-checks only the subscription the edited file is in, and within it joins again
only the cloud services of the edited file's folder, re-runs the rules that check one cloud service at a
time only over the services that changed, and keeps the findings of rules about other kinds of file
(`engine.ReadCache.linked`); the estate-wide joins and the other rules run again. It hears of changes on disk
from the client's file watcher (`workspace/didChangeWatchedFiles`, registered when the client allows);
a client without one gets the walk again on each save or when a file it named is gone, and a stat of
every file at most every `STAT_SECONDS`."""

from __future__ import annotations

import ast
import asyncio
import gc
import hashlib
import itertools
import logging
import math
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInvalidRequest,
    JsonRpcParseError,
)
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from migcheck import __version__
from migcheck.advice import EDITOR, worded_for
from migcheck.baseline import BaselineError
from migcheck.config import CONFIG_FILES, Config, ConfigError, check_settings_rules, load_config
from migcheck.discover import CANDIDATE_SUFFIXES, NAMES, Candidate, PatternError, possible_kinds
from migcheck.engine import LintResult, ReadCache, RuleError, lint, locate_findings, stamps_now, walk
from migcheck.formats import SCRIPT_KINDS, byte_format, is_configuration, no_extension
from migcheck.model import FileKind, Finding, Fix, Location, Severity
from migcheck.plugins import PluginError, load_rules
from migcheck.rule import RuleSet
from migcheck.source import SourceText
from migcheck.texts import EVERY_ENDING
from migcheck.visible import visible, visible_lines

if TYPE_CHECKING:
    from pygls.server import ServerErrors

SOURCE = "migcheck"
# Typing bursts lint once, after a short pause; a lint of 4,000 files takes well under a second.
DEBOUNCE_SECONDS = 0.15
# Without a file watcher, how long the files read from disk are trusted before each is stat-ed again. A
# stat of every file costs about 30 ms on 4,000 files, most of a keystroke's budget; a change made outside
# the editor shows at the first lint after this long (a save in the editor is seen at once).
STAT_SECONDS = 2.0
# How often, at most, the documents read from disk are written to the store (`migcheck.store`) while the
# server runs: once the first lint is answered, then after files changed, and when the client shuts it
# down. Writing costs some tens of milliseconds on 4,000 files, on the worker a keystroke's lint waits for.
SAVE_SECONDS = 60.0
# The name of the lint worker's thread: the one thread that cannot wait for the worker to finish.
_WORKER = "migcheck-lint"
# What the client's file watcher is asked to report: changes to the files a lint may read and to what
# decides which files it reads (config files, .gitignore); files and folders created or deleted anywhere,
# since a folder deleted or renamed is reported as the folder alone.
WATCHED = (
    *(lsp.FileSystemWatcher(glob_pattern=f"**/*{suffix}") for suffix in CANDIDATE_SUFFIXES),
    # A client's glob may tell case: the names a Makefile and a Dockerfile are written with, and the
    # Dockerfiles whose name only starts with theirs (`Dockerfile.prod`).
    *(lsp.FileSystemWatcher(glob_pattern=f"**/*{name}") for name in ("Makefile", "Dockerfile")),
    *(lsp.FileSystemWatcher(glob_pattern=f"**/{start.capitalize()}*") for start in NAMES),
    *(lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in (*CONFIG_FILES, ".gitignore")),
    lsp.FileSystemWatcher(glob_pattern="**/*", kind=lsp.WatchKind.Create | lsp.WatchKind.Delete),
)
SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_DECLARED_ENCODING = re.compile(r"""\A\ufeff?<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
logger = logging.getLogger(__name__)


# --- messages the client should not have sent ---------------------------------------------------------
#
# A client, or whatever writes to the server's standard input, can send JSON that does not parse, a
# request whose params are not what its method takes, or a change to a document it never opened. pygls
# shows each as an "Error in server" pop-up, leaves the request unanswered and writes a traceback to
# standard error. Here a request gets the JSON-RPC error that says what was wrong with it (a message that
# does not parse gets one with a null id, as JSON-RPC says), the user sees nothing, and the log one line.


class _MalformedMessage(Exception):
    """A message that parsed as JSON but is not what its method takes: the error to answer with, and
    the id of the request to answer (None for a notification, which takes no answer)."""

    def __init__(self, error: JsonRpcException, method: object, request_id: int | str | None) -> None:
        what = _cut(method) if isinstance(method, str) else "a message with no method"
        super().__init__(f"{error.message} in {what}")
        self.error, self.request_id = error, request_id


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, with malformed messages refused quietly (see above)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        if "jsonrpc" not in data:  # an object inside a message (JSON decoding calls this for each)
            return data
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            raise _MalformedMessage(error, data.get("method"), _request_id(data)) from None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams) -> Iterator[Any]:
        """pygls's update of the document, for a document that is open: a change to another one has no
        text to apply to (pygls raised a KeyError, shown to the user)."""
        if unquote(params.text_document.uri) not in self.workspace.text_documents:
            logger.warning(
                "ignored a change to a document that is not open: %s", _cut(params.text_document.uri)
            )
            return
        # pygls places an edit by `str.splitlines`, which also ends a line at \f, \x85, \u2028...: in a
        # document holding one, the edit lands on another line than the client's. Each change is applied
        # here by LSP's line endings (\r\n, \r, \n) and handed to pygls as the whole new text.
        document = self.workspace.get_text_document(params.text_document.uri)
        text = document.source
        changes: list[lsp.TextDocumentContentChangeEvent] = []
        for change in params.content_changes:
            text = _changed(text, change, document.position_codec)
            changes.append(lsp.TextDocumentContentChangeWholeDocument(text=text))
        params.content_changes = changes
        yield from super().lsp_text_document__did_change(params)

    def _send_response(self, msg_id: Any, result: Any = None, error: lsp.ResponseError | None = None) -> None:
        """pygls's answer to a request, its error's message escaped as every message to the editor is (a
        handler's exception may quote a plugin's text)."""
        if error is not None:
            error.message = visible_lines(error.message)
        super()._send_response(msg_id, result=result, error=error)

    def _send_data(self, data: Any) -> None:
        """pygls's sending of a message, but a client that closed the server's output (it went away, or
        closed its end of the connection before the other) can be sent nothing more: the server ends, said
        in one line, where pygls logged a traceback for each message it then tried to send."""
        try:
            super()._send_data(data)
        except BrokenPipeError:
            logger.warning("the client closed the server's output: the server ends")
            self._server.client_gone()  # type: ignore[attr-defined]

    def refuse(self, error: Exception) -> None:
        """Answer a message the loop could not handle (`error`) with the JSON-RPC error it calls for, and
        say so in one line of the log; a message the end of input cut short is the client closing the
        connection, said as such, with no answer."""
        reading = self._server.input  # type: ignore[attr-defined]
        if reading is not None and reading.cut:
            logger.warning("the client closed the connection in the middle of a message")
            return
        if isinstance(error, _MalformedMessage):
            if error.request_id is not None:
                self._send_response(error.request_id, error=error.error.to_response_error())
            logger.warning("refused a malformed message: %s", error)
            return
        # Not a message at all: its id cannot be known, so the error goes with a null one, as JSON-RPC
        # says (pygls leaves out a field that is None).
        unreadable = isinstance(error, ValueError | RecursionError)  # not JSON, not UTF-8, nested too deep
        answer = JsonRpcParseError() if unreadable else JsonRpcInvalidRequest()
        self._send_data(
            {"jsonrpc": "2.0", "id": None, "error": {"code": answer.code, "message": answer.message}}
        )
        logger.warning("refused a message: %s (%s)", answer.message, _cut(f"{type(error).__name__}: {error}"))


def _changed(text: str, change: lsp.TextDocumentContentChangeEvent, codec: PositionCodec) -> str:
    """`text` with `change` applied, its range counted in LSP's lines (`SourceText`'s lines as shown)."""
    if not isinstance(change, lsp.TextDocumentContentChangePartial):
        return change.text
    shown = SourceText(text)
    start, end = (_offset_in(shown, position, codec) for position in (change.range.start, change.range.end))
    return text[:start] + change.text + text[max(start, end) :]


def _offset_in(shown: SourceText, position: lsp.Position, codec: PositionCodec) -> int:
    """The offset in code points of a client's position: past a line's end is its end (LSP says so; pygls's
    codec gives the line's start), past the last line the end of the text."""
    lines = shown.lines
    if position.line >= len(lines):
        return len(shown.text)
    line = lines[position.line]
    within = lsp.Position(position.line, min(position.character, codec.client_num_units(line)))
    return shown.offset_of_line(position.line + 1) + codec.position_from_client_units(lines, within).character


def _request_id(data: dict[str, Any]) -> int | str | None:
    """The id of a request to answer: None for a notification, a response, or an id JSON-RPC does not
    allow (a request with such an id cannot be answered by it)."""
    request_id = data.get("id")
    if "method" not in data or isinstance(request_id, bool) or not isinstance(request_id, int | str):
        return None
    return request_id


def _cut(value: object, length: int = 120) -> str:
    """A value from a client's message as one short line of the log."""
    text = repr(value) if not isinstance(value, str) else value
    text = text.encode("unicode_escape").decode("ascii")  # no line break, no control character
    return text if len(text) <= length else text[: length - 3] + "..."


class _Input:
    """The server's standard input as pygls reads it, noting whether the end of input cut the last message
    short (`cut`): pygls reads a message's body with one `read` of its Content-Length, which gives fewer
    bytes only at the end of input."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.cut = False

    def readline(self) -> bytes:
        return self.stream.readline()

    def read(self, size: int) -> bytes:
        data = self.stream.read(size)
        self.cut = len(data) < size
        return data


class _OneLineLogs(logging.Filter):
    """pygls logs each message it cannot read twice, with a traceback each time, and each expected
    JSON-RPC error of a request with one: the server's `refuse` says the first in a line, and the second
    keeps its line without the traceback. A message it cannot send to a client that closed the server's
    output is said in a line by `_Protocol._send_data`. Tracebacks of unexpected errors are kept: they are
    faults."""

    DROPPED = (
        "Unable to deserialize message\n%s",
        "Unable to handle message",
        "Error sending data. BrokenPipeError",
    )

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg in self.DROPPED:
            return False
        if record.exc_info and isinstance(record.exc_info[1], JsonRpcException):
            record.exc_info, record.exc_text = None, None
        return True


_ONE_LINE = _OneLineLogs()


def _quiet_pygls_logs() -> None:
    for name in ("pygls.server", "pygls.io_", "pygls.protocol.json_rpc"):
        log = logging.getLogger(name)
        if _ONE_LINE not in log.filters:
            log.addFilter(_ONE_LINE)


class MigcheckServer(LanguageServer):
    """Keeps what outlives one lint: the rules, the files read from disk, and each open document's
    diagnostics (code actions and hover answer from them)."""

    def __init__(self) -> None:
        super().__init__(
            "migcheck",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol,
        )
        _quiet_pygls_logs()
        self.cache = ReadCache()
        self.open_uris: set[str] = set()
        self.diagnostics: dict[str, list[lsp.Diagnostic]] = {}
        # The fixes of each open document's diagnostics, as LSP edits of the text they were computed on.
        self.fixes: dict[str, list[tuple[lsp.Diagnostic, Fix]]] = {}
        self._linted: dict[str, int | None] = {}  # the version of each document the fixes were placed in
        self._rules: RuleSet | None = None
        # One worker: lints never overlap, so the read cache needs no lock, and a lint queued behind a
        # running one sees the files as the running one left them.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=_WORKER)
        self._pending: dict[str, asyncio.Task[None]] = {}
        # The walk of each project (its folders and the settings that chose the files), until files are
        # created, deleted or renamed. Read and written on the worker only, like the read cache.
        self._walks: dict[tuple[str, ...], tuple[tuple[object, ...], list[Candidate]]] = {}
        self.watching = False  # the client's file watcher reports changes on disk
        self._verified = -math.inf  # when a lint last stat-ed every file (time.monotonic)
        self._saved = -math.inf  # when the documents were last written to the store (time.monotonic)
        # The projects whose files were all as the last server left them when this one started, by the
        # paths they walk: the key of their settings and their files (`prepare`), until files change.
        self._prepared: Future[None] | None = None
        self._unchanged: dict[tuple[str, ...], tuple[str, dict[str, list[object]]]] = {}
        self._warmed = False
        # The settings error last shown: shown once, not after every edit, until the files change.
        self.settings_error = ""
        self.shutdown_requested = False  # the exit code LSP asks for: 0 after a shutdown request, else 1
        self.input: _Input | None = None  # what `serve` reads the client's messages from
        # The documents opened before the workspace was read (`warm`): they may show kept findings first.
        # Decided when the document is opened, not when its lint starts, which may be after the warm-up.
        self._early: set[str] = set()

    def client_gone(self) -> None:
        """End the server, with the exit code LSP asks for: the client closed the server's output, so
        nothing more can be answered, and waiting for the end of its input could be waiting for ever (the
        input may stay open). After a shutdown request, the store that request queued is written first
        (a message sent meanwhile, a lint's diagnostics, is what met the closed output), as `serve` waits
        for it after exit. Without one, the server ends at once and nothing is saved: the client went
        away without ending the session, and the store is a cache the next start rebuilds."""
        if self.shutdown_requested and not threading.current_thread().name.startswith(_WORKER):
            self._worker.shutdown(wait=True)
        logging.shutdown()  # the line said of it written out first
        os._exit(0 if self.shutdown_requested else 1)

    def report_server_error(self, error: Exception, source: ServerErrors) -> None:
        """A message the loop could not read is refused (`_Protocol.refuse`), not shown to the user; other
        errors are reported as pygls reports them."""
        if source is JsonRpcException:  # what pygls's message loop passes for a message it could not handle
            # Called from the loop itself, unguarded: an error here would end the server.
            try:
                self.protocol.refuse(error)  # type: ignore[attr-defined]
            except Exception as failure:
                logger.warning("could not answer a message: %s", _cut(f"{type(failure).__name__}: {failure}"))
            return
        super().report_server_error(error, source)

    # Every message shown or logged in the editor is escaped as the CLI escapes its output (`visible`): a
    # plugin's error text, a settings file's value, a pygls error may hold an escape sequence or a
    # bidirectional control, which the editor's pop-up or output panel would show raw.
    def window_show_message(self, params: lsp.ShowMessageParams) -> None:
        params.message = visible_lines(params.message)
        super().window_show_message(params)

    def window_log_message(self, params: lsp.LogMessageParams) -> None:
        params.message = visible_lines(params.message)
        super().window_log_message(params)

    @property
    def rules(self) -> RuleSet:
        if self._rules is None:
            self._rules = load_rules()
        return self._rules

    def schedule(self, uri: str, delay: float = DEBOUNCE_SECONDS) -> None:
        """Lint `uri` after `delay`, replacing a lint of it that has not started yet."""
        previous = self._pending.pop(uri, None)
        if previous is not None and not previous.done():
            previous.cancel()
        self._pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    def schedule_all(self) -> None:
        """Lint every open document: a file saved or changed on disk can change the others' findings."""
        for uri in sorted(self.open_uris):
            self.schedule(uri)

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        path = to_fs_path(uri)
        if uri not in self.open_uris or not path:
            return
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        lowered = path.lower()
        named = os.path.basename(lowered).startswith(NAMES)
        if not (lowered.endswith(CANDIDATE_SUFFIXES) or named) and _shebang_kind(path, text) is None:
            return
        root, codec = self.root_for(path), self.workspace.position_codec
        if uri in self._early and root is not None:
            self._early.discard(uri)
            await self.publish_kept(uri, version, text, path, root)
        loop = asyncio.get_running_loop()
        try:
            diagnosed = await loop.run_in_executor(
                self._worker, _in_editor_words, self.diagnose, path, text, root, codec
            )
        except (BaselineError, ConfigError, PluginError, RuleError) as exc:
            # The editor has no option to leave a rule out: its settings file does.
            self.show_settings_error(f"migcheck: {exc.said(None) if isinstance(exc, RuleError) else exc}")
            return
        self.settings_error = ""
        if self.publish(uri, version, diagnosed):
            self.save_soon()

    def show_settings_error(self, message: str) -> None:
        """Show `message`, unless it is the one shown last: the lint after each pause in typing meets the
        same settings error, and the user is told once (again once the files change on disk)."""
        if message == self.settings_error:
            return
        self.settings_error = message
        self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=message))

    def publish(
        self, uri: str, version: int | None, diagnosed: list[tuple[lsp.Diagnostic, Fix | None]]
    ) -> bool:
        """Publish the diagnostics of `version` of the document, unless it was edited (or closed) since:
        the lint of the newer version publishes."""
        if uri not in self.open_uris or self.workspace.get_text_document(uri).version != version:
            return False
        diagnostics = [diagnostic for diagnostic, _ in diagnosed]
        self.diagnostics[uri] = diagnostics
        self._linted[uri] = version
        self.fixes[uri] = [(diagnostic, fix) for diagnostic, fix in diagnosed if fix is not None]
        params = lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        self.text_document_publish_diagnostics(params)
        return True

    async def publish_kept(self, uri: str, version: int | None, text: str, path: str, root: str) -> None:
        """Publish the findings the last server kept of a document opened unchanged in a project whose
        files are all as it left them (`prepare`), before the project is read: reading, linking and
        checking 4,000 files from the store takes half a second, this a tenth of it. The lint queued
        behind the reading publishes what it finds, as for every document."""
        if self._prepared is None:
            return
        try:
            await asyncio.wrap_future(self._prepared)
            context = _project(os.path.dirname(path), root)[1]
        except Exception:  # nothing to show early: the lint says what went wrong
            return
        unchanged, store = self._unchanged.get(tuple(context)), self.cache.store
        if unchanged is None or store is None or uri in self._linted:
            return
        findings = store.kept_findings(*unchanged, os.path.abspath(path), _encode(text))
        if findings is None:
            return
        source = _buffer_source(path, text)
        located = locate_findings(findings, {f.mark.path: source for f in findings})
        codec = self.workspace.position_codec
        self.publish(
            uri, version, [(_diagnostic(f, source, codec), f.autofix if f.fixable else None) for f in located]
        )

    def save_soon(self) -> None:
        """Write what was read to the store, after the lints queued now, unless it was written lately."""
        store = self.cache.store
        if store is not None and store.unsaved and time.monotonic() - self._saved >= SAVE_SECONDS:
            self._saved = time.monotonic()
            self.on_worker(self.cache.save)

    def clear(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.diagnostics.pop(uri, None)
        self.fixes.pop(uri, None)
        self._linted.pop(uri, None)
        self._early.discard(uri)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def diagnose(
        self, path: str, text: str, root: str | None, codec: PositionCodec
    ) -> list[tuple[lsp.Diagnostic, Fix | None]]:
        """The diagnostics of the buffer `text` of `path`, each with its placed fix if it has one: the
        same run as `migcheck check --stdin-filename PATH PROJECT`, where PROJECT is the folder of the
        config file when it is inside the workspace folder `root`, else `root`; with no `root` (a
        document outside the workspace), the buffer alone, with default settings."""
        if root is None:
            config, context = Config(), [path]
        else:
            config, context = _project(os.path.dirname(path), root)
            check_settings_rules(self.rules, config)  # an error that names the file and the key
        buffer = _encode(text)
        result = self.lint(context, config, buffer, path, walked=root is not None)
        if self.cache.vanished:  # a file the kept walk named is gone: walk again, and lint again
            self._walks.clear()
            result = self.lint(context, config, buffer, path, walked=True)
        source = SourceText(text)
        return [(_diagnostic(f, source, codec), f.autofix if f.fixable else None) for f in result.findings]

    def lint(
        self, context: list[str], config: Config, buffer: bytes | None, path: str | None, walked: bool
    ) -> LintResult:
        """`lint` with what the server keeps: the read cache, and the walk of `context` when `walked`.
        Without a `path`, a lint of the project only for what the cache keeps: its findings are not
        located. Runs on the worker."""
        now = time.monotonic()
        verify = self.cache.verify = not self.watching and now - self._verified >= STAT_SECONDS
        self.cache.vanished = []
        kept = self.walk(context, config) if walked else None
        if path is None:
            result = lint(context, config, self.rules, cache=self.cache, walked=kept, locate=False)
        else:
            result = lint(
                context, config, self.rules, stdin=buffer, stdin_path=path, cache=self.cache, walked=kept
            )
        if verify:
            self._verified = now
        return result

    def walk(self, context: list[str], config: Config) -> list[Candidate]:
        """The files a lint of `context` reads, walked once and kept until files come or go."""
        settings = (config.include, config.exclude, config.respect_gitignore)
        kept = self._walks.get(tuple(context))
        if kept is None or kept[0] != settings:
            kept = self._walks[tuple(context)] = (settings, walk(context, config))
        return kept[1]

    def changed_on_disk(self, fs_paths: list[str], *, walk_again: bool) -> None:
        """Files changed, created or deleted on disk (`fs_paths`): read them again, and walk again when
        files may have come or gone. Runs on the worker, between lints."""
        self.cache.forget(fs_paths)
        self._unchanged.clear()  # what the last server kept no longer describes the files
        if walk_again:
            self._walks.clear()

    def on_worker(self, work: Callable[[], object]) -> None:
        """Run `work` on the worker: after the lint running now, before any lint scheduled later."""
        self._worker.submit(work)

    def prepare(self) -> None:
        """Open the workspace's store (`migcheck.store`), and find the projects whose files all have the
        size, modification time and inode they had when the last server kept its findings, under the
        same settings: a document opened in one of them unchanged shows those findings at once
        (`publish_kept`). Walks each project, which `warm` then reads. Runs on the worker, first."""
        from migcheck.store import DocumentStore

        if self.cache.store is None:
            self.cache.store = DocumentStore.for_workspace(self.roots())
        for root in self.roots() if self.cache.store is not None else ():
            try:
                config, context = _project(root, root)
                key = _settings_key(context, config, self.rules)
                files = stamps_now(self.walk(context, config)) if key else None
            except (ConfigError, PatternError, PluginError, OSError):
                continue
            if key and files is not None:
                self._unchanged[tuple(context)] = (key, files)

    def warm(self) -> None:
        """Read each workspace folder, link and check it, before any document is opened: the first
        document opened unchanged then costs only its own findings. The documents of files that did not
        change since the last server of this workspace come from its store; the findings are kept there
        for the next one (`keep_findings`). Runs on the worker; what goes wrong here is said by the lint
        of a document, so it is not said twice."""
        try:
            self.lint_projects()
        finally:  # documents opened from now on get only their lint
            self._warmed = True
        # What was read and linked lives as long as the server (and is freed by reference counting when
        # a file changes: it holds no cycles): kept out of the cyclic collector, whose full passes over
        # it cost about 100 ms on 4,000 files, at any moment between lints, a keystroke's included.
        gc.freeze()

    def lint_projects(self) -> None:
        """Lint the project of each workspace folder as saved on disk, and keep the findings in the
        store for the next server (`keep_findings`). Runs on the worker."""
        for root in self.roots():
            try:
                config, context = _project(root, root)
                result = self.lint(context, config, None, None, walked=True)
            except (BaselineError, ConfigError, PatternError, PluginError, RuleError, OSError):
                continue
            self.keep_findings(context, config, result)

    def keep_findings(self, context: list[str], config: Config, result: LintResult) -> None:
        """Keep in the store the findings of a lint of the project `context` as saved on disk, with what
        its files were when read."""
        store = self.cache.store
        kept = self._walks.get(tuple(context))
        if store is None or kept is None:
            return
        key = _settings_key(context, config, self.rules)
        files = self.cache.stamps(kept[1]) if key else None
        if key and files is not None:
            store.keep_findings(key, files, result.findings)

    def save(self) -> None:
        """Keep the findings of the projects as saved now and write the store: when the client shuts the
        server down, for the next server of this workspace. Runs on the worker."""
        if self.cache.store is not None:
            self.lint_projects()
            self.cache.save()

    def roots(self) -> list[str]:
        folders = [to_fs_path(f.uri) for f in self.workspace.folders.values()]
        folders.append(self.workspace.root_path)
        return list(dict.fromkeys(os.path.abspath(f) for f in folders if f))

    async def watch(self) -> None:
        """Ask the client to report changes on disk, when it lets servers register for them."""
        capabilities = self.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities else None
        if not (watched and watched.dynamic_registration):
            return
        options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=list(WATCHED))
        registration = lsp.Registration(
            id="migcheck-watched-files",
            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        try:
            await self.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))
        except Exception:  # any refusal: stay with stat and walks on save
            return
        self.watching = True

    def fixes_for(self, document: TextDocument, wanted: list[lsp.Diagnostic]) -> list[lsp.CodeAction]:
        """Quick fixes for the diagnostics `wanted`, from the last lint: only while the document is the
        version that lint saw (the edits' positions are in its text). Safe fixes first, each marked
        preferred; fixes that change behaviour say "(unsafe)"."""
        if self.workspace.get_text_document(document.uri).version != self._linted.get(document.uri):
            return []
        actions = [
            _fix_action(document, diagnostic, fix)
            for diagnostic, fix in self.fixes.get(document.uri, [])
            if any(_same(diagnostic, other) for other in wanted)
        ]
        return sorted(actions, key=lambda action: not action.is_preferred)

    def root_for(self, path: str) -> str | None:
        """The workspace folder holding `path` (the innermost), else the workspace root; None outside."""
        inside = [f for f in self.roots() if _is_within(path, f)]
        return max(inside, key=len) if inside else None


T = TypeVar("T")


def _in_editor_words(work: Callable[..., T], *args: object) -> T:
    """`work(*args)` with its settings and baseline errors advising what an editor user can do (the
    worker thread does not share the event loop's context)."""
    with worded_for(EDITOR):
        return work(*args)


def _project(start: str, root: str) -> tuple[Config, list[str]]:
    """The config found from the folder `start` and the folder to walk around a document in the workspace
    folder `root`: the config's folder when it is inside `root`, else `root`."""
    # The settings file named by its absolute path in what the editor shows: the server's working
    # directory is the editor's choice, not the user's, and a path relative to it names nothing they know.
    config = load_config(start=start, absolute=True)
    inside = config.root and _is_within(config.root, root, or_equal=True)
    return config, [config.root if inside else root]


def _settings_key(context: list[str], config: Config, rules: RuleSet) -> str | None:
    """What a lint's findings follow from besides the files it reads and migcheck's own code (the
    store's fingerprint): the paths walked, the working folder, the settings, the baseline's bytes and
    the rules. None when a rule is a plugin's, whose code the key cannot follow, or the baseline cannot
    be read."""
    from migcheck.guarded import read_bytes
    from migcheck.readers import MAX_FILE_BYTES

    if any(not type(rule).__module__.startswith("migcheck.") for rule in rules):
        return None
    try:
        baseline = read_bytes(config.baseline, MAX_FILE_BYTES + 1) if config.baseline else b""
    except OSError:  # the lint says why it cannot be read
        return None
    settings = repr((context, os.getcwd(), config, [(r.code, type(r).__qualname__) for r in rules]))
    digest = hashlib.blake2b(settings.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(baseline)
    return digest.hexdigest()


def _is_within(path: str, folder: str, *, or_equal: bool = False) -> bool:
    folder, path = os.path.abspath(folder), os.path.abspath(path)
    return (or_equal and path == folder) or path.startswith(folder.rstrip(os.sep) + os.sep)


def _encode(text: str) -> bytes:
    """The buffer as bytes in the encoding its XML declaration names, which the reader will decode by. A
    lone surrogate (a client can send one in JSON) is kept as bytes that are not UTF-8, so the reader
    reports it where it is, as it would in a saved file."""
    declared = _DECLARED_ENCODING.match(text)
    if declared:
        try:
            return text.encode(declared.group(1))
        except (LookupError, UnicodeError):
            pass  # a wrong declaration: the reader reports it as it would for the saved file
    return text.encode("utf-8", "surrogatepass")


# --- findings → LSP ----------------------------------------------------------------------------------


def _buffer_source(path: str, text: str) -> SourceText:
    """The buffer of the file at `path`, its readers' marks counted as a run counts them (`EVERY_ENDING`):
    the Python and PowerShell readers count every line ending, the others `\n` only. Kept findings placed
    in it then show where the lint of the same text shows them, in a file with lone carriage returns too."""
    kinds = possible_kinds(path) or {_shebang_kind(path, text)}
    return SourceText(
        text,
        every_ending=not EVERY_ENDING.isdisjoint(kinds),
        script=not SCRIPT_KINDS.isdisjoint(kinds),
        configuration=is_configuration(path),
        shell=FileKind.SHELL in kinds,
    )


def _shebang_kind(path: str, text: str) -> FileKind | None:
    """The kind of script a buffer whose file has no extension is, by its `#!` line, as a run reads the
    saved file (`formats.byte_format`); None for a file with an extension or any other first line."""
    name = os.path.basename(path)
    if not no_extension(name):
        return None
    found = byte_format(name, _encode(text))
    return found.kind if found is not None else None


def _diagnostic(finding: Finding, source: SourceText, codec: PositionCodec) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=_range(finding, source, codec),
        message=visible_lines(finding.message + (f"\n{finding.fix}" if finding.fix else "")),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        source=SOURCE,
    )


def _range(finding: Finding, source: SourceText, codec: PositionCodec) -> lsp.Range:
    """The finding's location, start to end: from the `<` of the element to the end of its start tag;
    for a position that is not a tag (a syntax error), the word or character there."""
    loc = finding.location or Location(finding.mark.path, finding.mark.line, 1)
    start = _offset(source, loc.line, loc.column)
    end = max(_offset(source, loc.end_line, loc.end_column), start) if loc.end_line else start
    return lsp.Range(start=_position(source, start, codec), end=_position(source, end, codec))


def _offset(source: SourceText, line: int, column: int) -> int:
    return min(source.offset_of_line(line) + column - 1, len(source.text))


def _position(source: SourceText, offset: int, codec: PositionCodec) -> lsp.Position:
    """An offset in code points as an LSP position in the client's units (UTF-16 unless negotiated)."""
    line = source.line_at(offset)  # 1-based
    character = offset - source.offset_of_line(line)
    return codec.position_to_client_units(source.lines, ServerTextPosition(line - 1, character))


# --- code actions and hover --------------------------------------------------------------------------


# Where a suppression comment goes, by the ending of the file's name (a script with no extension by its
# `#!` line, `_shebang_kind`): what each reader honours. XML files take `<!-- migcheck: ignore[...] -->`
# before the element; scripts `# migcheck: ignore[...]` on a line of its own before the statement, Ansible
# playbooks and task files before the task, Bicep, Terraform and deployment templates `// migcheck: ...`
# (Terraform `#`) before the line. Inventory exports (JSON) have no comments, and declarations (TOML) are not
# read for them: they are offered no suppression, which would break the file or silence nothing.
XML_SUFFIXES = (".csdef", ".cscfg", ".netcfg", ".xml")
ANSIBLE_SUFFIXES = (".yml", ".yaml")
# Findings no comment can quiet, so no quick fix offers one: a file that does not parse has no comments
# to read (MIG001), and a suppression comment's own problems are mended in the comment (MIG005, MIG006).
UNSUPPRESSIBLE = frozenset({"MIG001", "MIG005", "MIG006"})
SCRIPT_SUFFIXES = (".py", ".ps1", ".psm1", ".sh", ".bash")
# Declarations whose readers take `// migcheck: ignore[...]` on a line of its own as covering the
# declaration, argument, property or item after it among its siblings: Bicep, Terraform's native syntax
# (not its JSON, whose comments are `"//"` keys) and JSON deployment templates (by their text, `_is_template`).
DECLARATION_SUFFIXES = (".bicep", ".tf")


def suppressed_on(document: TextDocument) -> str | None:
    """What a suppression comment in `document` covers: "element" (XML), "statement" (scripts), "task"
    (Ansible), "step" (a CI pipeline's YAML), "declaration" (Bicep, Terraform, JSON deployment templates),
    or None for a kind whose reader reads no comments (inventory exports, declarations)."""
    from migcheck.readers.ansible import ci_pipeline_file

    name = (document.path or document.uri).lower()
    if name.endswith(XML_SUFFIXES):
        return "element"
    if name.endswith(ANSIBLE_SUFFIXES):
        return "step" if ci_pipeline_file(name, _encode(document.source)) else "task"
    if name.endswith(DECLARATION_SUFFIXES) or (name.endswith(".json") and _is_template(document.source)):
        return "declaration"
    scripted = name.endswith(SCRIPT_SUFFIXES) or _shebang_kind(name, document.source) is not None
    return "statement" if scripted else None


def suppression_edit(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.TextEdit | None:
    """The edit that suppresses `diagnostic` with a comment, in the syntax of the document's kind; None
    where it takes none (`suppressed_on`)."""
    covered = suppressed_on(document)
    if covered == "element":
        return _xml_suppression(document, diagnostic)
    if covered == "task":
        return _task_suppression(document, diagnostic)
    if covered == "step":
        return _step_suppression(document, diagnostic)
    if covered == "declaration":
        return _declaration_suppression(document, diagnostic)
    if covered == "statement":
        name = document.path or document.uri
        python = name.lower().endswith(".py") or _shebang_kind(name, document.source) is FileKind.PYTHON
        return _script_suppression(document, diagnostic, python=python)
    return None


def _xml_suppression(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.TextEdit:
    """Insert `<!-- migcheck: ignore[CODE] reason -->` just before the element: on a line of its own with
    the element's indentation when the element starts its line, else right before its `<`."""
    comment = f"<!-- migcheck: ignore[{diagnostic.code}] reason -->"
    start = diagnostic.range.start
    before = document.text_in_client_range(
        lsp.Range(start=lsp.Position(line=start.line, character=0), end=start)
    )
    if before.strip():
        return lsp.TextEdit(range=lsp.Range(start=start, end=start), new_text=comment)
    return _line_before(document, start.line, comment)


def _script_suppression(
    document: TextDocument, diagnostic: lsp.Diagnostic, *, python: bool
) -> lsp.TextEdit | None:
    """Insert `# migcheck: ignore[CODE] reason` on a line of its own before the statement the diagnostic
    is in, indented like the statement's first line. The readers let such a comment cover the whole
    statement that follows it, so for a finding in the middle of one (an argument on a continuation line)
    the comment goes before the statement's first line, where a comment is always valid: on the finding's
    own line it could fall inside a string, or after the PowerShell backtick or Python backslash that
    continues the line above, and change the script. None when the statement shares its first line with
    code before it (`if c: create(a)` with an `else` below, `if (c) { New-AzureVM ... } else { ... }`):
    the comment would cover the whole statement that line starts, and silence its other branch too. None
    too in a PowerShell script the grammar takes longer to parse than the reader allows: where its
    statements start is not known, and the reader refuses it whole."""
    comment = f"# migcheck: ignore[{diagnostic.code}] reason"
    at = document.position_from_client_units(diagnostic.range.start)
    source = document.source
    if python:
        line, before = _python_statement_start(source, at.line)
    else:
        start = _powershell_statement_start(source, at.line, at.character)
        if start is None:  # a script the reader refuses: where its statements start is not known
            return None
        line, before = start
    return None if before.strip() else _line_before(document, line, comment)


def _task_suppression(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.TextEdit | None:
    """Insert `# migcheck: ignore[CODE] reason` on a line of its own before the first line of the Ansible
    task the diagnostic is in, indented like it: the reader lets such a comment cover the task that starts
    on the next line, and only a task that runs a classic command (`ansible.task_spans`), the innermost
    where tasks are nested in a `block:`. None where no such task holds the diagnostic."""
    from migcheck.readers.ansible import task_spans

    line = diagnostic.range.start.line + 1
    spans = task_spans(document.path or document.uri, _encode(document.source))
    starts = [first for first, last in spans if first <= line <= last]
    if not starts:
        return None
    return _line_before(document, max(starts) - 1, f"# migcheck: ignore[{diagnostic.code}] reason")


def _is_template(text: str) -> bool:
    """Whether a JSON buffer may be a deployment template of classic resources or cloud services: it
    names a template's schema and one of them (`inventory._may_be_a_template`, a byte search)."""
    from migcheck.readers.inventory import _may_be_a_template

    return _may_be_a_template(_encode(text).lower())


def _declaration_suppression(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.TextEdit | None:
    """Insert `// migcheck: ignore[CODE] reason` (in Terraform `# ...`) on a line of its own before the line
    the diagnostic starts on, indented like it: the readers let it cover the declaration, argument, property or item that line
    starts. None where, read again with the comment, the file does not let it cover the finding: the line
    starts inside a multi-line string (the comment would become the string's text), or with a closing
    bracket (the comment would cover nothing)."""
    opener = "#" if (document.path or document.uri).lower().endswith(".tf") else "//"  # each's usual
    line = document.position_from_client_units(diagnostic.range.start).line
    return _covering_comment(document, str(diagnostic.code), line, line, opener)


def _step_suppression(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.TextEdit | None:
    """Insert `# migcheck: ignore[CODE] reason` on a line of its own before the first line of the CI
    pipeline's step the diagnostic is in (the `- script:` or `- name:` line above a `run: |` block),
    indented like it: the pipeline reader lets such a comment cover the step that starts on the next line.
    The step is the nearest list item that starts on the finding's line or above it, less indented; a
    block scalar may hold lines that look like one, so each is tried, nearest first, until the file read
    again with the comment has it cover the finding. None where none does (the finding is in no step)."""
    code = str(diagnostic.code)
    line = document.position_from_client_units(diagnostic.range.start).line
    for start in _list_items_around(_lsp_lines(document.source), line)[:_STEP_STARTS_TRIED]:
        edit = _covering_comment(document, code, start, line, "#")
        if edit is not None:
            return edit
    return None


# How many list items above a finding a step's quick fix tries (each a read of the file): the step's own
# first line is the nearest but for lines a block scalar holds that look like list items.
_STEP_STARTS_TRIED = 4


def _list_items_around(lines: Sequence[str], line: int) -> list[int]:
    """The 0-based lines, from `line` upwards, that start a YAML list item (`- ...`) holding `line`: the
    line itself, or one less indented than every line between."""
    found: list[int] = []
    indent = None
    for at in range(min(line, len(lines) - 1), -1, -1):
        text = lines[at].rstrip("\r\n")
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(text) - len(stripped)
        if indent is not None and depth >= indent:
            continue
        indent = depth
        if stripped == "-" or stripped.startswith("- "):
            found.append(at)
    return found


def _covering_comment(
    document: TextDocument, code: str, start: int, line: int, opener: str
) -> lsp.TextEdit | None:
    """The edit that puts `{opener} migcheck: ignore[CODE] reason` on a line of its own before the 0-based
    line `start`, when the file read again with it has the comment cover `code` on the 0-based `line`
    (which the insertion moves one down); else None."""
    from migcheck.readers import read_document

    edit = _line_before(document, start, f"{opener} migcheck: ignore[{code}] reason")
    lines = _lsp_lines(document.source)
    edited = "".join(lines[:start]) + edit.new_text + "".join(lines[start:])
    read = read_document(document.path or document.uri, _encode(edited), explicit=True)
    suppressions = () if read is None or read.problem else read.suppressions
    covering = any(s.mark.line == start + 1 and s.covers(code, "", line + 2) for s in suppressions)
    return edit if covering else None


def _line_before(document: TextDocument, line: int, comment: str) -> lsp.TextEdit:
    """Insert `comment` as a line of its own before the 0-based `line`, with its indentation and its
    line ending."""
    lines: Sequence[str] = _lsp_lines(document.source)
    text = lines[line] if line < len(lines) else ""
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    ending = next((e for e in ("\r\n", "\r") if text.endswith(e)), "\n")  # the file's own, a lone \r too
    at_line_start = lsp.Position(line=line, character=0)
    return lsp.TextEdit(
        range=lsp.Range(start=at_line_start, end=at_line_start), new_text=f"{indent}{comment}{ending}"
    )


def _lsp_lines(text: str) -> list[str]:
    """The lines of `text` with their endings, ended only where LSP ends them (\r\n, \r, \n): not
    `TextDocument.lines`, which `str.splitlines` also ends at \f, \x85, \u2028..."""
    return [text[start:end] for start, end in itertools.pairwise(SourceText(text).offsets)]


def _python_statement_start(source: str, line: int) -> tuple[int, str]:
    """The 0-based first line of the innermost statement of the Python `source` that holds the 0-based
    `line`, as the reader counts statements (`ast`), and the text before the statement on that line;
    `line` itself when none does or the source does not parse (the reader then reports only that)."""
    from migcheck.readers.python_script import statements as syntax_tree

    tree = syntax_tree(source)
    if tree is None:
        return line, ""
    target, found = line + 1, None
    statements: list[ast.stmt] = tree.body
    while True:
        holder = next((s for s in statements if s.lineno <= target <= (s.end_lineno or s.lineno)), None)
        if holder is None:
            if found is None:
                return line, ""
            first = SourceText(source).line(found.lineno).encode("utf-8", "surrogatepass")
            return found.lineno - 1, first[: found.col_offset].decode("utf-8", "surrogatepass")
        found = holder
        statements = list(_inner_statements(holder))


def _inner_statements(statement: ast.stmt) -> Iterator[ast.stmt]:
    """The statements in the blocks of a compound statement: its bodies, its handlers', its cases'."""
    for field in ("body", "orelse", "finalbody", "handlers", "cases"):
        for item in getattr(statement, field, ()):
            if isinstance(item, ast.stmt):
                yield item
            else:  # an except handler, a match case
                yield from getattr(item, "body", ())


def _powershell_statement_start(source: str, line: int, character: int) -> tuple[int, str] | None:
    """The 0-based line where the statement that holds the position (0-based line, character) starts: the
    node there, or its nearest ancestor, that is a statement of a statement list, as the reader counts
    statements (tree-sitter-powershell), and the text before the statement on that line. `line` itself
    when no statement holds it; None for a script the grammar takes longer to parse than the reader allows
    a script of its size (`powershell.syntax_tree`), which the reader refuses.

    Found by offsets, not by tree-sitter's rows: those count `\n` lines only, where the editor's lines
    end at a lone carriage return too (`SourceText` counts lines as the editor does)."""
    from migcheck.readers.powershell import syntax_tree

    data = source.encode("utf-8", "surrogatepass")
    tree = syntax_tree(data)
    if tree is None:
        return None
    text = SourceText(source)
    at = min(text.offset_of_line(line + 1) + character, len(source))
    byte = len(source[:at].encode("utf-8", "surrogatepass"))
    node = tree.root_node.descendant_for_byte_range(byte, byte)
    while node is not None and node.parent is not None and node.parent.type != "statement_list":
        node = node.parent
    if node is None or node.parent is None:
        return line, ""
    start = len(data[: node.start_byte].decode("utf-8", "surrogatepass"))
    first = text.line_at(start)
    return first - 1, source[text.offset_of_line(first) : start]


def fix_edits(document: TextDocument, fix: Fix) -> list[lsp.TextEdit]:
    """The fix's edits as LSP text edits of `document`, whose text is the one the fix was placed in."""
    source = SourceText(document.source)
    codec = document.position_codec
    return [
        lsp.TextEdit(
            range=lsp.Range(
                start=_position(source, edit.start, codec), end=_position(source, edit.end, codec)
            ),
            new_text=edit.replacement,
        )
        for edit in fix.edits
    ]


def _contains(range_: lsp.Range, position: lsp.Position) -> bool:
    start, end = (range_.start.line, range_.start.character), (range_.end.line, range_.end.character)
    return start <= (position.line, position.character) <= end


def hover_markdown(rules: RuleSet, diagnostics: Iterable[lsp.Diagnostic]) -> str:
    """The documentation of each rule among `diagnostics`, once per rule."""
    codes = dict.fromkeys(str(d.code) for d in diagnostics)
    docs = [rule.documentation() for code in codes if (rule := rules.get(code)) is not None]
    return visible_lines("\n---\n\n".join(docs))


# --- the server ----------------------------------------------------------------------------------------


def create_server() -> MigcheckServer:
    server = MigcheckServer()

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: MigcheckServer, params: lsp.InitializedParams) -> None:
        ls._prepared = ls._worker.submit(ls.prepare)
        ls.on_worker(ls.warm)
        await ls.watch()

    @server.feature(lsp.SHUTDOWN)
    async def shutdown(ls: MigcheckServer, params: None) -> None:
        # Answered once what was read is in the store, for the next server of this workspace. The store
        # only saves the next server time: a failure to write it does not fail the shutdown.
        ls.shutdown_requested = True
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(_quiet_cancelled)
        try:
            # Shielded: a client that sends exit without waiting for the answer, or closes the connection,
            # cancels this request, but not the write queued on the worker: `serve` waits for it.
            await asyncio.shield(loop.run_in_executor(ls._worker, ls.save))
        except Exception as error:
            logger.warning("the store was not written: %s", _cut(f"{type(error).__name__}: {error}"))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MigcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.open_uris.add(params.text_document.uri)
        if not ls._warmed:
            ls._early.add(params.text_document.uri)
        ls.schedule(params.text_document.uri, delay=0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MigcheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MigcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        # The watcher, when there is one, says whether files came or went; without, a save walks again.
        saved = [to_fs_path(params.text_document.uri) or ""]
        ls.on_worker(lambda: ls.changed_on_disk(saved, walk_again=not ls.watching))
        ls.settings_error = ""  # the settings file may be the one saved: its error is news again
        ls.schedule_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: MigcheckServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        # Any event walks again: a file saved by renaming a new one over it is another file (inode).
        changed = [to_fs_path(change.uri) or "" for change in params.changes]
        ls.on_worker(lambda: ls.changed_on_disk(changed, walk_again=True))
        ls.settings_error = ""
        ls.schedule_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MigcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.open_uris.discard(params.text_document.uri)
        ls.clear(params.text_document.uri)
        closed = [to_fs_path(params.text_document.uri) or ""]
        ls.on_worker(lambda: ls.cache.forget_buffers(closed))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: MigcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        if params.text_document.uri not in ls.open_uris:
            return []  # only open documents: reading an unopened one could block on a named pipe
        document = ls.workspace.get_text_document(params.text_document.uri)
        wanted = [d for d in params.context.diagnostics if d.source == SOURCE and d.code]
        fixes = ls.fixes_for(document, wanted)
        suppressions = (_suppress_action(document, diagnostic) for diagnostic in wanted)
        return [*fixes, *(action for action in suppressions if action is not None)]

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


def _fix_action(document: TextDocument, diagnostic: lsp.Diagnostic, fix: Fix) -> lsp.CodeAction:
    return lsp.CodeAction(
        title=visible(f"{fix.description}{'' if fix.safe else ' (unsafe)'}"),
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=fix.safe,
        edit=lsp.WorkspaceEdit(changes={document.uri: fix_edits(document, fix)}),
    )


def _same(a: lsp.Diagnostic, b: lsp.Diagnostic) -> bool:
    """The client sends back the diagnostics it was given; it may drop fields it does not keep."""
    return (a.code, a.range, a.message) == (b.code, b.range, b.message)


def _suppress_action(document: TextDocument, diagnostic: lsp.Diagnostic) -> lsp.CodeAction | None:
    """The quick fix that suppresses `diagnostic` with a comment, titled as docs/editor.md names it; None
    where the document's kind takes no suppression comment."""
    if diagnostic.code in UNSUPPRESSIBLE:
        return None
    covered, edit = suppressed_on(document), suppression_edit(document, diagnostic)
    if edit is None:
        return None
    return lsp.CodeAction(
        title=f"Suppress {diagnostic.code} on this {covered}",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=lsp.WorkspaceEdit(changes={document.uri: [edit]}),
    )


def _quiet_cancelled(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    # A client that sends exit without waiting for the answer to shutdown, or closes the connection,
    # cancels the shutdown request while the store is written: pygls would print the cancelled request's
    # traceback, which no one can act on.
    if isinstance(context.get("exception"), asyncio.CancelledError):
        return
    loop.default_exception_handler(context)


def serve() -> int:
    """Speak LSP over stdin/stdout until the client says exit or closes the connection; return the exit
    code LSP asks for: 0 after a shutdown request, else 1. A client that closes the connection without
    one went away (it crashed, or was killed) rather than ended the session, as exit alone does: 1 too,
    as the protocol's own Node server library answers the end of its input."""
    server = create_server()
    _end_at_once_on_ctrl_c()
    server.input = _Input(sys.stdin.buffer)
    server.start_io(stdin=server.input)  # type: ignore[arg-type]
    if server.shutdown_requested:  # the store the shutdown queued is written, even if exit came first
        server._worker.shutdown(wait=True)
    return 0 if server.shutdown_requested else 1


# The exit code of a process a SIGINT ended, as shells give it (128 + 2).
EXIT_INTERRUPTED = 130


def _end_at_once_on_ctrl_c() -> None:
    """Ctrl-C ends the server at once, quietly, with exit code 130. pygls took the KeyboardInterrupt as a
    shutdown, which waits for the thread reading standard input: from a terminal that read never returns,
    so the server hung until killed (and from a pipe it ended with 1, as a client that left). Nothing is
    saved: the store is a cache the next start rebuilds. Only the main thread may set a signal handler (a
    caller that runs `serve` in another thread keeps Python's).

    Python runs the handler on the main thread, and only when that thread next runs Python code: the main
    thread of the server waits in the event loop's selector, and an interrupt the kernel may hand to another
    thread (pygls's reader, blocked reading standard input; the lint worker) does not wake it, so the server
    ran on until the next message. The interrupt is also written to a pipe (`signal.set_wakeup_fd`, written
    by whichever thread takes it), which a thread of its own waits on to end the process."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        return
    signal.signal(signal.SIGINT, _interrupted)
    wakeup, woken = os.pipe()
    os.set_blocking(woken, False)  # as Python asks of a wakeup fd: a signal never waits to be written
    signal.set_wakeup_fd(woken)
    threading.Thread(
        target=_end_when_interrupted, args=(wakeup,), name="migcheck-ctrl-c", daemon=True
    ).start()


def _interrupted(signum: int, frame: object) -> None:
    os._exit(EXIT_INTERRUPTED)


def _end_when_interrupted(wakeup: int) -> None:
    """End the process once the wakeup pipe says SIGINT came (each byte is a signal's number)."""
    import signal

    while signal.SIGINT not in os.read(wakeup, 512):
        pass
    os._exit(EXIT_INTERRUPTED)
