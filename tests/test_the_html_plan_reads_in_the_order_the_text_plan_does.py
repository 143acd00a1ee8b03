"""The HTML plan reads in the order the text and Markdown plans do: each subscription's overview first, the
retirement notices (and that the plan is partial) after the first subscription's overview, and a step whose
name the files do not state says what its stand-in stands for (`Fill in first:`) right under its heading,
before what it moves, becomes and its downtime repeat the stand-in. The HTML plan put the notices above every
overview and the note after the downtime, so a reader of the page met the stand-in in the step before being
told it is no name."""

from __future__ import annotations

from lint_support import APP_VNET_NETCFG, CONTOSO_NETCFG, lint_files, run_cli

# A VM of a cloud service whose name the script is given when it runs: a step with a stand-in name, and a
# classic VM, which brings the IaaS VMs' retirement notice.
UNNAMED = 'azure vm create "$1" img user pass --vm-name web01 --location "West Europe"\n'
STAND_IN = "&lt;cloud service name, deploy.sh:1&gt;"


def _page(capsys, tmp_path, monkeypatch, files: dict[str, str]) -> str:
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    return run_cli(capsys, "plan", ".", "--format", "html")[1]


def test_the_notices_follow_the_overview(tmp_path, monkeypatch, capsys):
    page = _page(capsys, tmp_path, monkeypatch, {"deploy.sh": UNNAMED})
    assert page.index('class="overview"') < page.index('class="retirements"') < page.index('class="legend"')


def test_the_notices_follow_only_the_first_subscription_s_overview(tmp_path, monkeypatch, capsys):
    # Two folders of network configurations are two subscriptions.
    files = {"prod/NetworkConfig.netcfg": CONTOSO_NETCFG, "test/NetworkConfig.netcfg": APP_VNET_NETCFG}
    files |= {"prod/deploy.sh": UNNAMED}
    page = _page(capsys, tmp_path, monkeypatch, files)
    overviews = [n for n in range(len(page)) if page.startswith('class="overview"', n)]
    assert len(overviews) == 2
    assert page.count('class="retirements"') == 1
    assert overviews[0] < page.index('class="retirements"') < overviews[1]


def test_a_step_says_what_its_stand_in_stands_for_before_repeating_it(tmp_path, monkeypatch, capsys):
    page = _page(capsys, tmp_path, monkeypatch, {"deploy.sh": UNNAMED})
    step = page[page.index('<article class="step') : page.index("</article>")]
    fill_in = step.index("<dt>Notes</dt><dd>Fill in first:")
    assert STAND_IN in step[fill_in : step.index("<dt>Moves</dt>")]
    assert (
        step.index("<dt>Wave</dt>") < fill_in < step.index("<dt>Moves</dt>") < step.index("<dt>Downtime</dt>")
    )
