"""A Dockerfile's `COPY <<EOF /x.sh` (BuildKit) writes the here-document's lines to a file of the image, so a
later `RUN bash /x.sh` (`RUN /x.sh`, `RUN ["sh", "/x.sh"]`, `RUN chmod +x x.sh && ./x.sh` from the
`WORKDIR`) runs those lines: they are read as that script, in a shell of its own, each call shown where the
`COPY` writes it. The here-document's lines were read as a `COPY`'s source paths
and the `RUN` line ran a file of the image no one read."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

FROM = "FROM mcr.microsoft.com/azure-cli\n"
SCRIPT = "azure config mode asm\nazure vm create shop img ops P@ss -n web1 -w app-vnet -b web,data\n"
COPY = f"COPY <<EOF /opt/create.sh\n{SCRIPT}EOF\n"


def _found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dockerfile: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG601", "MIG202", dedent=False)
    return where(result.findings)


@pytest.mark.parametrize(
    "run",
    [
        "RUN bash /opt/create.sh data\n",
        "RUN /opt/create.sh data\n",
        'RUN ["sh", "-e", "/opt/create.sh", "data"]\n',
        "WORKDIR /opt\nRUN chmod +x create.sh && ./create.sh data\n",
        "WORKDIR /opt\nRUN set -e; bash create.sh data; echo done\n",
    ],
    ids=["bash", "by-path", "exec-form", "workdir", "among-others"],
)
def test_the_run_line_runs_the_here_document_s_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: str
) -> None:
    column = SCRIPT.splitlines()[1].index("data") + 1
    assert _found(tmp_path, monkeypatch, FROM + COPY + run) == [
        "MIG601 Dockerfile:4:1",
        f"MIG202 Dockerfile:4:{column}",
    ]


def test_a_here_document_copied_into_a_folder_is_named_by_its_delimiter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dockerfile = FROM + f"COPY <<create.sh /opt/\n{SCRIPT}create.sh\n" + "RUN sh /opt/create.sh data\n"
    assert _found(tmp_path, monkeypatch, dockerfile)[:1] == ["MIG601 Dockerfile:4:1"]


def test_a_file_no_here_document_wrote_runs_nothing_and_the_copy_alone_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _found(tmp_path, monkeypatch, FROM + COPY + "RUN bash /opt/other.sh data\n") == []
    assert _found(tmp_path, monkeypatch, FROM + COPY) == []
