"""A Dockerfile's `RUN` lines are read as the shell the image runs them in reads them: the shell form with its
lines joined as Docker joins them (`\\`, or the escape a `# escape=` directive names) and Docker's options
before the command; the exec form's JSON words, a shell's `-c` script (PowerShell's `-Command`) read at the
characters the string writes; `SHELL ["pwsh", "-Command"]` making the lines after it PowerShell's; `ARG` and
`ENV` values the variables of the lines after them. Every word is shown where the Dockerfile writes it.
Dockerfiles were not read at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment, ServiceRegion

FROM = "FROM mcr.microsoft.com/azure-cli\n"
CREATE = "azure vm create shop img ops P@ss -n web1 -l 'West US'"


def _where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings)


def _column(text: str, line: int, word: str) -> int:
    return text.splitlines()[line - 1].index(word) + 1


def test_a_run_line_continued_over_lines_keeps_each_word_where_it_is_written(tmp_path, monkeypatch):
    dockerfile = (
        FROM
        + "RUN azure config mode asm && \\\n    # Docker's own comment\n    "
        + CREATE
        + " \\\n      -w app-vnet -b web,data\n"
    )
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202", "MIG601") == [
        "MIG601 Dockerfile:4:5",
        f"MIG202 Dockerfile:5:{_column(dockerfile, 5, 'data')}",
    ]


def test_the_escape_a_directive_names_continues_a_line(tmp_path, monkeypatch):
    dockerfile = "# escape=`\n" + FROM + "RUN " + CREATE + " `\n    -w app-vnet -b web,data\n"
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:4:{_column(dockerfile, 4, 'data')}"
    ]


def test_docker_s_options_before_the_command_are_not_the_command_s(tmp_path, monkeypatch):
    dockerfile = (
        FROM + "RUN --mount=type=secret,id=azure --network=host " + CREATE + " -w app-vnet -b web,data\n"
    )
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:2:{_column(dockerfile, 2, 'data')}"
    ]


def test_a_shell_s_script_in_the_exec_form_is_read_at_the_characters_its_string_writes(tmp_path, monkeypatch):
    dockerfile = (
        FROM + 'RUN ["bash", "-c", "azure config mode asm && ' + CREATE + ' -w \\"app-vnet\\" -b web,data"]\n'
    )
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:2:{_column(dockerfile, 2, 'data')}"
    ]


def test_a_program_in_the_exec_form_is_given_its_words(tmp_path, monkeypatch):
    command = "azure vm create shop img ops P@ss -n web1 -w app-vnet -b web,data"
    words = ", ".join(f'"{word}"' for word in command.split(" "))
    dockerfile = FROM + f"RUN [{words}]\n"
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:2:{_column(dockerfile, 2, 'data')}"
    ]


def test_run_lines_after_a_powershell_shell_instruction_are_powershell_s(tmp_path, monkeypatch):
    cmdlet = (
        "New-AzureVM -ServiceName shop -VNetName app-vnet -VMs (New-AzureVMConfig -Name web1 -InstanceSize Small"
        " -ImageName img | Set-AzureSubnet -SubnetNames web,data)"
    )
    dockerfile = FROM + 'SHELL ["pwsh", "-Command"]\nRUN ' + cmdlet + "\n"
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:3:{_column(dockerfile, 3, 'data')}"
    ]
    back = (
        FROM
        + 'SHELL ["pwsh", "-Command"]\nSHELL ["/bin/sh", "-c"]\nRUN '
        + CREATE
        + " -w app-vnet -b web,data\n"
    )
    assert _where(tmp_path / "back", monkeypatch, {"Dockerfile": back}, "MIG202") == [
        f"MIG202 Dockerfile:4:{_column(back, 4, 'data')}"
    ]


def test_arg_and_env_values_are_the_variables_of_the_run_lines_after_them(tmp_path, monkeypatch):
    dockerfile = (
        FROM
        + "ARG SERVICE=shop\n"
        + 'ENV SUBNETS=web,data REGION="West US"\n'
        + "ENV NETWORK app-vnet\n"
        + 'RUN azure service create "$SERVICE" --location "$REGION"\n'
        + 'RUN azure vm create "$SERVICE" img ops P@ss -n web1 -w "$NETWORK" -b "$SUBNETS"\n'
    )
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:3:{_column(dockerfile, 3, 'data')}"
    ]
    resources = script_resources(dockerfile, "Dockerfile")
    assert [(r.service, r.location) for r in resources if isinstance(r, ServiceRegion)] == [
        ("shop", "West US")
    ]
    assert [
        (d.service_name, d.virtual_network.name if d.virtual_network else None)
        for d in resources
        if isinstance(d, Deployment)
    ] == [("shop", "app-vnet")]


def test_an_arg_with_no_value_is_a_value_not_stated():
    dockerfile = FROM + "ARG NETWORK\nRUN " + CREATE + ' -w "$NETWORK" -b web\n'
    [network] = [
        d.virtual_network for d in script_resources(dockerfile, "Dockerfile") if isinstance(d, Deployment)
    ]
    assert network is None or network.name.startswith("<")


def test_a_suppression_comment_covers_the_instruction_after_it_or_its_own_line(tmp_path, monkeypatch):
    dockerfile = (
        FROM
        + "# migcheck: ignore[MIG202] one subnet before the migration\n"
        + f"RUN {CREATE} -w app-vnet -b web,data\n"
        + f"RUN {CREATE.replace('web1', 'web2')} -w app-vnet -b web,data # migcheck: ignore[MIG202] likewise\n"
        + f"RUN {CREATE.replace('web1', 'web3')} -w app-vnet -b web,data\n"
    )
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:5:{_column(dockerfile, 5, 'data')}"
    ]


@pytest.mark.parametrize("name", ["Dockerfile", "Dockerfile.prod", "deploy/api.Dockerfile", "ops/dockerfile"])
def test_a_walk_reads_each_name_docker_builds_from(tmp_path, monkeypatch, name):
    files = {name: FROM + f"RUN {CREATE}\n"}
    assert _where(tmp_path, monkeypatch, files, "MIG105") == [f"MIG105 {name}:2:5"]


def _dockerfile(count: int) -> bytes:
    lines = [FROM]
    for i in range(count):
        lines.append(f"ENV NET{i}=vnet{i}\nARG SVC{i}=shop{i}\n")
        lines.append(f'RUN azure vm create "$SVC{i}" img ops P@ss -n web{i} \\\n    -w "$NET{i}" -b web\n')
    return "".join(lines).encode()


def test_a_dockerfile_of_many_instructions_is_read_in_linear_time():
    from migcheck.readers import dockerfile

    def make(count: int):
        data = _dockerfile(count)
        return lambda: dockerfile.read("Dockerfile", data)

    assert_linear(make, 200)


def test_an_arg_line_of_a_name_with_a_value_and_one_without_states_the_first():
    dockerfile = (
        FROM
        + 'ARG SERVICE="shop" NETWORK\nRUN '
        + CREATE.replace("shop", '"$SERVICE"')
        + ' -w "$NETWORK" -b web\n'
    )
    [(service, network)] = [
        (d.service_name, d.virtual_network)
        for d in script_resources(dockerfile, "Dockerfile")
        if isinstance(d, Deployment)
    ]
    assert service == "shop" and (network is None or network.name.startswith("<"))


def test_a_here_document_a_run_line_runs_is_read_as_its_shell_reads_it(tmp_path, monkeypatch):
    asm = "azure config mode asm\n"
    dockerfile = (
        FROM
        + f"RUN <<EOF\n{asm}{CREATE} -w app-vnet -b web,data\nEOF\n"  # the image's shell runs it
        + f"RUN <<'EOF' bash\n{asm}{CREATE.replace('web1', 'web2')} -w app-vnet -b web,data\nEOF\n"
        + "RUN <<-NOTE cat > /etc/motd && <<SCRIPT sh\n\tbuilt for the migration\n\tNOTE\n"
        + f"{asm}{CREATE.replace('web1', 'web3')} -w app-vnet -b web,data\nSCRIPT\n"
    )
    column = _column(dockerfile, 4, "data")
    assert _where(tmp_path, monkeypatch, {"Dockerfile": dockerfile}, "MIG202") == [
        f"MIG202 Dockerfile:{line}:{column}" for line in (4, 8, 14)
    ]


def test_a_run_line_runs_a_script_from_its_working_folder(tmp_path, monkeypatch):
    script = "azure config mode asm\nazure vm create shop img ops P@ss -n web1 -w app-vnet\n"
    uses = "Dockerfile 'Dockerfile' uses the classic Azure CLI in asm mode (in deploy/create.sh: azure vm create)"
    for workdir in (
        "WORKDIR deploy\n",
        "WORKDIR /app\nCOPY . .\nWORKDIR deploy\n",
        "COPY deploy/ /opt/\nWORKDIR /opt\n",
    ):
        files = {"deploy/create.sh": script, "Dockerfile": FROM + workdir + "RUN ./create.sh\n"}
        result = lint_files(tmp_path / str(len(workdir)), monkeypatch, files, "MIG601", dedent=False)
        assert [f.message.startswith(uses) for f in result.findings] == [True], workdir


def test_a_stage_starts_with_none_of_another_s_args_but_a_global_one_it_declares_again():
    dockerfile = (
        "ARG NETWORK=app-vnet\n"
        + FROM.replace("\n", " AS build\n")
        + "ARG NETWORK\nENV SUBNET=web\n"
        + f'RUN {CREATE} -w "$NETWORK" -b "$SUBNET"\n'
        + "FROM build AS test\n"  # built from the stage: its ENV
        + f'RUN {CREATE.replace("web1", "web2")} -w app-vnet -b "$SUBNET"\n'
        + FROM
        + f'RUN {CREATE.replace("shop", "other")} -w "$NETWORK" -b "$SUBNET"\n'
    )
    found = [
        (r.name, d.virtual_network.name if d.virtual_network else None, tuple(s.name for s in r.subnets))
        for d in script_resources(dockerfile, "Dockerfile")
        if isinstance(d, Deployment)
        for r in d.roles
    ]
    assert found[:2] == [("web1", "app-vnet", ("web",)), ("web2", "app-vnet", ("web",))]
    [(_, network, subnets)] = found[2:]
    assert all(value is None or value.startswith("<") for value in (network, *subnets))


def test_an_env_line_of_the_older_form_is_its_value_with_its_quotes_read():
    dockerfile = FROM + 'ENV REGION "West US"\nRUN azure service create shop --location "$REGION"\n'
    resources = script_resources(dockerfile, "Dockerfile")
    assert [(r.service, r.location) for r in resources if isinstance(r, ServiceRegion)] == [
        ("shop", "West US")
    ]


def _stages(count: int) -> bytes:
    lines = ["ARG NET=vnet\n"]
    for i in range(count):
        lines.append(f"FROM base AS s{i}\nARG NET\nWORKDIR /app/s{i}\nCOPY s{i}/ /app/s{i}/\n")
        lines.append(f'RUN <<EOF\nazure vm create shop img ops P@ss -n web{i} -w "$NET"\nEOF\n')
    lines.append("RUN " + " && ".join(f"<<H{i} sh" for i in range(count)) + "\n")
    lines += [f"azure vm create shop img ops P@ss -n h{i}\nH{i}\n" for i in range(count)]
    return "".join(lines).encode()


def test_a_dockerfile_of_many_stages_and_here_documents_is_read_in_linear_time():
    from migcheck.readers import dockerfile

    def make(count: int):
        data = _stages(count)
        return lambda: dockerfile.read("Dockerfile", data)

    assert_linear(make, 200)


@pytest.mark.parametrize("workdir", ["//", "//app", "/app/../../..", "$HOME"])
def test_a_workdir_of_any_form_is_read_to_its_end(workdir):
    from migcheck.readers import dockerfile

    data = f"{FROM}WORKDIR {workdir}\nRUN ./create.sh && {CREATE} -w app-vnet -b web\n".encode()
    assert dockerfile.read("Dockerfile", data).resources
