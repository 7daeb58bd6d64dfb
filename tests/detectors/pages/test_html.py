from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.detectors.pages.html import MAX_FORMS, SCRIPT_FORM, parse_html

from .hostile import MALFORMED, SCRIPTS


def test_forms_fields_and_labels():
    page = parse_html(
        """<title> Đăng   nhập </title><form action="/login" method="POST">
        <label for="u">Số điện thoại</label><input id="u" name="a1">
        <label>Mật khẩu <input type="password" name="a2"></label>
        <input type="hidden" name="csrf" value="x"><button>Đăng nhập</button></form>"""
    )
    assert page.title == "Đăng nhập"
    (form,) = page.forms
    assert form.action == "/login" and form.method == "post"
    labels = {f.name: f.label for f in form.fields}
    assert labels == {"a1": "Số điện thoại", "a2": "Mật khẩu", "csrf": ""}
    assert [f.hidden for f in form.fields] == [False, False, True]
    assert "Đăng nhập" in form.text


def test_fields_outside_forms_are_kept():
    page = parse_html('<div><input name="otp"></div><input name="cvv">')
    assert [f.action for f in page.forms] == [SCRIPT_FORM]
    assert [f.name for f in page.forms[0].fields] == ["otp", "cvv"]


def test_links_scripts_icons_images_and_redirect_hints():
    page = parse_html(
        """<head><meta http-equiv="refresh" content="0; url='https://other.example/x'">
        <link rel="icon" href="/f.ico"><link rel="stylesheet" href="//cdn.example/s.css">
        <base href="https://base.example/"></head>
        <script src="https://cdn.example/a.js"></script><script>location.replace("/next")</script>
        <a href="/app.apk">APK</a><img id="logo" src="/l.png" alt="MB Bank"><iframe src="/f"></iframe>"""
    )
    assert page.meta_refresh == "https://other.example/x"
    assert page.icons == ["/f.ico"] and page.stylesheets == ["//cdn.example/s.css"]
    assert page.base_href == "https://base.example/"
    assert page.scripts == ["https://cdn.example/a.js"] and page.inline_scripts == 1
    assert page.js_redirects == ["/next"]
    assert page.links == ["/app.apk"] and page.iframes == ["/f"]
    assert page.images[0].alt == "MB Bank" and "logo" in page.images[0].hint


def test_script_text_is_not_page_text():
    page = parse_html(SCRIPTS)
    assert page.title == "Original title"  # the script that changes it never ran
    assert "changed by script" not in page.text and "static" in page.text
    assert page.js_redirects == ["/pwned?via=location"]


def test_malformed_html_parses():
    page = parse_html(MALFORMED)
    assert page.title.startswith("Tr")
    names = [f.name for form in page.forms for f in form.fields]
    assert "pw" in names


def test_caps_hold_on_huge_pages():
    page = parse_html("<form><input name=a></form>" * (MAX_FORMS * 3))
    assert len(page.forms) == MAX_FORMS and not page.truncated
    capped = parse_html("<p>x</p>" * 5_000 + "<title>late</title>", max_tags=1_000)
    assert capped.truncated and capped.title == ""  # parsing stopped at the tag budget
    deep = parse_html("<div>" * 20_000 + "text")
    assert "text" in deep.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' !-[]&#;abcdefmpirtx\x00é\n")), max_size=400))
def test_arbitrary_markup_never_raises(markup):
    parse_html(markup)
