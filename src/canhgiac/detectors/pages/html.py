"""Bounded, forgiving HTML parsing with the standard library parser.

Extracts only what the page check needs: title, visible text, forms and their fields, links,
scripts, images, icons, meta refresh and script redirect hints. Malformed markup never
raises; every list and text buffer is capped, so a hostile page costs bounded work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_HTML_CHARS = 2_000_000
MAX_TAGS = 50_000  # real pages have a few thousand; the stdlib parser costs ~20 µs a tag
MAX_TEXT_CHARS = 200_000
MAX_SCRIPT_CHARS = 200_000
MAX_FORMS = 50
MAX_FIELDS = 200
MAX_URLS = 2_000
MAX_ATTR = 1_000
MAX_TITLE = 500

# location.href = "…", location.replace("…"), window.location = '…', location.assign(…)
_JS_REDIRECT_RE = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*["']([^"'\s]{1,2000})["']""",
    re.I,
)
_REFRESH_URL_RE = re.compile(r"""url\s*=\s*["']?([^"'\s>]{1,2000})""", re.I)
_SKIP_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_VOID = frozenset({"input", "img", "link", "meta", "br", "hr", "source", "area", "base"})


@dataclass
class FormField:
    tag: str  # input, select, textarea
    type: str
    name: str
    id: str
    placeholder: str
    autocomplete: str
    label: str = ""
    hidden: bool = False

    def describe(self) -> str:
        """Every human- or machine-visible hint of what the field asks for."""
        return " ".join(
            p for p in (self.name, self.id, self.placeholder, self.autocomplete, self.label) if p
        )


@dataclass
class Form:
    action: str  # as written; resolved by the analysis against the page URL
    method: str
    fields: list[FormField] = field(default_factory=list)
    text: str = ""  # text inside the form (buttons, headings, labels)


@dataclass
class Image:
    src: str
    alt: str
    hint: str  # id/class/alt joined, to spot logos


@dataclass
class ParsedPage:
    title: str = ""
    text: str = ""
    forms: list[Form] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # external script URLs
    inline_scripts: int = 0
    stylesheets: list[str] = field(default_factory=list)
    iframes: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    icons: list[str] = field(default_factory=list)
    meta_refresh: str | None = None
    js_redirects: list[str] = field(default_factory=list)
    base_href: str | None = None
    truncated: bool = False


class _Stop(Exception):
    """The tag budget is spent: stop parsing, keep what was found."""


class _Parser(HTMLParser):
    def __init__(self, max_tags: int) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.tags = 0
        self.max_tags = max_tags
        self._stack: list[str] = []
        self._in_title = False
        self._title: list[str] = []
        self._text: list[str] = []
        self._text_len = 0
        self._script: list[str] = []
        self._script_len = 0
        self._in_script = False
        self._form: Form | None = None
        self._form_text: list[str] = []
        self._label_for: str | None = None
        self._label_text: list[str] | None = None
        self._labels: dict[str, str] = {}
        self._label_fields: list[FormField] = []

    # -- helpers --
    def _add_url(self, target: list[str], value: str | None) -> None:
        if value and len(target) < MAX_URLS:
            target.append(value.strip()[:MAX_ATTR])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if self.tags > self.max_tags:
            self.page.truncated = True
            raise _Stop
        a = {k.lower(): (v or "")[:MAX_ATTR] for k, v in attrs[:100]}
        if tag not in _VOID:
            self._stack.append(tag)
            if len(self._stack) > 2_000:
                del self._stack[:1_000]
        if tag == "title":
            self._in_title = True
        elif tag == "script":
            self._in_script = True
            if a.get("src"):
                self._add_url(self.page.scripts, a["src"])
            else:
                self.page.inline_scripts += 1
        elif tag == "a" or tag == "area":
            self._add_url(self.page.links, a.get("href"))
        elif tag == "link":
            rel = a.get("rel", "").lower()
            if "icon" in rel:
                self._add_url(self.page.icons, a.get("href"))
            elif "stylesheet" in rel:
                self._add_url(self.page.stylesheets, a.get("href"))
        elif tag in ("iframe", "frame"):
            self._add_url(self.page.iframes, a.get("src"))
        elif tag == "img":
            if a.get("src") and len(self.page.images) < MAX_URLS:
                hint = " ".join((a.get("id", ""), a.get("class", ""), a.get("alt", ""), a["src"]))
                self.page.images.append(Image(a["src"][:MAX_ATTR], a.get("alt", ""), hint))
        elif tag == "meta":
            if a.get("http-equiv", "").lower() == "refresh" and self.page.meta_refresh is None:
                match = _REFRESH_URL_RE.search(a.get("content", ""))
                self.page.meta_refresh = match.group(1) if match else ""
        elif tag == "base" and self.page.base_href is None and a.get("href"):
            self.page.base_href = a["href"]
        elif tag == "form":
            if len(self.page.forms) < MAX_FORMS:
                self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
                self.page.forms.append(self._form)
                self._form_text = []
        elif tag == "label":
            self._label_for = a.get("for") or None
            self._label_text = []
        elif tag in ("input", "select", "textarea", "button"):
            self._field(tag, a)

    def _field(self, tag: str, a: dict[str, str]) -> None:
        kind = a.get("type", "text" if tag == "input" else tag).lower()
        if tag == "button" or kind in ("submit", "button", "reset", "image"):
            if self._form is not None and a.get("value"):
                self._form_text.append(a["value"])
            return
        item = FormField(
            tag=tag,
            type=kind,
            name=a.get("name", ""),
            id=a.get("id", ""),
            placeholder=a.get("placeholder", "") or a.get("aria-label", ""),
            autocomplete=a.get("autocomplete", ""),
            hidden=kind == "hidden",
        )
        # Fields outside any <form> still collect data through scripts: keep them too.
        form = self._form
        if form is None:
            if not self.page.forms or self.page.forms[-1].action != "\x00script":
                if len(self.page.forms) >= MAX_FORMS:
                    return
                self.page.forms.append(Form(action="\x00script", method="script"))
            form = self.page.forms[-1]
        if len(form.fields) < MAX_FIELDS:
            form.fields.append(item)
            if self._label_text is not None and self._label_for is None:
                self._label_fields.append(item)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_script = False
        elif tag == "form" and self._form is not None:
            self._form.text = " ".join(self._form_text)[:5_000]
            self._form = None
        elif tag == "label" and self._label_text is not None:
            text = " ".join(self._label_text).strip()[:MAX_ATTR]
            if self._label_for:
                self._labels.setdefault(self._label_for, text)
            for item in self._label_fields:
                item.label = item.label or text
            self._label_for, self._label_text, self._label_fields = None, None, []

    def handle_data(self, data: str) -> None:
        if self._in_script:
            if self._script_len < MAX_SCRIPT_CHARS:
                self._script.append(data[: MAX_SCRIPT_CHARS - self._script_len])
                self._script_len += len(data)
            return
        if self._in_title and sum(len(t) for t in self._title) < MAX_TITLE:
            self._title.append(data)
        if self._label_text is not None:
            self._label_text.append(data)
        if self._form is not None and len(self._form_text) < 500:
            self._form_text.append(data.strip())
        if any(t in _SKIP_TEXT for t in self._stack[-3:]) or self._text_len >= MAX_TEXT_CHARS:
            return
        chunk = data.strip()
        if chunk:
            self._text.append(chunk)
            self._text_len += len(chunk) + 1

    def finish(self) -> ParsedPage:
        page = self.page
        page.title = " ".join("".join(self._title).split())[:MAX_TITLE]
        page.text = " ".join(self._text)[:MAX_TEXT_CHARS]
        for form in page.forms:
            for item in form.fields:
                if not item.label and item.id in self._labels:
                    item.label = self._labels[item.id]
        script = "\n".join(self._script)
        page.js_redirects = [m.group(1) for m in _JS_REDIRECT_RE.finditer(script)][:20]
        return page


def parse_html(html: str, *, max_tags: int = MAX_TAGS) -> ParsedPage:
    """Parse ``html`` (capped at MAX_HTML_CHARS and ``max_tags``); never raises on bad markup."""
    parser = _Parser(max_tags)
    truncated = len(html) > MAX_HTML_CHARS
    try:
        parser.feed(html[:MAX_HTML_CHARS])
        parser.close()
    except _Stop:
        truncated = True
    except (AssertionError, ValueError, RecursionError):  # the stdlib parser's rare failures
        truncated = True
    page = parser.finish()
    page.truncated = page.truncated or truncated
    return page


SCRIPT_FORM = "\x00script"  # pseudo-form holding fields found outside any <form>
