"""How fast the language server answers on a large workspace: didOpen and didChange to diagnostics.

Usage::

    python benchmarks/editor.py [--estate DIR] [--changes 10] [--services N --vms M --vnets K --seed S]

Without ``--estate`` an estate of about 4,000 files is generated (``benchmarks/generate.py``) into a
temporary folder that is removed afterwards. ``migcheck server`` is started in the estate and spoken to over
its stdio as an editor does (JSON-RPC with Content-Length framing), for a ``.cscfg`` in the middle of the
estate:

- didOpen right after ``initialized``: the server reads the workspace once (it starts on ``initialized``),
  so this is the first file an editor opens. With the store a session before left, the server first shows
  the findings that session kept for the file (the workspace is unchanged), then publishes its own lint
  once it has read the workspace: both are timed ("first" and "first, linted");
- didChange, ``--changes`` times: an edit, to the diagnostics of that version, less the debounce the
  server waits for typing to pause (``DEBOUNCE_SECONDS``); the median and the worst;
- didOpen of another ``.cscfg``, unchanged, once the workspace is read.

Sessions run with a client whose file watcher reports changes on disk (dynamic registration of
``workspace/didChangeWatchedFiles``, as VS Code does) and with one that has none (the server then stats
the files it trusts every ``STAT_SECONDS``); each twice, in a cache folder of its own
(``MIGCHECK_CACHE_DIR``): with an empty document store, as the first time an editor opens the workspace,
then with the store that session left (``migcheck.store``), as every time after.

Then, in this process, where the time of one change goes: the walk, a stat of every file, reading from the
cache, link and rules of the whole estate, the filter and locating, with and without what the server keeps.

Bytecode caching is on as in an installed tool. This is a measurement, not a test: it exits 0 whatever
the figures are.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GENERATE = HERE / "generate.py"
TIMEOUT = 120.0


class Client:
    """An LSP client over a server process's stdio: enough to open, change and wait for diagnostics."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "migcheck", "server"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while (line := stream.readline().decode("ascii").strip()) != "":
                name, _, value = line.partition(":")
                headers[name.lower()] = value.strip()
            if "content-length" not in headers:
                return
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        wanted = self._next_id
        self.send({"id": wanted, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == wanted and "method" not in m).get("result")

    def wait(self, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
            if "id" in message and "method" in message:  # a request from the server: registration
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return message

    def diagnostics(self, uri: str, version: int) -> dict[str, Any]:
        return self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            )
        )

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", {})
            self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


def session(estate: Path, watcher: bool, changes: int, stored: bool) -> dict[str, Any]:
    """One editor session; times in seconds. With a `stored` store, the first open publishes twice."""
    from migcheck.server import DEBOUNCE_SECONDS

    cscfgs = sorted(estate.glob("services/*/*.Cloud.cscfg"))
    first, other = cscfgs[len(cscfgs) // 2], cscfgs[len(cscfgs) // 2 + 1]
    workspace: dict[str, Any] = {"didChangeWatchedFiles": {"dynamicRegistration": True}} if watcher else {}
    client = Client(estate)
    try:
        client.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": estate.as_uri(),
                "workspaceFolders": [{"uri": estate.as_uri(), "name": "estate"}],
                "capabilities": {"workspace": workspace},
            },
        )
        client.notify("initialized", {})
        opened = _open(client, first, publishes=2 if stored else 1)
        text, uri, latencies = first.read_text(), first.as_uri(), []
        for version in range(2, changes + 2):
            edited = text.replace(
                "</ServiceConfiguration>", f"<!-- edit {version} -->\n</ServiceConfiguration>"
            )
            started = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]},
            )
            client.diagnostics(uri, version)
            latencies.append(time.perf_counter() - started - DEBOUNCE_SECONDS)
        return {
            "didOpen first": opened[0],
            "didOpen first, linted": opened[-1],
            "didChange median": statistics.median(latencies),
            "didChange worst": max(latencies),
            "didOpen another": _open(client, other)[0],
        }
    finally:
        client.close()


def _open(client: Client, path: Path, publishes: int = 1) -> list[float]:
    """The times from didOpen to each of the first `publishes` diagnostics of the document."""
    started = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": path.as_uri(), "languageId": "xml", "version": 1, "text": path.read_text()}},
    )
    times = []
    for _ in range(publishes):
        client.diagnostics(path.as_uri(), 1)
        times.append(time.perf_counter() - started)
    return times


# --- where the time of one change goes ----------------------------------------------------------------------


def stages(estate: Path) -> list[tuple[str, float]]:
    """Each stage of one lint of a changed buffer, timed alone in this process (seconds, best of 3)."""
    from migcheck.config import enabled_codes, load_config
    from migcheck.engine import ReadCache, _run_rules, lint, walk
    from migcheck.estate import Grouping, link
    from migcheck.plugins import load_rules

    cscfgs = sorted(estate.glob("services/*/*.Cloud.cscfg"))
    path = str(cscfgs[len(cscfgs) // 2])
    config, rules, cache = load_config(start=str(estate)), load_rules(), ReadCache()
    root = [str(estate)]
    found = walk(root, config)
    documents = [cache.read(c) for c in found]
    cache.forget_unused()
    grouping = Grouping(config.cloud_services, config.local_configurations, config.subscriptions)
    estates = link(documents, grouping)
    enabled = enabled_codes(rules, config.select, config.ignore)
    buffer = Path(path).read_bytes()
    edits = iter(range(10**6))

    def changed() -> bytes:
        return buffer.replace(b"</ServiceConfiguration>", b"<!-- %d --></ServiceConfiguration>" % next(edits))

    def trusted() -> object:
        cache.verify = False
        return [cache.read(c) for c in found]

    def verified() -> object:
        cache.verify = True
        return [cache.read(c) for c in found]

    def kept_lint() -> object:
        cache.verify = False
        return lint(root, config, rules, stdin=changed(), stdin_path=path, cache=cache, walked=found)

    return [
        ("walk the folders", _best(lambda: walk(root, config))),
        ("stat every file (read cache, verifying)", _best(verified)),
        ("read cache, trusting the file watcher", _best(trusted)),
        ("link the estate", _best(lambda: link(documents, grouping))),
        ("every rule over it", _best(lambda: list(_run_rules(rules, enabled, estates)))),
        (
            "a whole lint, as before (walk, stat, link, rules)",
            _best(lambda: _before(root, config, rules, path, changed)),
        ),
        ("a whole lint, with what the server keeps", _best(kept_lint)),
    ]


def _before(root: list[str], config: Any, rules: Any, path: str, changed: Callable[[], bytes]) -> object:
    from migcheck.engine import ReadCache, lint

    cache = _before.__dict__.setdefault("cache", ReadCache())
    return lint(root, config, rules, stdin=changed(), stdin_path=path, cache=cache)


def _best(work: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


@contextmanager
def _estate(args: argparse.Namespace) -> Iterator[Path]:
    if args.estate:
        yield Path(args.estate).resolve()
        return
    folder = Path(tempfile.mkdtemp(prefix="migcheck-editor-"))
    try:
        estate = folder / "estate"
        counts = ["--services", str(args.services), "--vms", str(args.vms), "--vnets", str(args.vnets)]
        subprocess.run(
            [sys.executable, str(GENERATE), str(estate), *counts, "--seed", str(args.seed)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield estate
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--estate", help="an estate folder to use instead of generating one")
    parser.add_argument("--changes", type=int, default=10, help="edits timed per session")
    parser.add_argument("--services", type=int, default=1300, help="generated cloud services")
    parser.add_argument("--vms", type=int, default=96, help="generated Export-AzureVM files")
    parser.add_argument("--vnets", type=int, default=40, help="generated virtual networks")
    parser.add_argument("--seed", type=int, default=2017, help="generator seed")
    args = parser.parse_args(argv)
    if args.estate and not os.path.isdir(args.estate):  # one line, as run.py says it
        parser.exit(2, f"{parser.prog}: error: --estate {args.estate}: not a folder\n")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with _estate(args) as estate:
        files = sum(1 for p in estate.rglob("*") if p.is_file())
        print(f"workspace: {files:,} files in {estate}")
        with tempfile.TemporaryDirectory() as cache:
            os.environ["MIGCHECK_CACHE_DIR"] = cache  # the servers' document store, and no other
            for watcher in (True, False):
                for stored in (False, True):
                    if not stored:
                        shutil.rmtree(os.path.join(cache, "documents"), ignore_errors=True)
                    client = "with" if watcher else "without"
                    store = "kept by the session before" if stored else "empty"
                    print(f"\nmigcheck server, client {client} a file watcher, document store {store}:")
                    for label, seconds in session(estate, watcher, args.changes, stored).items():
                        print(f"  {label:<22} {seconds * 1000:8.0f} ms")
        print("\none change, stage by stage, in process (best of 3):")
        os.chdir(estate)  # the server's display paths are relative to where it runs
        for label, seconds in stages(estate):
            print(f"  {label:<52} {seconds * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
