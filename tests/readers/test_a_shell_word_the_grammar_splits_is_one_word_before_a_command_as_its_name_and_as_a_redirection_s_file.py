"""An unquoted shell word that expands a variable after other text and goes on past it (`$A/$B/x`), which the
grammar splits in two after its second `$`, is one word wherever bash reads a word: as a prefix assignment's
value before a command with arguments (`URL=$A/$B/x azure vm create ...`, which the grammar reads as a
command named `B/x`), as a command's name (`$DIR/$BIN/azure`), as the file of a redirection (`> $LOGS/$NAME.log`,
where the read failed) and of a here-string, in a script and in the command lines a CI step or a Dockerfile
runs, each finding at the command bash runs."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Script

CREATE = 'azure vm create $S-$S-web img azureuser Passw0rd! -l "West US"'
API = 'ENDPOINT="https://management.core.windows.net"\n'
CREATED = "POST management.core.windows.net/<subscription-id>/services/hostedservices"


@pytest.mark.parametrize(
    "prefix",
    ["X=$S/$S/x", "X=$S/$S/x Y=$S-$S-y", "X=$S/$S/x$S/$S/z", "X=$S/$S/x Y=2"],
    ids=["one", "two-split", "split-twice", "then-plain"],
)
def test_a_prefix_assignment_before_a_command_with_arguments_leaves_it_the_command(
    tmp_path, monkeypatch, prefix
):
    line = f"{prefix} {CREATE}"
    result = lint_files(tmp_path, monkeypatch, {"create.sh": f"S=shop\n{line}\n"}, "MIG105", dedent=False)
    assert [(f.location.line, f.location.column) for f in result.findings] == [(2, line.index("azure") + 1)]
    assert "cloud service 'shop-shop-web'" in result.findings[0].message


def test_the_command_sees_the_assignments_in_its_environment_not_the_script(tmp_path, monkeypatch):
    script = (
        f"{API}URL=$ENDPOINT/$SUB/services/hostedservices bash -c 'curl -X POST -E c.pem -d @d.xml $URL'\n"
        "curl -X POST -E c.pem -d @d.xml $URL\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG601", dedent=False)
    assert [f.location.line for f in result.findings] == [2]
    assert CREATED in result.findings[0].message


def test_a_command_named_by_such_a_word_is_the_command_it_names(tmp_path, monkeypatch):
    script = f"S=shop\nDIR=/opt\nBIN=bin\n$DIR/$BIN/{CREATE}\n"
    result = lint_files(tmp_path, monkeypatch, {"create.sh": script}, "MIG105", dedent=False)
    assert [(f.location.line, f.location.column) for f in result.findings] == [(4, 1)]


@pytest.mark.parametrize(
    "redirect",
    ["> $LOGS/$NAME.log", ">> $LOGS/$NAME.log 2>&1", "2> $LOGS/$NAME.err"],
    ids=["out", "append", "err"],
)
def test_a_redirection_to_such_a_word_is_read(tmp_path, monkeypatch, redirect):
    script = f"{API}curl -X POST -E c.pem -d @d.xml $ENDPOINT/$SUB/services/hostedservices {redirect}\n"
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, dedent=False)
    assert [(f.code, f.location.line) for f in result.findings] == [("MIG601", 2)]


def test_a_file_a_command_writes_whole_is_the_whole_word_it_names():
    script = (
        "DIR=out\nNAME=net\n"
        "cat > $DIR/$NAME.netcfg <<'EOF'\n<NetworkConfiguration/>\nEOF\n"
        "azure network import $DIR/$NAME.netcfg\n"
    )
    (read,) = [r for r in script_resources(script, "up.sh") if isinstance(r, Script)]
    assert read.unread == ()


def test_a_here_string_of_such_a_word_gives_the_command_no_word_more():
    script = f"S=shop\n{CREATE} <<< $S/$S/answers\n"
    (read,) = [r for r in script_resources(script, "create.sh") if isinstance(r, Script)]
    assert read.unread == ()  # no word left over past the positionals the command takes


@pytest.mark.parametrize(
    ("name", "text", "at"),
    [
        ("Dockerfile", f"FROM ubuntu\nRUN S=shop && X=$S/$S/x {CREATE}\n", (2, 25)),
        (
            ".github/workflows/deploy.yml",
            f"on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - run: |\n          S=shop\n          X=$S/$S/x {CREATE}\n",
            (8, 21),
        ),
    ],
    ids=["dockerfile", "ci-step"],
)
def test_a_command_line_another_file_runs_reads_such_a_prefix_alike(tmp_path, monkeypatch, name, text, at):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601", dedent=False)
    assert [(f.location.line, f.location.column) for f in result.findings] == [at]
