"""`migcheck server` spoken to as an editor does: a real LSP session over the server process's stdio,
with Content-Length framing, and a timeout on every wait so a hung server fails instead of hanging CI."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

TIMEOUT = 20.0  # seconds per response
# The first answer waits on the interpreter starting and migcheck and pygls being imported, which a machine
# under heavy load (tests run in parallel beside other work) has taken past TIMEOUT; a hung server still fails.
START_TIMEOUT = 120.0
CSCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
ACL = f"""\
<ServiceConfiguration serviceName="shop" xmlns="{CSCFG_NS}">
  <Role name="Web"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office"/>
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web" endPoint="HttpsIn"
                   accessControl="office"/>
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
NO_ACL = f"""\
<ServiceConfiguration serviceName="shop" xmlns="{CSCFG_NS}">
  <Role name="Web"><Instances count="2"/></Role>
</ServiceConfiguration>
"""
CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpsIn" protocol="https" port="443"/></Endpoints>
  </WebRole>
</ServiceDefinition>
"""


class LspClient:
    """Just enough of an LSP client: requests with ids, notifications, and a reader thread that queues
    whatever the server sends."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "migcheck", "server"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
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
                return  # the server closed its output
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self._next_id += 1
        self.send({"id": self._next_id, "method": method, "params": params})
        timeout = START_TIMEOUT if method == "initialize" else TIMEOUT
        reply = self._wait(lambda m: m.get("id") == self._next_id and "method" not in m, timeout)
        assert "error" not in reply, reply["error"]
        return reply["result"]

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The next diagnostics published for `uri`."""
        message = self._wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return message["params"]["diagnostics"]

    def _wait(self, wanted, timeout: float = TIMEOUT) -> dict[str, Any]:
        while True:
            try:
                message = self.messages.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"no answer from the server within {timeout} s; stderr: {self._stderr()}")
            if "id" in message and "method" in message:  # a request from the server (e.g. registration)
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return message
            self.notifications.append(message)

    def _stderr(self) -> str:
        self.process.kill()
        assert self.process.stderr is not None
        return self.process.stderr.read().decode(errors="replace")[-2000:]

    def close(self) -> int:
        if self.process.poll() is None:
            self.request("shutdown", None)
            self.notify("exit", {})
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A project with the cloud service's definition on disk beside the configuration being edited."""
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "ServiceDefinition.csdef").write_text(CSDEF)
    (tmp_path / "shop" / "ServiceConfiguration.Cloud.cscfg").write_text(NO_ACL)
    return tmp_path


@pytest.fixture
def client(workspace: Path):
    # Started outside the project: the server must find it from the workspace folder, not from its cwd.
    lsp = LspClient(workspace.parent)
    lsp.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": workspace.as_uri(),
            "workspaceFolders": [{"uri": workspace.as_uri(), "name": "shop"}],
            "capabilities": {
                "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
            },
        },
    )
    lsp.notify("initialized", {})
    yield lsp
    lsp.close()


def open_document(client: LspClient, uri: str, text: str) -> list[dict[str, Any]]:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "xml", "version": 1, "text": text}},
    )
    return client.diagnostics(uri)


def test_initialize_announces_what_the_server_does(workspace: Path):
    lsp = LspClient(workspace)
    try:
        result = lsp.request(
            "initialize", {"processId": None, "rootUri": workspace.as_uri(), "capabilities": {}}
        )
        capabilities = result["capabilities"]
        assert result["serverInfo"]["name"] == "migcheck"
        assert capabilities["hoverProvider"]
        assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
        assert capabilities["textDocumentSync"]["change"] == 2  # incremental
    finally:
        assert lsp.close() == 0


def test_a_session_with_diagnostics_a_code_action_and_hover(client: LspClient, workspace: Path):
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()

    # Opened with an endpoint ACL the saved file does not have: the buffer is what is linted.
    diagnostics = open_document(client, uri, ACL)
    assert [d["code"] for d in diagnostics] == ["MIG201"]
    acl = diagnostics[0]
    assert acl["source"] == "migcheck"
    assert acl["severity"] == 1  # Error
    assert "access control list 'office'" in acl["message"]
    # From the `<` of <EndpointAcl (line 10, column 7) to the end of its two-line start tag.
    assert acl["range"] == {
        "start": {"line": 9, "character": 6},
        "end": {"line": 10, "character": 43},
    }

    # Quick fix: the suppression comment on its own line before the element, indented like it.
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": acl["range"], "context": {"diagnostics": [acl]}},
    )
    assert [a["kind"] for a in actions] == ["quickfix"]
    assert actions[0]["diagnostics"] == [acl]
    assert actions[0]["edit"]["changes"] == {
        uri: [
            {
                "range": {"start": {"line": 9, "character": 0}, "end": {"line": 9, "character": 0}},
                "newText": "      <!-- migcheck: ignore[MIG201] reason -->\n",
            }
        ]
    }

    # Hover over the diagnostic: the rule's documentation, as `migcheck rule MIG201` prints it.
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 9, "character": 10}}
    )
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"].startswith("## MIG201 endpoint-acl")
    assert "### What it finds" in hover["contents"]["value"]
    assert (
        client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}
        )
        is None
    )

    # An edit that removes the ACL clears the diagnostics.
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [
                {
                    "range": {"start": {"line": 2, "character": 0}, "end": {"line": 13, "character": 0}},
                    "text": "",
                }
            ],
        },
    )
    assert client.diagnostics(uri) == []


def test_applying_the_quick_fix_silences_the_finding(client: LspClient, workspace: Path):
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    acl = open_document(client, uri, ACL)[0]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": acl["range"], "context": {"diagnostics": [acl]}},
    )
    edit = actions[0]["edit"]["changes"][uri][0]
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        },
    )
    assert client.diagnostics(uri) == []


def test_cross_file_findings_come_from_the_project_on_disk(client: LspClient, workspace: Path):
    # The csdef on disk defines role Web only: a role Api in the buffer points at nothing.
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    diagnostics = open_document(client, uri, NO_ACL.replace('"Web"', '"Api"'))
    assert [(d["code"], d["severity"]) for d in diagnostics] == [("MIG003", 2)]  # Warning
    assert "'Api'" in diagnostics[0]["message"]

    # Saving a file elsewhere re-lints what is open: the csdef now defines Api.
    (workspace / "shop" / "ServiceDefinition.csdef").write_text(CSDEF.replace('"Web"', '"Api"'))
    csdef_uri = (workspace / "shop" / "ServiceDefinition.csdef").as_uri()
    client.notify("textDocument/didSave", {"textDocument": {"uri": csdef_uri}})
    assert client.diagnostics(uri) == []


def test_closing_a_document_clears_its_diagnostics(client: LspClient, workspace: Path):
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    assert open_document(client, uri, ACL)
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_ranges_are_in_utf16_code_units(client: LspClient, workspace: Path):
    # 😋 is one code point but two UTF-16 units, the LSP default: the element starts at unit 17, not 16.
    text = ACL.replace('      <EndpointAcl role="Web"', '      <!-- 😋 --><EndpointAcl role="Web"')
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    (diagnostic,) = open_document(client, uri, text)
    assert diagnostic["range"]["start"] == {"line": 9, "character": 17}

    # Not first on its line: the suppression comment goes right before its `<`, where it still applies.
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        },
    )
    (edit,) = actions[0]["edit"]["changes"][uri]
    assert edit == {
        "range": {"start": {"line": 9, "character": 17}, "end": {"line": 9, "character": 17}},
        "newText": "<!-- migcheck: ignore[MIG201] reason -->",
    }
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        },
    )
    assert client.diagnostics(uri) == []


def test_a_buffer_broken_mid_edit_gets_a_syntax_diagnostic(client: LspClient, workspace: Path):
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    (diagnostic,) = open_document(
        client, uri, f'<ServiceConfiguration xmlns="{CSCFG_NS}">\n  <Role name="Web"\n'
    )
    assert diagnostic["code"] == "MIG001"
    assert diagnostic["range"]["start"]["line"] >= 1  # where the parser gave up, not the top of the file


def test_the_config_baseline_is_honoured(client: LspClient, workspace: Path, monkeypatch: pytest.MonkeyPatch):
    from migcheck.cli import main

    # The ACL recorded in a baseline from the saved file, as `migcheck check` writes it from the root.
    cscfg = workspace / "shop" / "ServiceConfiguration.Cloud.cscfg"
    cscfg.write_text(ACL)
    monkeypatch.chdir(workspace)
    assert main(["check", ".", "--write-baseline", "ci/baseline.json"]) == 0
    (workspace / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "ci/baseline.json"\n')
    assert open_document(client, cscfg.as_uri(), ACL) == []

    # A baseline that cannot be read is said once, in a message naming it; nothing is published.
    (workspace / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "ci/missing.json"\n')
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": cscfg.as_uri(), "version": 2},
            "contentChanges": [{"text": ACL.replace("office", "office2")}],
        },
    )
    message = client._wait(lambda m: m.get("method") == "window/showMessage")
    assert "cannot read baseline ci/missing.json" in message["params"]["message"]
    # What to do is what an editor user can do: the command line writes the baseline, the editor cannot.
    said = message["params"]["message"]
    assert "run `migcheck check --write-baseline " in said and said.endswith("` in the workspace folder")


# --- the server stays in its workspace, and answers while it lints ----------------------------------------


def _publishes(client: LspClient, uri: str) -> list[dict[str, Any]]:
    return [
        m["params"]
        for m in client.notifications
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    ]


def test_a_document_outside_the_workspace_is_linted_alone(
    client: LspClient, workspace: Path, tmp_path_factory
):
    outside = tmp_path_factory.mktemp("outside")
    # Its folder has a config that would stop any lint, and a definition that would resolve its role:
    # neither may be read.
    (outside / "pyproject.toml").write_text('[tool.migcheck]\nselect = ["NOT-A-RULE"]\n')
    (outside / "ServiceDefinition.csdef").write_text(CSDEF.replace('"Web"', '"Api"'))
    uri = (outside / "ServiceConfiguration.Cloud.cscfg").as_uri()
    diagnostics = open_document(client, uri, ACL)
    # MIG101 on the buffer (no definition says where the role is), and no MIG003: the csdef beside it,
    # which names another role, was not read.
    assert [d["code"] for d in diagnostics] == ["MIG101", "MIG201"]
    assert not [m for m in client.notifications if m.get("method") == "window/showMessage"]


@pytest.mark.skipif(not Path("/proc/self/cwd").exists(), reason="needs /proc to see the server's folder")
def test_the_server_never_changes_directory(client: LspClient, workspace: Path):
    before = os.readlink(f"/proc/{client.process.pid}/cwd")
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    assert open_document(client, uri, ACL)
    assert os.readlink(f"/proc/{client.process.pid}/cwd") == before == str(workspace.parent)


def test_a_change_storm_lints_the_latest_version_and_requests_are_answered(
    client: LspClient, workspace: Path
):
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    open_document(client, uri, NO_ACL)
    for version in range(2, 42):
        text = ACL if version == 41 else NO_ACL.replace('"Web"', f'"Web{version}"')
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    # Answered at once, while the lint of the storm is still to come.
    assert (
        client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
        )
        is None
    )
    diagnostics = client.diagnostics(uri)
    assert [d["code"] for d in diagnostics] == ["MIG201"]
    published = [p for p in _publishes(client, uri) if p.get("version", 1) > 1]
    assert len(published) <= 2  # not one lint per keystroke
    assert all("Web4" not in str(p) for p in published)


def test_a_buffer_with_a_lone_surrogate_gets_diagnostics(client: LspClient, workspace: Path):
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    diagnostics = open_document(client, uri, NO_ACL.replace('"shop"', '"sh\ud800op"'))
    assert [d["code"] for d in diagnostics] == ["MIG001"]
    assert diagnostics[0]["range"]["start"]["line"] == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_code_action_on_an_unopened_named_pipe_does_not_block(client: LspClient, workspace: Path):
    pipe = workspace / "shop" / "pipe.cscfg"
    os.mkfifo(pipe)
    diagnostic = {
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
        "message": "m",
        "code": "MIG201",
        "source": "migcheck",
    }
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": pipe.as_uri()},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        },
    )
    assert actions == []


NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Web"><AddressPrefix>10.1.1.00/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
VM = """\
<PersistentVM>
  <RoleName>sql01</RoleName>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>
        <InputEndpoint>
          <Name>SQL</Name><Port>1433</Port><Protocol>tcp</Protocol>
          <EndpointAccessControlList>
            <Rules><AccessControlListRule><Order>1</Order><Action>permit</Action><RemoteSubnet>10.0.0.0/8</RemoteSubnet></AccessControlListRule></Rules>
          </EndpointAccessControlList>
        </InputEndpoint>
      </InputEndpoints>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVM>
"""


def code_actions(client: LspClient, uri: str, diagnostic: dict[str, Any]) -> list[dict[str, Any]]:
    return client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        },
    )


def test_the_fix_of_a_finding_is_a_preferred_quick_fix(client: LspClient, workspace: Path):
    uri = (workspace / "NetworkConfig.netcfg").as_uri()
    (prefix,) = open_document(client, uri, NETCFG)
    assert prefix["code"] == "MIG304"
    # From the `<` of <AddressPrefix> to the end of its start tag.
    assert prefix["range"] == {"start": {"line": 5, "character": 36}, "end": {"line": 5, "character": 51}}

    fix, suppress = code_actions(client, uri, prefix)
    assert fix["title"] == "Replace '10.1.1.00/24' with '10.1.1.0/24'"
    assert fix["isPreferred"] is True and fix["diagnostics"] == [prefix]
    assert fix["edit"]["changes"] == {
        uri: [
            {
                "range": {"start": {"line": 5, "character": 51}, "end": {"line": 5, "character": 63}},
                "newText": "10.1.1.0/24",
            }
        ]
    }
    assert suppress["title"].startswith("Suppress MIG304")

    (edit,) = fix["edit"]["changes"][uri]
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        },
    )
    assert client.diagnostics(uri) == []


def test_an_unsafe_fix_says_so_and_is_not_preferred(client: LspClient, workspace: Path):
    uri = (workspace / "sql01.xml").as_uri()
    (acl,) = [d for d in open_document(client, uri, VM) if d["code"] == "MIG201"]
    fix, _ = code_actions(client, uri, acl)
    assert fix["title"] == "Remove the access control list of endpoint 'SQL' (unsafe)"
    assert not fix.get("isPreferred")
    # The whole element, with its lines: from the start of line 9 to the start of line 12.
    assert fix["edit"]["changes"][uri] == [
        {"range": {"start": {"line": 8, "character": 0}, "end": {"line": 11, "character": 0}}, "newText": ""}
    ]


def test_no_fix_is_offered_for_an_edited_document_until_it_is_linted_again(
    client: LspClient, workspace: Path
):
    uri = (workspace / "NetworkConfig.netcfg").as_uri()
    (prefix,) = open_document(client, uri, NETCFG)
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "<!-- -->\n" + NETCFG}]},
    )
    # Asked before the new version is linted: the old edits' positions would be wrong.
    titles = [a["title"] for a in code_actions(client, uri, prefix)]
    assert not any(t.startswith("Replace") for t in titles)


def _session(workspace: Path) -> LspClient:
    lsp = LspClient(workspace)
    lsp.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": workspace.as_uri(),
            "workspaceFolders": [{"uri": workspace.as_uri(), "name": "shop"}],
            "capabilities": {},
        },
    )
    lsp.notify("initialized", {})
    return lsp


def test_the_next_server_takes_the_files_unchanged_from_the_store_the_last_one_left(
    workspace: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("MIGCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    first = _session(workspace)
    expected = open_document(first, uri, NO_ACL.replace('"Web"', '"Api"'))
    assert first.close() == 0
    (stored,) = Path(os.environ["MIGCHECK_CACHE_DIR"], "documents").glob("*.json")
    kept = json.loads(stored.read_text())["documents"]
    assert {
        os.path.join("shop", "ServiceConfiguration.Cloud.cscfg"),
        os.path.join("shop", "ServiceDefinition.csdef"),
    } <= {entry[0] for entry in kept.values()}

    # The store names the csdef's role Api: the next server's cross-file finding is gone only if it took
    # the document from the store rather than reading the file.
    csdef = next(key for key, entry in kept.items() if entry[0].endswith(".csdef"))
    kept[csdef][4] = kept[csdef][4].replace('"Web"', '"Api"')
    stored.write_text(json.dumps({**json.loads(stored.read_text()), "documents": kept}))
    second = _session(workspace)
    assert expected and open_document(second, uri, NO_ACL.replace('"Web"', '"Api"')) == []
    assert second.close() == 0

    # A file changed since is read again.
    (workspace / "shop" / "ServiceDefinition.csdef").write_text(CSDEF + "\n")
    third = _session(workspace)
    assert open_document(third, uri, NO_ACL.replace('"Web"', '"Api"')) == expected
    assert third.close() == 0


def _mark_kept_findings(stored: Path) -> None:
    """Prefix the message of every finding the store kept with "kept: ", to tell them from a lint's."""
    kept = json.loads(stored.read_text())
    for preview in kept["findings"].values():
        for path, text in preview["findings"].items():
            findings = json.loads(text)
            for finding in findings:
                finding[5] = "kept: " + finding[5]  # ["d", "Finding", code, name, severity, message, ...]
            preview["findings"][path] = json.dumps(findings)
    stored.write_text(json.dumps(kept))


@pytest.fixture
def sessions(workspace: Path):
    """Start servers in the workspace one after another (`_session`); each is closed at the end, even when
    the test fails before it closes them itself, so no server outlives it."""
    started: list[LspClient] = []

    def start() -> LspClient:
        started.append(_session(workspace))
        return started[-1]

    yield start
    for lsp in started:
        lsp.close()


def test_a_document_opened_unchanged_shows_the_findings_kept_then_the_lint_of_the_workspace(
    workspace: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, sessions
):
    monkeypatch.setenv("MIGCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    cscfg = workspace / "shop" / "ServiceConfiguration.Cloud.cscfg"
    cscfg.write_text(ACL)
    first = sessions()
    expected = open_document(first, cscfg.as_uri(), ACL)
    assert expected and first.close() == 0
    (stored,) = Path(os.environ["MIGCHECK_CACHE_DIR"], "documents").glob("*.json")
    _mark_kept_findings(stored)

    # Unchanged: what the last server kept comes first, then the lint of the workspace read again.
    second = sessions()
    shown = open_document(second, cscfg.as_uri(), ACL)
    assert [d["message"] for d in shown] == ["kept: " + d["message"] for d in expected]
    assert [d["range"] for d in shown] == [d["range"] for d in expected]
    assert second.diagnostics(cscfg.as_uri()) == expected
    assert second.close() == 0

    # The shutdown kept them again, from its own lint.
    _mark_kept_findings(stored)
    # A buffer that is not the file as saved shows only its lint.
    third = sessions()
    assert open_document(third, cscfg.as_uri(), ACL + "\n") == expected
    assert third.close() == 0

    # A file of the project changed since, the document's or another's: only the lint.
    _mark_kept_findings(stored)
    (workspace / "shop" / "ServiceDefinition.csdef").write_text(CSDEF + "\n")
    fourth = sessions()
    assert open_document(fourth, cscfg.as_uri(), ACL) == expected
    assert fourth.close() == 0
