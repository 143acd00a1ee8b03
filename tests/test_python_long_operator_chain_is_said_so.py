"""A flat script too long for Python's parser (an `a + b + ...` of thousands of terms recurses as deep as
a nesting does) is MIG001 saying so, and what to do, at once."""

from __future__ import annotations

from growth import assert_linear

from migcheck.cli import main

TERMS = 20_000


def test_a_chain_of_twenty_thousand_terms_is_said_so_fast(tmp_path, monkeypatch, capsys):
    chain = " + ".join(['"a"'] * TERMS)
    (tmp_path / "deploy.py").write_text(f"import azure.servicemanagement\nname = {chain}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "deploy.py"]) == 1
    out = capsys.readouterr().out
    assert "deploy.py:1:1: MIG001 [error] Python's parser gave up on this file" in out
    assert "too deeply nested or holds too long a chain of operators" in out
    assert "help: Split the expression into shorter ones" in out


def test_the_refusal_of_a_chain_costs_in_proportion_to_its_length(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)

    def make(terms: int):
        (tmp_path / f"deploy{terms}.py").write_text(
            "import azure.servicemanagement\nname = " + " + ".join(['"a"'] * terms) + "\n"
        )
        return lambda: (main(["check", f"deploy{terms}.py"]), capsys.readouterr())

    assert_linear(make, TERMS)
