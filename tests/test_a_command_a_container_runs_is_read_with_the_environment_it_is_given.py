"""A command a shell script has a container run (`docker run --rm microsoft/azure-cli azure vm shutdown web1`,
`docker container run`, `docker exec`, `podman`) is read as the words it is, each where the script writes it:
a classic command there is the script's. The container sees only the environment its `-e NAME=value`
(`--env=NAME=value`) gives it, and the script's value of an exported `NAME` for `-e NAME`; a script file it
runs by its path is the container's, not followed. Another subcommand, and a container that runs its image's
own command, run nothing the script states."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment

SHUTDOWN = {
    "docker run": (
        "docker run --rm -v $HOME/.azure:/root/.azure microsoft/azure-cli azure vm shutdown web1",
        66,
    ),
    "docker run, bash -c": ("docker run --rm microsoft/azure-cli bash -c 'azure vm shutdown web1'", 37),
    "docker exec": ("docker exec -it ctr azure vm shutdown web1", 21),
    "podman, global option": ("podman --log-level=info run -d img azure vm shutdown web1", 36),
    "the image's own command": ("docker run --rm microsoft/azure-cli", None),
    "another subcommand": ("docker pull microsoft/azure-cli", None),
    "not classic": ("docker run --rm img az vm list", None),
}


@pytest.mark.parametrize("case", SHUTDOWN)
def test_a_classic_command_a_container_runs_is_the_script_s(tmp_path, monkeypatch, case):
    line, column = SHUTDOWN[case]
    result = lint_files(tmp_path, monkeypatch, {"run.sh": f"#!/bin/bash\n{line}\n"}, "MIG601", dedent=False)
    assert where(result.findings) == ([f"MIG601 run.sh:2:{column}"] if column else [])


CREATE = "azure vm create \"$SVC\" img ops 'Pa55w.rd!' -l West"


@pytest.mark.parametrize(
    ("line", "seen"),
    [
        (f"docker run --rm -e SVC=other img bash -c '{CREATE}'", ["other"]),
        (f"docker run --rm --env=SVC=other img bash -c '{CREATE}'", ["other"]),
        (f"docker run --rm -e SVC img bash -c '{CREATE}'", ["shop"]),
        (f"docker run --rm img bash -c '{CREATE}'", []),
        (f"docker run --rm -e SVC=other img {CREATE}", ["shop"]),  # filled in here, before docker runs
    ],
    ids=["set", "set, --env=", "passed on", "not given", "filled in by the script"],
)
def test_the_container_sees_the_environment_it_is_given_alone(tmp_path, monkeypatch, line, seen):
    result = lint_files(
        tmp_path, monkeypatch, {"run.sh": f"#!/bin/bash\nexport SVC=shop\n{line}\n"}, dedent=False
    )
    services = [r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment)]
    assert len(services) == 1
    assert [name for name in services if name and not name.startswith("<")] == seen


def test_a_script_file_a_container_runs_by_its_path_is_the_container_s(tmp_path, monkeypatch):
    files = {
        "c.sh": "#!/bin/bash\nazure vm shutdown web1\n",
        "run.sh": "#!/bin/bash\ndocker run --rm img ./c.sh\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 c.sh:2:1"]
    assert "Shell script 'c.sh' uses" in result.findings[0].message
