"""A Python script that runs the classic CLI's command lines through Fabric (`fabric.api.local(...)`, `from
fabric.api import local`) or in an Invoke task (`@task def deploy(c): c.run(...)`) runs them by a shell, as
`os.system` does: they are read as the CLI, where the file was said to hold nothing classic."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SCRIPTS = {
    "fabric.api.local": """\
        import fabric.api

        fabric.api.local("azure service create --location 'West US' shop")
        """,
    "fabric's local imported by name": """\
        from fabric.api import local as run_locally

        run_locally("azure service create --location 'West US' shop")
        """,
    "the run of an Invoke task's context": """\
        from invoke import task

        @task(help={"name": "the service"})
        def deploy(ctx):
            ctx.run("azure service create --location 'West US' shop")
        """,
}


@pytest.mark.parametrize("case", SCRIPTS)
def test_the_command_line_is_read_as_the_classic_cli(tmp_path, monkeypatch, case: str) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": SCRIPTS[case]}, "MIG601")
    (finding,) = result.findings
    assert "uses the classic Azure CLI in asm mode (azure service create)" in finding.message


def test_a_run_method_of_anything_else_runs_nothing(tmp_path, monkeypatch) -> None:
    text = """\
        from invoke import task

        def deploy(ctx):
            ctx.run("azure service create --location 'West US' shop")
        """
    assert not lint_files(tmp_path, monkeypatch, {"deploy.py": text}, "MIG601").findings
