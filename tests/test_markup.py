from healthskills import markup


def resolver(scheme: str, target: str):
    return {"lesson": (f"../{target}/", ""), "guide": (f"../../guides/{target}/", "")}.get(
        scheme, (f"#term-{target}", "hs-term")
    )


def test_bold_lists_and_links_render():
    html = markup.render("**Tap** here.\n\n- one\n- [NHS](https://www.nhs.uk/)", resolver)
    assert "<strong>Tap</strong>" in html
    assert "<li>one</li>" in html
    assert 'href="https://www.nhs.uk/"' in html and 'rel="noopener noreferrer"' in html


def test_our_link_schemes_become_site_links():
    html = markup.render("[a](lesson:x) [b](guide:y) [c](glossary:gp)", resolver)
    assert 'href="../x/"' in html
    assert 'href="../../guides/y/"' in html
    assert 'class="hs-term" href="#term-gp"' in html


def test_scripts_and_event_handlers_never_survive():
    dangerous = (
        "<script>alert(1)</script> <img src=x onerror=alert(1)> "
        "[x](javascript:alert(1)) <a href='https://e.org' onclick='x()'>y</a>"
    )
    html = markup.render(dangerous, resolver)
    for bad in ("<script", "onerror", "javascript:", "onclick", "<img"):
        assert bad not in html


def test_inline_mode_drops_the_paragraph():
    assert markup.render("One **two**.", resolver, inline=True) == "One <strong>two</strong>."


def test_inspect_finds_what_authors_may_not_use():
    facts = markup.inspect("# Title\n\n![pic](x.svg) *it* <b>x</b> [l](ftp://x)")
    assert facts.headings and facts.images and facts.italics and facts.raw_html
    assert facts.links == ["ftp://x"]
    clean = markup.inspect("Plain **bold** [a](https://x.org) text.")
    assert not (clean.headings or clean.images or clean.italics or clean.raw_html)
