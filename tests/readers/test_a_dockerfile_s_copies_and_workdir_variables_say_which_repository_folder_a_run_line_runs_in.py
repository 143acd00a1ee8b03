"""Which folder of the repository a Dockerfile's `RUN ./create.sh` runs a script from is worked out as
BuildKit fills the image: `COPY --from=build` copies what a stage of the Dockerfile copied from the build's
context (from an image, or a stage that did not copy it, the folder is not stated); the JSON form `COPY
["deploy/", "/app/"]` and `ADD` alike; a folder of the repository copied without its `/` fills the folder it
is copied to; a `WORKDIR` or `COPY` path of `$VAR`, `${VAR}` or `${VAR:-/app}` is the value its `ARG` or
`ENV` states (one not stated, a `--build-arg`'s or the base image's, leaves the folder not stated). These
were a folder not stated, or the context's root."""

from __future__ import annotations

import pytest
from lint_support import lint_files

FROM = "FROM mcr.microsoft.com/azure-cli\n"
SCRIPT = "azure config mode asm\nazure vm create shop img ops P@ss -n web1 -w app-vnet\n"
USES = "Dockerfile 'Dockerfile' uses the classic Azure CLI in asm mode (in deploy/create.sh: azure vm create)"


def _runs_the_script(tmp_path, monkeypatch, dockerfile: str) -> bool:
    files = {"deploy/create.sh": SCRIPT, "create.sh": "echo no classic call\n", "Dockerfile": dockerfile}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    return [f.message.startswith(USES) for f in result.findings] == [True]


@pytest.mark.parametrize(
    "steps",
    [
        "FROM alpine AS build\nCOPY deploy/ /src/deploy/\n" + FROM + "COPY --from=build /src/deploy /app/\n",
        "FROM alpine AS build\nCOPY deploy /src/\n" + FROM + "COPY --from=build /src /app\n",
        "FROM alpine AS build\nCOPY . /src\n" + FROM + "COPY --from=0 /src/deploy/create.sh /app/\n",
        "FROM alpine AS Build\nCOPY deploy/ /src/\n" + FROM + "COPY --from=build --chmod=755 /src/ /app/\n",
        FROM + 'COPY ["deploy/", "/app/"]\n',
        FROM + 'COPY --chown=app ["deploy/create.sh", "/app/"]\n',
        FROM + "ADD deploy /app\n",
        FROM + "COPY deploy/create.sh deploy/other.sh /app/\n",
        FROM + "ARG APP=/app\nCOPY deploy/ $APP\n",
        FROM + "ENV APP_HOME=/app\nCOPY deploy/ ${APP_HOME}/\n",
    ],
)
def test_a_copy_fills_the_folder_the_run_line_runs_in(tmp_path, monkeypatch, steps):
    assert _runs_the_script(tmp_path, monkeypatch, steps + "WORKDIR /app\nRUN ./create.sh\n")


@pytest.mark.parametrize(
    ("declared", "workdir"),
    [
        ("ARG APP=/app", "$APP"),
        ("ENV APP=/app", "${APP}"),
        ("ENV APP /app", "$APP/"),
        ("ARG APP=/srv", "${APP:-/opt}\nWORKDIR ../app"),
        ('ARG ROOT=/\nARG APP="${ROOT}app"', "${APP}"),
    ],
)
def test_a_workdir_of_a_variable_its_arg_or_env_states_is_that_folder(
    tmp_path, monkeypatch, declared, workdir
):
    def dockerfile(declaration: str) -> str:
        return FROM + f"COPY deploy/ /app/\n{declaration}\nWORKDIR {workdir}\nRUN ./create.sh\n"

    assert _runs_the_script(tmp_path / "stated", monkeypatch, dockerfile(declared))
    # a `--build-arg` gives an `ARG` of no value, a base image an `ENV` the Dockerfile does not declare
    for unstated in ("ARG APP", ""):
        assert not _runs_the_script(tmp_path / f"not{len(unstated)}", monkeypatch, dockerfile(unstated))


@pytest.mark.parametrize(
    "steps",
    [
        "COPY --from=builder-image:1 /src/deploy /app/\n",  # an image's files
        "COPY --from=build /opt/tools /app/\n",  # a folder the stage did not copy
        "ADD deploy.tar.gz /app/\n",
    ],
)
def test_a_copy_from_outside_the_repository_leaves_the_folder_not_stated(tmp_path, monkeypatch, steps):
    dockerfile = "FROM alpine AS build\nCOPY deploy/ /src/deploy/\n" + FROM + "COPY . /app/\n"
    dockerfile += steps + "WORKDIR /app/deploy\nRUN ./create.sh\nWORKDIR /app\nRUN ./create.sh\n"
    assert not _runs_the_script(tmp_path, monkeypatch, dockerfile)


@pytest.mark.parametrize("source", ["deploy/create.sh", "deploy/", "./deploy/create.sh deploy/other.sh"])
def test_a_copy_of_parents_keeps_each_source_s_folders_below_its_destination(tmp_path, monkeypatch, source):
    """`COPY --parents deploy/create.sh /app/` puts the script at /app/deploy/create.sh: /app holds the
    context's root."""
    steps = FROM + f"COPY --parents {source} /app/\nWORKDIR /app/deploy\nRUN ./create.sh\n"
    assert _runs_the_script(tmp_path, monkeypatch, steps)
