"""The Markdown plan of examples/contoso has four retirement notices after its overview (IaaS VMs, Cloud
Services, storage accounts, Basic public IPs): each is a paragraph of its own in the quote, where consecutive `>` lines
ran together into one paragraph on GitHub."""

from __future__ import annotations


def test_each_retirement_notice_is_its_own_paragraph(contoso, run):
    _, out, _ = run("plan", "examples/contoso", "--format", "markdown")
    lines = out.splitlines()
    quote = lines[next(n for n, line in enumerate(lines) if line.startswith(">")) :]
    quote = quote[: next(n for n, line in enumerate(quote) if not line.startswith(">"))]
    notices = [line for line in quote if line != ">"]
    assert [notice.split(" were ")[0].split(" was ")[0] for notice in notices] == [
        "> IaaS VMs (classic)",
        "> Cloud Services (classic)",
        "> Classic storage accounts",
        "> Basic SKU public IP addresses and Basic load balancers",
    ]
    # A blank quoted line between each two: no notice follows another on the next line.
    assert quote == [line for notice in notices for line in (notice, ">")][:-1]
