"""A CI pipeline's YAML that breaks is read as any YAML file is, to say where: its MIG001 told the user that
Ansible refuses the file. It now says that the CI service refuses the pipeline and runs none of its jobs; a
playbook's still says Ansible."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import check_json

BROKEN = {
    "azure-pipelines.yml": (
        "steps:\n- script: azure vm create svc img u p\n  env: [a\n",
        "the CI service refuses",
    ),
    ".github/workflows/deploy.yml": (
        "jobs:\n  a:\n    steps:\n    - run: azure vm create svc img u p\n      x: [a\n",
        "the CI service refuses",
    ),
    "playbook.yml": (
        "- hosts: all\n  tasks:\n  - command: azure vm create svc img u p\n    x: [a\n",
        "Ansible refuses",
    ),
}


@pytest.mark.parametrize("name", BROKEN)
def test_a_yaml_file_that_breaks_is_said_refused_by_what_runs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
):
    text, refused = BROKEN[name]
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    code, findings = check_json(capsys, str(tmp_path))
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["path"].endswith(name)) == ("MIG001", True)
    assert finding["message"].startswith("the YAML file cannot be read here: ")
    assert finding["fix"].endswith(
        f"{refused} "
        + ("the pipeline as it is and runs none of its jobs." if "CI" in refused else "the file as it is.")
    )
