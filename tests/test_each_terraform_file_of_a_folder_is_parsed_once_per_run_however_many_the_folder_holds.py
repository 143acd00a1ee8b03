"""Each Terraform file of a folder reads the files beside it (one module): each file is parsed once per run,
however many the folder holds. The files beside were kept in the process's cache of 256 alone, so a folder of
more files than that, read in turn, emptied it before each file came round again: every file parsed every
other (400 files: some 160,000 parses, minutes where 200 files took a second). The tests shrink that cache
to 4 so that a dozen files show it."""

from __future__ import annotations

import functools
from collections import Counter

import pytest
from growth import assert_linear
from lint_support import lint_files

from migcheck.readers import beside, terraform

RESOURCE = """\
resource "azure_hosted_service" "s{0}" {{
  name               = "${{local.prefix}}-{0}"
  location           = "West US"
  ephemeral_contents = false
}}
"""


def _folder(count: int) -> dict[str, str]:
    files = {f"svc{i:03}.tf": RESOURCE.format(i) for i in range(count)}
    return {**files, "locals.tf": 'locals {\n  prefix = "shop"\n}\n'}


@pytest.fixture
def small_cache(monkeypatch):
    monkeypatch.setattr(beside, "_values", functools.lru_cache(maxsize=4)(beside._values.__wrapped__))


def test_each_file_is_parsed_once_as_itself_and_once_beside_the_others(tmp_path, monkeypatch, small_cache):
    parsed: Counter[str] = Counter()
    real = terraform._parsed

    def counted(path: str, text: str):
        parsed[path.rsplit("/", 1)[-1]] += 1
        return real(path, text)

    monkeypatch.setattr(terraform, "_parsed", counted)
    result = lint_files(tmp_path, monkeypatch, _folder(12), "MIG601", dedent=False)
    assert len(result.findings) == 12
    assert len(parsed) == 13
    assert max(parsed.values()) <= 2, parsed.most_common(3)


def test_a_folder_of_twice_the_files_costs_twice(tmp_path, monkeypatch, small_cache):
    def make(count: int):
        folder = tmp_path / str(count)
        folder.mkdir(exist_ok=True)  # a noisy first measure makes the larger size again
        return lambda: lint_files(folder, monkeypatch, _folder(count), "MIG601", dedent=False)

    assert_linear(make, 24)
