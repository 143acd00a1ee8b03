"""The generated documentation is in step with the rules: docs/rules.md, docs/coverage.md and the rules
table in README.md. When this fails, regenerate them with `python -m migcheck.docs` and commit the result."""

from __future__ import annotations

import shutil
from pathlib import Path

from migcheck import docs

REGENERATE = "run `python -m migcheck.docs` from the project folder to regenerate them"


def test_generated_files_are_current():
    outdated = [str(p.relative_to(docs.ROOT)) for p in docs.stale()]
    assert not outdated, f"out of date: {', '.join(outdated)}; {REGENERATE}"


def test_rules_md_documents_every_rule():
    text = (docs.ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in docs.builtin_rules():
        assert f"## {rule.code} {rule.name}\n" in text, (
            f"{rule.code} is missing from docs/rules.md; {REGENERATE}"
        )


def test_readme_table_replaces_only_the_marked_region():
    rules = docs.builtin_rules()
    readme = "# title\n\n## Rules\n\n<!-- rules:table -->\n\nafter\n"
    once = docs.readme_with_table(readme, rules)
    assert once.startswith("# title\n\n## Rules\n\n<!-- rules:table -->\n")
    assert once.endswith("<!-- /rules:table -->\n\nafter\n")
    assert "| MIG201 | `endpoint-acl` | error |" in once
    assert docs.readme_with_table(once, rules) == once  # regenerating is stable


def test_check_fails_on_stale_files_and_passes_once_written(tmp_path: Path, capsys):
    shutil.copy(docs.ROOT / "README.md", tmp_path / "README.md")
    assert docs.main(["--check", "--root", str(tmp_path)]) == 1
    assert "python -m migcheck.docs" in capsys.readouterr().err
    assert docs.main(["--root", str(tmp_path)]) == 0
    assert docs.main(["--check", "--root", str(tmp_path)]) == 0
