"""`migcheck plan --format html`: one self-contained page, the estate drawn as inline SVG (a box per step, in
columns by wave, arrows for the order) and the runbook below it; every text from the files escaped; the
same input gives the same bytes. When a `chromium` binary is on PATH, a real headless browser renders it."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path
from xml.sax.saxutils import quoteattr

import lxml.html
import pytest
from doc_pages import section
from lint_support import accounts_waiting_on_every_vm

from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import Member, Plan, Step, StepKind, SubscriptionPlan, build_plan
from migcheck.plugins import load_rules
from migcheck.report.plan_format import PLAN_FORMATS, render_plan
from migcheck.report.plan_html import MAX_WIDTH
from migcheck.visible import visible

ROOT = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


def plan_of(path: str | Path) -> Plan:
    return build_plan(lint([str(path)], Config(), load_rules(entry_points=False)))


@pytest.fixture
def contoso(monkeypatch) -> tuple[Plan, str]:
    monkeypatch.chdir(ROOT)  # positions are shown relative to the working folder
    plan = plan_of("examples/contoso")
    return plan, render_plan(plan, "html")


def svgs(page: str) -> list[ET.Element]:
    """Each subscription's picture, parsed as XML: inline SVG that is also well-formed on its own."""
    return [ET.fromstring(svg) for svg in re.findall(r"<svg .*?</svg>", page, re.S)]


def step_groups(svg: ET.Element) -> dict[str, ET.Element]:
    return {g.attrib["data-step"]: g for g in svg.iter(f"{SVG}g") if "data-step" in g.attrib}


def svg_text(element: ET.Element) -> str:
    return "\n".join("".join(t.itertext()) for t in element.iter(f"{SVG}text"))


def shown_name(name: str, text: str) -> str:
    """The line of a box's `text` that shows step `name`: whole, or its start and end around a "…"; ""
    where none does."""
    for line in text.splitlines():
        head, cut, tail = line.partition("…")
        if line == name or (cut and head and tail and name.startswith(head) and name.endswith(tail)):
            return line
    return ""


# --- structure ---------------------------------------------------------------------------------------


def test_the_plan_command_writes_html(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert "html" in PLAN_FORMATS
    assert main(["plan", "examples/contoso", "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">') and page.endswith("</html>\n")
    assert '<meta charset="utf-8">' in page


FETCHES = ("<script", "@import", "url(", "<link", "<img", "<iframe", "<object", "<embed", "@font-face")


def test_the_page_is_self_contained(contoso):
    _, page = contoso
    references = re.findall(r"""\b(?:src|href|xlink:href|action|srcset)\s*=\s*["']?([^"'\s>]*)""", page, re.I)
    assert references, "the picture's boxes link to the runbook"
    assert all(ref.startswith("#") for ref in references), references
    lowered = page.lower()
    for fetches in FETCHES:
        assert fetches not in lowered, fetches
    # The only absolute address is the SVG namespace, which is a name, not something fetched.
    assert re.findall(r"\w+://[^\s\"'<]*", page) == ["http://www.w3.org/2000/svg"]


def test_the_retirement_notes_come_first(contoso):
    plan, page = contoso
    positions = [page.index(visible(line).replace("'", "&#x27;")) for line in plan.retirements]
    assert positions == sorted(positions) and positions[-1] < page.index("<svg")


def test_every_step_is_a_box_in_the_picture(contoso):
    plan, page = contoso
    [subscription] = plan.subscriptions
    [svg] = svgs(page)
    groups = step_groups(svg)
    assert set(groups) == {step.id for step in subscription.steps}
    for step in subscription.steps:
        group = groups[step.id]
        verdict = "ready" if step.ready else "waiting" if step.only_waits else "blocked"
        assert group.attrib["class"] == f"step {verdict}"
        assert shown_name(step.name, svg_text(group)), step.name
    # One arrow (a curve and its head) per `after` dependency: each storage account of disks comes after the
    # step that moves their VMs (contosojumpprem, contosojumpstd, and contososqlprem, where the disk export
    # places the disks the Export-AzureVM files name without their blobs), and contoso-er-vnet after its
    # circuit; contosojumpdiag, in which the whole disk list places no disk, comes after nothing.
    edges = sum(len(step.after) for step in subscription.steps)
    assert edges == 4
    assert len(list(svg.iter(f"{SVG}path"))) == edges == len(list(svg.iter(f"{SVG}polygon")))
    # Sized from the content: every box fits inside the picture.
    width, height = int(svg.attrib["width"]), int(svg.attrib["height"])
    for rect in svg.iter(f"{SVG}rect"):
        assert float(rect.attrib["x"]) + float(rect.attrib["width"]) <= width
        assert float(rect.attrib["y"]) + float(rect.attrib["height"]) <= height


def test_the_picture_lays_out_waves_as_columns_left_to_right(contoso):
    plan, page = contoso
    [svg] = svgs(page)
    x = {
        g.attrib["data-step"]: float(next(g.iter(f"{SVG}rect")).attrib["x"])
        for g in step_groups(svg).values()
    }
    steps = {step.id: step for step in plan.steps}
    for step_id, step in steps.items():
        for before in step.after:
            assert x[before] < x[step_id]
        same_wave = {x[s.id] for s in steps.values() if s.wave == step.wave}
        assert same_wave == {x[step_id]}


def test_network_steps_carry_their_cloud_services_and_vms(contoso):
    plan, page = contoso
    steps = {step.id: step for step in plan.steps}
    assert steps["network:contoso-prod-vnet"].members == (
        Member("cloud service 'contoso-jump'", ("contoso-jump01", "contoso-ops01")),
        # Placed in the network by the subnets of its VMs (Export-AzureVM files do not name the network).
        Member("cloud service 'sql-tier'", ("contoso-sql01", "contoso-sql02", "contoso-sqlfsw")),
    )
    assert steps["network:contoso-web-vnet"].members == (
        Member("cloud service 'contoso-webshop'", roles=("Storefront", "OrderProcessor")),
    )
    assert steps["network:contoso-legacy-vnet"].members == ()
    [svg] = svgs(page)
    inside = svg_text(step_groups(svg)["network:contoso-prod-vnet"])
    assert "cloud service 'contoso-jump'" in inside
    assert "VM contoso-jump01" in inside and "VM contoso-ops01" in inside
    assert "role Storefront" in svg_text(step_groups(svg)["network:contoso-web-vnet"])
    # Storage accounts are boxes of their own.
    storage = {"storage:contosojumpprem", "storage:contosojumpstd", "storage:contososqlprem"}
    assert storage <= set(step_groups(svg))


def test_stand_ins_too_long_for_their_boxes_are_told_apart_by_their_ends(tmp_path, monkeypatch):
    # Without the subscription's disk export, the storage accounts of the disks of the Export-AzureVM files'
    # VMs are stand-ins that start alike, "<storage account of disk contoso-sql-...", and differ in the
    # disk's name and the file it is in.
    shutil.copytree(ROOT / "examples" / "contoso", tmp_path / "contoso")
    (tmp_path / "contoso" / "inventory" / "disks.json").unlink()
    monkeypatch.chdir(tmp_path)
    plan = plan_of("contoso")
    page = render_plan(plan, "html")
    [subscription] = plan.subscriptions
    [svg] = svgs(page)
    groups = step_groups(svg)
    stand_ins = [step for step in subscription.steps if step.kind is StepKind.STORAGE and step.name_unstated]
    shown = [shown_name(step.name, svg_text(groups[step.id])) for step in stand_ins]
    assert len(stand_ins) > 1 and all("…" in line for line in shown)
    assert len(set(shown)) == len(stand_ins)
    assert all(line.endswith(f"{step.name[-8:]}") for line, step in zip(shown, stand_ins, strict=True))


def test_every_step_is_in_the_runbook_with_everything_it_says(contoso):
    plan, page = contoso
    document = lxml.html.fromstring(page)
    picture = page[page.index("<svg") : page.index("</svg>")]
    articles = {a.get("data-step"): a for a in document.iter("article")}
    assert list(articles) == [step.id for step in sorted(plan.steps, key=lambda s: s.wave)]
    for step in plan.steps:
        article = articles[step.id]
        text = article.text_content()
        # A step without blockers of its own is not ready while it waits on one that is not, nor while a
        # name it is given is a stand-in to fill in.
        verdict = (
            "ready"
            if step.ready
            else f"not ready: {len(step.blockers)} blocker"
            if step.blockers
            else f"not ready: fill in the {step.name_unstated} first; waits on step "
            if step.name_unstated
            else "not ready: waits on step "
        )
        assert f"{step.kind}: {step.name}" in text and verdict in text
        assert f"Wave{step.wave}; after " in text
        numbers = {s.id: n for n, s in enumerate(sorted(plan.steps, key=lambda s: s.wave), 1)}
        for before in step.after:  # by number, linked to the step's anchor
            link = next(a for a in article.iter("a") if a.text_content() == f"step {numbers[before]}")
            assert document.get_element_by_id(link.get("href")[1:]).get("data-step") == before
        for expected in (*step.moves, *step.becomes, step.downtime, *step.notes):
            assert visible(expected) in text
        for finding in step.blockers:
            loc = finding.location
            assert loc is not None and f"{loc.path}:{loc.line}:{loc.column}:" in text
            assert finding.code in text and finding.message in text
            # a fix's code spans (`az ...`) are <code> elements, whose text is read without the backticks
            assert finding.fix and f"Fix: {finding.fix.replace('`', '')}" in text
        blocks = [pre.text_content() for pre in article.iter("pre")]
        for commands in (step.powershell, step.cli):
            if commands is not None:
                assert any(
                    all(c in block for c in (*commands.validate, *commands.prepare, *commands.commit))
                    for block in blocks
                )
        # The box in the picture links to this entry; `after` links to the steps before.
        assert f'<a href="#{article.get("id")}"><g class="step' in picture
    er = articles["network:contoso-er-vnet"]
    [link] = er.xpath(".//dd//a")
    assert link.get("href") == "#" + articles["circuit:contoso-dc-frankfurt"].get("id")


def test_nothing_to_migrate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("no classic files\n")
    page = render_plan(plan_of("."), "html")
    assert "Nothing to migrate" in page and "<svg" not in page
    # No retirement is about what the files hold: none is said, and no empty list is drawn.
    assert "2023-09-06" not in page and 'class="retirements"' not in page


# --- escaping ------------------------------------------------------------------------------------------

HOSTILE_NETWORK = "net\"&<x>'"
HOSTILE_SERVICE = "<script>alert(1)</script>"


def write_hostile_estate(folder: Path) -> None:
    """A web role in a network, both with hostile names written as XML attributes, and a web/worker service
    outside any network (not migrated by this process)."""
    network = "net&quot;&amp;&lt;x&gt;'"
    service = "&lt;script&gt;alert(1)&lt;/script&gt;"
    role = "Web&#x202e;gpj.exe"  # a right-to-left override: shown as its escape
    (folder / "NetworkConfig.netcfg").write_text(
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        f'<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="{network}" Location="X">'
        "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>"
        '<Subnets><Subnet name="A"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>'
        "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )
    csdef = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"
    cscfg = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
    for sub, name, vnet in (("in", service, network), ("out", "old&amp;web", "")):
        (folder / sub).mkdir()
        (folder / sub / "ServiceDefinition.csdef").write_text(
            f'<ServiceDefinition name="{name}" xmlns="{csdef}"><WebRole name="{role}" vmsize="Small"/>'
            "</ServiceDefinition>\n"
        )
        network_config = (
            f'<NetworkConfiguration><VirtualNetworkSite name="{vnet}"/><AddressAssignments>'
            f'<InstanceAddress roleName="{role}"><Subnets><Subnet name="A"/></Subnets></InstanceAddress>'
            "</AddressAssignments></NetworkConfiguration>"
            if vnet
            else ""
        )
        (folder / sub / "ServiceConfiguration.Cloud.cscfg").write_text(
            f'<ServiceConfiguration serviceName="{name}" xmlns="{cscfg}">'
            f'<Role name="{role}"><Instances count="2"/></Role>{network_config}</ServiceConfiguration>\n'
        )


@pytest.fixture
def hostile(tmp_path, monkeypatch) -> tuple[Plan, str]:
    monkeypatch.chdir(tmp_path)
    write_hostile_estate(tmp_path)
    plan = plan_of(".")
    return plan, render_plan(plan, "html")


def test_names_from_the_files_are_escaped(hostile):
    plan, page = hostile
    network = next(step for step in plan.steps if step.kind is StepKind.NETWORK)
    assert network.name == HOSTILE_NETWORK
    # A name no cloud service can have, written wholly in `<...>`: said to be a placeholder (`estate.named`).
    shown = f"cloud service '{HOSTILE_SERVICE}' (a placeholder the file leaves to fill in)"
    assert network.members == (Member(shown, roles=("Web\u202egpj.exe",)),)
    assert "<script" not in page.lower() and "alert(1)</" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # the picture, moves, the blocker
    assert 'data-step="network:net&quot;&amp;&lt;x&gt;&#x27;"' in page
    assert "\u202e" not in page and "Web\\u202egpj.exe" in page
    # What a browser's parser builds: no script element, and the names back as they were written.
    document = lxml.html.fromstring(page)
    assert document.xpath("//script") == []
    [article] = [a for a in document.iter("article") if a.get("data-step") == network.id]
    assert f"cloud service '{HOSTILE_SERVICE}'" in article.text_content()
    [svg] = svgs(page)
    group = step_groups(svg)[f"network:{HOSTILE_NETWORK}"]
    assert HOSTILE_NETWORK in svg_text(group) and f"cloud service '{HOSTILE_SERVICE}'" in svg_text(group)


def test_a_web_worker_service_is_drawn_as_not_migrated(hostile):
    _, page = hostile
    [svg] = svgs(page)
    groups = step_groups(svg)
    assert groups["web-worker:old&web"].attrib["class"] == "step unmigrated"
    assert "not migrated by this process" in svg_text(groups["web-worker:old&web"])
    assert groups[f"network:{HOSTILE_NETWORK}"].attrib["class"] == "step blocked"


def test_steps_in_no_wave_are_in_a_column_of_their_own_after_every_wave(hostile):
    """A web/worker service is in no wave (this process does not migrate it): not in the "Wave 1" column
    with the network step, but in a column headed "Not migrated", to the right of every wave's."""
    _, page = hostile
    [svg] = svgs(page)
    x = {step_id: float(next(g.iter(f"{SVG}rect")).attrib["x"]) for step_id, g in step_groups(svg).items()}
    network, web = x[f"network:{HOSTILE_NETWORK}"], x["web-worker:old&web"]
    assert web > network
    headings = {
        "".join(t.itertext()): float(t.attrib["x"])
        for t in svg.iter(f"{SVG}text")
        if t.attrib.get("font-size") == "13"  # the columns' headings
    }
    assert set(headings) == {"Wave 1", "Not migrated"}
    assert headings["Wave 1"] < web < headings["Not migrated"]


def test_a_long_name_is_cut_in_the_picture_and_whole_in_the_runbook():
    name = "vnet-" + "x" * 200
    vm = "vm-" + "y" * 200
    step = Step(
        id=f"network:{name}",
        kind=StepKind.NETWORK,
        name=name,
        wave=1,
        after=(),
        moves=(),
        becomes=(),
        downtime="",
        blockers=(),
        members=(Member("cloud service 's'", (vm,)),),
    )
    page = render_plan(Plan((SubscriptionPlan("default", (step,)),)), "html")
    [svg] = svgs(page)
    assert int(svg.attrib["width"]) <= MAX_WIDTH + 100
    texts = svg_text(svg)
    assert name not in texts and name[:20] in texts and "…" in texts and vm not in texts
    assert f"<code>{name}</code>" in page  # the runbook
    assert step_groups(svg)[step.id].find(f"{SVG}title").text.startswith(f"Virtual network: {name} ")  # type: ignore[union-attr]


# --- determinism ---------------------------------------------------------------------------------------


def test_the_same_input_gives_the_same_bytes(contoso, monkeypatch):
    plan, page = contoso
    assert render_plan(plan, "html") == page
    assert render_plan(plan_of("examples/contoso"), "html") == page
    # Another process, with another hash seed, writes the same page.
    outputs = set()
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-m", "migcheck", "plan", "examples/contoso", "--format", "html"],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert outputs == {page.encode()}


def test_the_plan_page_shows_the_picture_and_how_to_make_it_again():
    plan = section("# The migration plan")  # docs/plan.md, beside the picture
    assert "--format html" in plan and "](plan-contoso.png)" in plan
    assert (ROOT / "docs" / "plan-contoso.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    script = (ROOT / "docs" / "make_plan_picture.sh").read_text(encoding="utf-8")
    assert "migcheck plan examples/contoso --format html" in script and "docs/plan-contoso.png" in script


# --- a real browser ------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no `chromium` on PATH: install it (apt-get install chromium) to render the HTML plan in a "
    "headless browser",
)


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def console_messages(stderr: str) -> list[str]:
    """Lines the page wrote to the console: script errors, or anything a script logged."""
    return [line for line in stderr.splitlines() if re.search(r":CONSOLE[:(]", line)]


def paeth(a: int, b: int, c: int) -> int:
    """The PNG Paeth predictor of a byte from the ones left (a), above (b) and above left (c)."""
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def png_colours(data: bytes) -> set[tuple[int, int, int]]:
    """The distinct colours of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes), decoded
    with zlib and the PNG filters."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    assert header is not None
    width, height, depth, colour_type, _, _, interlace = header
    assert (depth, interlace) == (8, 0) and colour_type in (2, 6), header
    bpp = 3 if colour_type == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(chunks))
    assert len(raw) == height * (stride + 1)
    previous = bytearray(stride)
    colours: set[tuple[int, int, int]] = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(a, b, c)) & 0xFF
        else:
            assert kind == 0, f"unknown PNG filter {kind}"
        colours.update(zip(line[0::bpp], line[1::bpp], line[2::bpp], strict=True))
        previous = line
    return colours


def test_png_colours_decodes_every_filter():
    """The decoder itself, on a PNG whose rows use each of the five filters."""
    pixels = [[(10 * x + y, 200 - x, 7 * y) for x in range(4)] for y in range(5)]
    raw = b""
    for y, row in enumerate(pixels):
        flat = bytes(v for pixel in row for v in pixel)
        above = bytes(v for pixel in pixels[y - 1] for v in pixel) if y else bytes(len(flat))
        encoded = bytearray()
        for i, value in enumerate(flat):
            a = flat[i - 3] if i >= 3 else 0
            b, c = above[i], (above[i - 3] if i >= 3 else 0)
            predictor = (0, a, b, (a + b) >> 1, paeth(a, b, c))[y]
            encoded.append((value - predictor) & 0xFF)
        raw += bytes([y]) + bytes(encoded)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 5, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    assert png_colours(png) == {pixel for row in pixels for pixel in row}


@needs_chromium
def test_a_headless_browser_renders_the_plan(contoso, tmp_path):
    _, page = contoso
    html_file = tmp_path / "plan.html"
    html_file.write_text(page, encoding="utf-8")
    shot = tmp_path / "shot.png"
    result = chromium(tmp_path, html_file, f"--screenshot={shot}", "--window-size=1400,1000")
    assert shot.is_file() and shot.stat().st_size > 0, f"no screenshot:\n{result.stderr[-3000:]}"
    assert console_messages(result.stderr) == []
    colours = png_colours(shot.read_bytes())
    assert len(colours) > 1, "the screenshot is blank"
    # The boxes of the picture were drawn: the fills of a ready and of a not-ready step are on screen.
    assert (0xD4, 0xED, 0xDA) in colours and (0xF8, 0xD7, 0xDA) in colours


@needs_chromium
def test_a_headless_browser_builds_no_script_from_hostile_names(hostile, tmp_path):
    plan, page = hostile
    (tmp_path / "site").mkdir()
    html_file = tmp_path / "site" / "plan.html"
    html_file.write_text(page, encoding="utf-8")
    result = chromium(tmp_path, html_file, "--dump-dom")
    assert console_messages(result.stderr) == []
    dom = result.stdout
    assert "<svg" in dom and "<script" not in dom.lower()
    assert dom.count('class="step ') == 2 * len(list(plan.steps))  # a box and a runbook entry each


# --- the Mermaid diagram, parsed and drawn by Mermaid itself -----------------------------------------

MERMAID_JS = os.environ.get("MIGCHECK_MERMAID_JS", "")
needs_mermaid = pytest.mark.skipif(
    CHROMIUM is None or not Path(MERMAID_JS).is_file(),
    reason="set MIGCHECK_MERMAID_JS to Mermaid's dist/mermaid.min.js (`npm pack mermaid`, as .ci/run does) "
    "and install chromium to check the Markdown plan's diagram",
)

# Parses each diagram and draws it, then writes what Mermaid made of it into the page for --dump-dom.
MERMAID_HARNESS = """<!doctype html><meta charset="utf-8"><pre id="out">pending</pre>
<script src="MERMAID"></script>
<script type="application/json" id="diagrams">DIAGRAMS</script>
<script>
(async () => {
  const out = [];
  mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
  for (const [i, text] of JSON.parse(document.getElementById("diagrams").textContent).entries()) {
    try {
      await mermaid.parse(text);
      const svg = new DOMParser().parseFromString((await mermaid.render("d" + i, text)).svg, "image/svg+xml");
      out.push({labels: [...svg.querySelectorAll("g.node")].map((n) => n.textContent),
                arrows: svg.querySelectorAll("path.flowchart-link").length});
    } catch (e) {
      out.push({error: String((e && e.message) || e)});
    }
  }
  document.getElementById("out").textContent = JSON.stringify(out);
})();
</script>
"""


def _arrows_of(line: str) -> int:
    """The arrows a line of the diagram draws: one from each node on the left of `-->` (`s1 & s2`) to each
    on its right."""
    if " --> " not in line:
        return 0
    left, right = line.split(" --> ")
    return len(left.split(" & ")) * len(right.split(" & "))


def mermaid_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.S | re.M)


def mermaid_results(tmp_path: Path, diagrams: list[str]) -> list[dict[str, object]]:
    page = tmp_path / "mermaid.html"
    data = json.dumps(diagrams).replace("</", "<\\/")
    page.write_text(
        MERMAID_HARNESS.replace("MERMAID", Path(MERMAID_JS).resolve().as_uri()).replace("DIAGRAMS", data),
        encoding="utf-8",
    )
    result = chromium(tmp_path, page, "--virtual-time-budget=30000", "--dump-dom")
    [out] = lxml.html.fromstring(result.stdout).xpath("//pre[@id='out']/text()") or ["no output"]
    assert out.startswith("["), f"the harness did not finish: {out}\n{result.stderr[-3000:]}"
    return json.loads(out)


def expected_labels(markdown: str) -> list[str]:
    """Each step's label as the Markdown's own headings name it: the kind and the name, as written, and
    for web/worker roles, which this process does not migrate, that it does not."""
    plan_steps = re.findall(r"^### \d+\. (.+?): (`+) ?(.*?) ?\2 — ", markdown, re.M)
    kinds = {kind.value: kind for kind in StepKind}
    return [
        f"{kinds[kind].name.replace('_', ' ').lower()}: {name}"
        + (" (not migrated)" if kinds[kind] is StepKind.WEB_WORKER else "")
        for kind, _, name in plan_steps
    ]


MERMAID_NAMES = [
    "net\"&<x>'",
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "a#quot;b",
    "a#35;b",
    "%% comment",
    "a`b``c",
    "x]y[z",
    "end",
    "a:::b",
    "a --> b",
    "a;b{c}|d",
    "Ωmega 😀",
    "tab\tin",
    "&amp;",
    "back\\slash",
]


def write_mermaid_estate(folder: Path) -> None:
    """One network per name, each name written as an XML attribute that reads back exactly as above."""
    sites = "".join(
        f"<VirtualNetworkSite name={quoteattr(name, {chr(9): '&#9;'})} Location='X'><AddressSpace>"
        f"<AddressPrefix>10.{i}.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>"
        for i, name in enumerate(MERMAID_NAMES)
    )
    (folder / "NetworkConfig.netcfg").write_text(
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        f"<VirtualNetworkConfiguration><VirtualNetworkSites>{sites}</VirtualNetworkSites>"
        "</VirtualNetworkConfiguration></NetworkConfiguration>\n",
        encoding="utf-8",
    )


def test_mermaid_labels_hold_any_name_as_plain_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_mermaid_estate(tmp_path)
    markdown = render_plan(plan_of("."), "markdown")
    assert sorted(expected_labels(markdown)) == sorted(f"network: {visible(n)}" for n in MERMAID_NAMES)
    [block] = mermaid_blocks(markdown)
    label_lines = [line for line in block.splitlines() if '["' in line]
    assert len(label_lines) == len(MERMAID_NAMES)
    for line in label_lines:  # nothing Mermaid or HTML would read as syntax is left in a label
        label = re.sub(r"#\d+;", "", line[line.index('["') + 2 : line.rindex('"]')])  # entity codes
        assert not set(label) & set('"[]<>`#;|{}%\\\t&'), line


@needs_mermaid
def test_mermaid_draws_the_diagram_of_every_plan(contoso, hostile, tmp_path, monkeypatch):
    """Mermaid parses each diagram and draws one node per step, labelled with the name as written, and an
    arrow for each order; a broken diagram is reported, so the check itself can fail."""
    markdowns = []
    monkeypatch.chdir(ROOT)
    markdowns.append(render_plan(plan_of("examples/contoso"), "markdown"))
    (tmp_path / "hostile").mkdir()
    monkeypatch.chdir(tmp_path / "hostile")
    write_hostile_estate(tmp_path / "hostile")
    markdowns.append(render_plan(plan_of("."), "markdown"))
    (tmp_path / "names").mkdir()
    monkeypatch.chdir(tmp_path / "names")
    write_mermaid_estate(tmp_path / "names")
    markdowns.append(render_plan(plan_of("."), "markdown"))
    (tmp_path / "accounts").mkdir()
    monkeypatch.chdir(tmp_path / "accounts")
    for name, text in accounts_waiting_on_every_vm(3, 2).items():  # two accounts after the same three steps
        Path(name).write_text(text, encoding="utf-8")
    markdowns.append(render_plan(plan_of("."), "markdown"))
    diagrams = [block for markdown in markdowns for block in mermaid_blocks(markdown)]
    assert len(diagrams) == 4
    broken = 'flowchart LR\n  s1["a"] -->'
    *results, control = mermaid_results(tmp_path, [*diagrams, broken])
    assert "error" in control, control
    for markdown, diagram, result in zip(markdowns, diagrams, results, strict=True):
        assert "error" not in result, f"{result}\n{diagram}"
        assert sorted(result["labels"]) == sorted(expected_labels(markdown))
        assert result["arrows"] == sum(map(_arrows_of, diagram.splitlines()))
    assert results[0]["arrows"] > 0  # contoso's circuit and storage steps wait for their networks
