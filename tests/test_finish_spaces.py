"""The finish step that takes the templates' indentation out of the pages (finish/spaces.py): only the text between
tags changes; tags, attribute values, scripts and text kept as typed are written back exactly."""
from __future__ import annotations

from finish.spaces import collapse_spaces


def test_text_runs_become_one_space_or_one_line_break():
    assert collapse_spaces("<p>a   b\n\n    c</p>\n    <p>d</p>") == "<p>a b\nc</p>\n<p>d</p>"


def test_space_between_attributes_becomes_one():
    assert collapse_spaces('<input  type="radio"\n   aria-label="a  b"  checked >') == '<input type="radio" aria-label="a  b" checked >'


def test_attribute_values_scripts_and_kept_text_are_written_back_exactly():
    page = ('<input value="two  spaces" title="a\n   b"><pre> k  l\n   m </pre><code>x   y</code>'
            '<script>if (a  <  b) s = "</p>   <pre>";</script><textarea>  t  </textarea>&amp;  &#160;  <!--  c  -->')
    assert collapse_spaces(page) == page.replace("&amp;  &#160;  <!--", "&amp; &#160; <!--")
