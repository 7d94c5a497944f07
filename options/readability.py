"""How easy a Dutch page is to read: the Flesch-Douma score of its visible text.

Flesch-Douma = 206.84 - 0.77 x (syllables per 100 words) - 0.93 x (words per sentence).
60 or more reads as plain Dutch (about B1); lower is harder. Syllables are counted by
vowel groups, so that ij, ei, ui, ou, au, oe, eu, aa, ee, oo, uu, ie (and eeu, ieu, oei,
...) count once; a diaeresis (ideeën, geïnfecteerd) starts a new syllable. Every block of
a page (a paragraph, a list item, a heading, a table cell) ends a sentence, as a reader
takes it.
"""

import re
from html.parser import HTMLParser

BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption",
    "div", "section", "header", "footer", "nav", "br", "tr", "ul", "ol", "dl", "table",
    "figure", "figcaption", "label", "legend", "button", "summary", "details", "form",
    "fieldset", "blockquote", "article", "aside", "option", "textarea",
}  # fmt: skip
HIDDEN_TAGS = {"script", "style", "svg", "template", "head", "title", "noscript"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}
BREAK = "\n\n"

VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
DIAERESIS = "äëïöü"
WORD = re.compile(rf"[0-9]+(?:[.,][0-9]+)*|[a-z{VOWELS}]+(?:['’-][a-z{VOWELS}]+)*", re.IGNORECASE)
VOWEL_GROUP = re.compile(rf"[{VOWELS}]+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\n+")


def syllables(word):
    """Dutch syllables of one word, by vowel groups (at least 1)."""
    word = word.lower()
    if word[0].isdigit():
        return max(1, len(re.sub(r"\D", "", word)))
    count = 0
    for group in VOWEL_GROUP.findall(word):
        # A vowel with a diaeresis is a syllable of its own (ideeën: i-dee-en).
        count += 1 + sum(1 for index, letter in enumerate(group) if letter in DIAERESIS and index > 0)
    return max(1, count)


def sentences(text):
    return [s for s in (part.strip() for part in SENTENCE_END.split(text)) if WORD.search(s)]


def flesch_douma(text):
    """The score of a text (blocks separated by blank lines); None without words."""
    parts = sentences(text)
    words = [word for sentence in parts for word in WORD.findall(sentence)]
    if not words:
        return None
    per_100_words = 100 * sum(syllables(word) for word in words) / len(words)
    words_per_sentence = len(words) / len(parts)
    return round(206.84 - 0.77 * per_100_words - 0.93 * words_per_sentence, 1)


class MainText(HTMLParser):
    """The text a reader sees in <main>: no scripts, drawings or visually hidden text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.stack, self.in_main = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag == "br" and self.in_main:
                self.parts.append(BREAK)
            return
        attributes = dict(attrs)
        hidden = (
            tag in HIDDEN_TAGS
            or "visually-hidden" in (attributes.get("class") or "").split()
            or "hidden" in attributes
            or attributes.get("aria-hidden") == "true"
        )
        self.stack.append((tag, hidden))
        if tag == "main":
            self.in_main = True
        if self.in_main and tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag, _hidden = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "main":
            self.in_main = False
        if self.in_main and tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data):
        if self.in_main and not any(hidden for _tag, hidden in self.stack):
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self):
        joined = "".join(self.parts)
        blocks = (re.sub(r"\s+", " ", block).strip() for block in re.split(r"\n\n+", joined))
        return BREAK.join(block for block in blocks if block)


def main_text(html):
    parser = MainText()
    parser.feed(html)
    parser.close()
    return parser.text()


def page_score(html):
    return flesch_douma(main_text(html))
