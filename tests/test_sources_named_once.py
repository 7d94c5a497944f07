"""A list whose lines all come from one source names it once, under the list; a list
from several sources names the source after each line. Either way every line is
traceable."""

from types import SimpleNamespace

from django.template.loader import render_to_string


def line(text, source_id, label):
    return SimpleNamespace(text=text, source_id=source_id, source=SimpleNamespace(label=label))


def test_one_source_is_named_once_under_the_list():
    items = [line("Koorts.", 1, "Folder A"), line("Pijn.", 1, "Folder A")]
    html = render_to_string("options/_components/sourced_list.html", {"items": items})
    assert html.count("Folder A") == 1
    assert "<li>Koorts.</li>" in html


def test_several_sources_are_named_after_each_line():
    items = [line("Koorts.", 1, "Folder A"), line("Pijn.", 2, "Folder B")]
    html = render_to_string("options/_components/sourced_list.html", {"items": items})
    assert 'Koorts. <span class="source small">(Bron: Folder A)</span>' in html
    assert 'Pijn. <span class="source small">(Bron: Folder B)</span>' in html
