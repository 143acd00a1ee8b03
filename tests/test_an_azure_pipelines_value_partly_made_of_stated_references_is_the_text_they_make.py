"""An Azure Pipelines value partly made of references to values the file states (a variable `$(prefix)-web`,
a template parameter given `api-${{ parameters.env }}`) is the text they make, each character shown where it
is written, as a value that is only a reference is; one with a part the file does not state (`$(secret)`) is
a value not stated, as the script's unstated parts are."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import ServiceRegion

PIPELINE = """\
parameters:
  - name: env
    default: prod
variables:
  prefix: shop
  web: $(prefix)-web
  vault: $(secret)-web
steps:
  - script: azure service create $(web) --location 'West US'
  - script: azure service create $(vault) --location 'West US'
  - template: templates/deploy.yml
    parameters:
      service: api-${{ parameters.env }}
"""
TEMPLATE = """\
parameters:
  - name: service
    default: none
steps:
  - pwsh: New-AzureService -ServiceName ${{ parameters.service }} -Location 'West US'
"""


def _services(tmp_path, monkeypatch):
    files = {"azure-pipelines.yml": PIPELINE, "templates/deploy.yml": TEMPLATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    document = next(d for d in result.documents if d.path == "azure-pipelines.yml")
    return {r.service: (r.mark.path, r.mark.line) for r in document.resources if isinstance(r, ServiceRegion)}


def test_a_variable_made_of_another_variable_and_text_is_the_text_they_make(tmp_path, monkeypatch):
    services = _services(tmp_path, monkeypatch)
    assert services["shop-web"] == ("azure-pipelines.yml", 9)
    assert [name for name in services if name.endswith("-web")] == ["shop-web"]  # none of the secret's


def test_a_template_parameter_given_text_and_a_stated_parameter_is_the_text_they_make(tmp_path, monkeypatch):
    services = _services(tmp_path, monkeypatch)
    assert services["api-prod"] == ("templates/deploy.yml", 5)
