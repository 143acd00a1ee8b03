"""A GitLab CI hidden job (a key starting with `.`) never runs: what its script calls creates nothing. A job
that `extends:` it (or several, in order, the last winning) runs its `script:`, `before_script:` and
`variables:` under its own: mappings merged key by key, lists replaced. A `!reference [.job, script]` tag
inserts the commands it names, and YAML's `<<:` merges a template's keys under the job's own."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import ServiceRegion

TEMPLATE = """\
.deploy-template:
  variables:
    SERVICE: templatesvc
    REGION: West US
  before_script:
    - azure config mode asm
  script:
    - azure service create $SERVICE --location "$REGION"
"""


def lint(tmp_path, monkeypatch, pipeline: str):
    return lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG601", dedent=False)


def services(result) -> list[tuple[str, str]]:
    document = next(d for d in result.documents if d.path == ".gitlab-ci.yml")
    return [(r.service, r.location) for r in document.resources if isinstance(r, ServiceRegion)]


def test_a_hidden_job_alone_creates_nothing(tmp_path, monkeypatch):
    result = lint(tmp_path, monkeypatch, TEMPLATE)
    assert services(result) == []
    assert where(result.findings) == []


def test_a_job_that_extends_a_template_runs_its_script_with_the_variables_merged(tmp_path, monkeypatch):
    pipeline = TEMPLATE + "deploy:\n  extends: .deploy-template\n  variables:\n    SERVICE: shopsvc\n"
    result = lint(tmp_path, monkeypatch, pipeline)
    assert services(result) == [("shopsvc", "West US")]
    assert where(result.findings) == ["MIG601 .gitlab-ci.yml:8:7"]


def test_the_job_s_own_before_script_replaces_the_template_s(tmp_path, monkeypatch):
    pipeline = TEMPLATE + (
        "deploy:\n  extends: .deploy-template\n  before_script:\n    - azure config mode arm\n"
    )
    result = lint(tmp_path, monkeypatch, pipeline)
    assert where(result.findings) == []


def test_of_several_templates_the_last_one_wins(tmp_path, monkeypatch):
    pipeline = (
        ".arm:\n  before_script:\n    - azure config mode arm\n"
        ".asm:\n  before_script:\n    - azure config mode asm\n"
        "classic:\n  extends: [.arm, .asm]\n  script:\n    - azure service create one --location 'West US'\n"
        "modern:\n  extends: [.asm, .arm]\n  script:\n    - azure service create two --location 'West US'\n"
    )
    assert where(lint(tmp_path, monkeypatch, pipeline).findings) == ["MIG601 .gitlab-ci.yml:10:7"]


def test_a_template_that_extends_another_passes_its_keys_on(tmp_path, monkeypatch):
    pipeline = TEMPLATE + (
        ".production:\n  extends: .deploy-template\n  variables:\n    REGION: North Europe\n"
        "deploy:\n  extends: .production\n"
    )
    assert services(lint(tmp_path, monkeypatch, pipeline)) == [("templatesvc", "North Europe")]


def test_a_reference_tag_inserts_the_commands_it_names(tmp_path, monkeypatch):
    pipeline = TEMPLATE + (
        "deploy:\n  variables:\n    SERVICE: refsvc\n    REGION: East US\n"
        "  script:\n    - !reference [.deploy-template, before_script]\n"
        "    - !reference [.deploy-template, script]\n"
    )
    result = lint(tmp_path, monkeypatch, pipeline)
    assert services(result) == [("refsvc", "East US")]
    assert where(result.findings) == ["MIG601 .gitlab-ci.yml:8:7"]


def test_a_reference_to_nothing_is_read_as_no_command(tmp_path, monkeypatch):
    pipeline = "deploy:\n  script:\n    - !reference [.missing, script]\n    - !reference 5\n    - azure config mode asm\n"
    pipeline += "    - azure service create svc --location 'West US'\n"
    result = lint(tmp_path, monkeypatch, pipeline)
    assert services(result) == [("svc", "West US")]


def test_a_yaml_merge_key_puts_the_template_s_keys_under_the_job_s_own(tmp_path, monkeypatch):
    pipeline = (
        ".template: &template\n  variables:\n    SERVICE: mergedsvc\n  script:\n    - azure config mode asm\n"
        "    - azure service create $SERVICE --location 'West US'\n"
        "one:\n  <<: *template\n"
        "two:\n  <<: *template\n  variables:\n    SERVICE: ownsvc\n"
    )
    assert services(lint(tmp_path, monkeypatch, pipeline)) == [
        ("mergedsvc", "West US"),
        ("ownsvc", "West US"),
    ]


def test_jobs_that_extend_each_other_are_read_without_end(tmp_path, monkeypatch):
    pipeline = TEMPLATE + ".a:\n  extends: .b\n.b:\n  extends: [.a, .deploy-template]\njob:\n  extends: .a\n"
    assert services(lint(tmp_path, monkeypatch, pipeline)) == [("templatesvc", "West US")]
