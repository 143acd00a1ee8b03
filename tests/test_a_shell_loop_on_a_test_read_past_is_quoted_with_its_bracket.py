"""The plan quotes a `while` loop whose `[` test the reader reads past as a command (`[ $ENV/$REGION/x != y
]`, see `shell._split_tests_read`) as the script writes it, `[` and all."""

from __future__ import annotations

from lint_support import run_cli


def test_the_loop_s_turns_are_quoted_as_written(tmp_path, capsys):
    script = tmp_path / "deploy.sh"
    script.write_text(
        "ENV=prod\ni=0\nwhile [ $ENV/$REGION/x != y ]; do i=$((i+1)); "
        'azure vm create svc img u p -l "West US" --vm-name "vm$i"; done\n'
    )
    _, plan, _ = run_cli(capsys, "plan", str(script))
    assert "over the turns of `while [ $ENV/$REGION/x != y ]`" in plan
