"""A CI step's condition made of values the file states is decided as the service decides it: Azure Pipelines'
`condition:` with `and()`, `or()`, `not()`, `eq()`, `ne()` of stated variables and parameters, its `${{ if }}`,
`${{ elseif }}` and `${{ else }}` keys (the branch taken inserted, the others never), GitHub Actions' `if:` of
literals. One that depends on a value the file does not state (`variables['Build.Reason']`, `github.ref`) may
hold or not, as a shell `if` the reader cannot decide."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Script

SERVICE = "azure service create {} --location 'West US'"


def _runs(tmp_path, monkeypatch, name: str, text: str) -> dict[str, str]:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601", dedent=False)
    document = next(d for d in result.documents if d.path == name)
    lines = text.splitlines()
    calls = [c for r in document.resources if isinstance(r, Script) for c in r.calls]
    return {lines[c.mark.line - 1].split("create ")[1].split()[0]: c.runs for c in calls}


AZURE = f"""\
parameters:
  - name: env
    default: prod
variables:
  region: west
steps:
  - ${{{{ if eq(parameters.env, 'prod') }}}}:
    - script: {SERVICE.format("ifsvc")}
  - ${{{{ else }}}}:
    - script: {SERVICE.format("elsesvc")}
  - ${{{{ if eq(parameters.env, 'dev') }}}}:
    - script: {SERVICE.format("devsvc")}
  - ${{{{ elseif eq(variables['Build.Reason'], 'Manual') }}}}:
    - script: {SERVICE.format("manualsvc")}
  - ${{{{ else }}}}:
    - script: {SERVICE.format("othersvc")}
  - script: {SERVICE.format("andsvc")}
    condition: and(succeeded(), ne(variables.region, 'west'))
  - script: {SERVICE.format("orsvc")}
    condition: or(eq(variables.region, 'west'), eq(variables['Build.Reason'], 'Manual'))
  - script: {SERVICE.format("notsvc")}
    condition: not(eq('${{{{ parameters.env }}}}', 'prod'))
  - script: {SERVICE.format("unknownsvc")}
    condition: and(succeeded(), eq(variables['Build.Reason'], 'Manual'))
"""


def test_azure_pipelines_conditions_of_stated_values_are_decided(tmp_path, monkeypatch):
    runs = _runs(tmp_path, monkeypatch, "azure-pipelines.yml", AZURE)
    assert runs == {
        "ifsvc": "",
        "elsesvc": "never",
        "devsvc": "never",
        "manualsvc": "maybe",
        "othersvc": "maybe",
        "andsvc": "never",
        "orsvc": "",
        "notsvc": "never",
        "unknownsvc": "maybe",
    }


def test_a_conditional_key_in_a_mapping_inserts_its_branch(tmp_path, monkeypatch):
    pipeline = f"""\
parameters:
  - name: env
    default: dev
jobs:
  - job: deploy
    ${{{{ if eq(parameters.env, 'prod') }}}}:
      steps:
        - script: {SERVICE.format("prodsvc")}
    ${{{{ else }}}}:
      steps:
        - script: {SERVICE.format("devsvc")}
"""
    assert _runs(tmp_path, monkeypatch, "azure-pipelines.yml", pipeline) == {"prodsvc": "never", "devsvc": ""}


def test_a_github_actions_if_of_literals_is_decided(tmp_path, monkeypatch):
    workflow = f"""\
jobs:
  d:
    runs-on: ubuntu-latest
    steps:
      - if: ${{{{ 'prod' == 'dev' }}}}
        run: {SERVICE.format("neversvc")}
      - if: ${{{{ !(1 == 2) && true }}}}
        run: {SERVICE.format("surelysvc")}
      - if: github.ref == 'refs/heads/main' || false
        run: {SERVICE.format("maybesvc")}
"""
    runs = _runs(tmp_path, monkeypatch, ".github/workflows/d.yml", workflow)
    assert runs == {"neversvc": "never", "surelysvc": "", "maybesvc": "maybe"}
