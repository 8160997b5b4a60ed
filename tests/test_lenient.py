"""Reading any report for `figures extract`: front matter read fast where it is plain, by yaml elsewhere."""
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.lenient import FIELD_LOADER, PLAIN_FIELDS, _fields, _front_matter

# YAML lines "key: value" built of pieces, tricky ones included: indicators, comments, colons,
# quotes, tabs, non-ASCII text, line ends.
KEYS = st.sampled_from(["title", "published", "_id", "a-b", "url", " title", "title ", "-", "? x", "#x"])
SEPARATORS = st.sampled_from([": ", ":  ", ":", ":\t", " : ", ": \t"])
VALUE_PIECES = st.sampled_from([
    "text", "Ahram Online", "2016-03-01", "http://x.org/a?b=1#c", ":", ": ", " ", "  ", "\t", "#", " #", "-",
    "- ", "?", "'", '"', "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "é", "~", "null",
    "\\", "---", "...", "\r", "\n", "\n  more", "\n- item",
])
PLAIN_PIECES = st.sampled_from(["text", "Ahram Online", "2016-03-01", "a:b", "x#y", " ", "-", "é"])
LINES = st.builds(lambda key, separator, value: key + separator + "".join(value),
                  st.one_of(st.just("title"), KEYS), st.one_of(st.just(": "), SEPARATORS),
                  st.lists(st.one_of(PLAIN_PIECES, VALUE_PIECES), max_size=4))
BLOCKS = st.lists(LINES, min_size=1, max_size=3).map(lambda lines: "".join(line + "\n" for line in lines))


def _yaml_fields(block):
    try:
        return yaml.load(block, Loader=FIELD_LOADER)
    except yaml.YAMLError:
        return "error"


@settings(max_examples=2000, deadline=None)
@given(BLOCKS)
def test_fields_read_by_the_plain_pattern_are_what_yaml_reads(block):
    if PLAIN_FIELDS.fullmatch(block):
        assert _fields(block) == _yaml_fields(block)


def test_plain_front_matter_is_read_without_yaml():
    block = "title: FA-KES article 3\npublisher: Ahram Online\nurl: https://example.org/fakes/3\npublished: 2014-03-04\n"
    assert PLAIN_FIELDS.fullmatch(block)
    assert _fields(block) == {"title": "FA-KES article 3", "publisher": "Ahram Online",
                              "url": "https://example.org/fakes/3", "published": "2014-03-04"}


def test_front_matter_that_is_not_plain_is_read_by_yaml():
    for block in ("title: 'quoted: text'\n", "tags: [a, b]\n", "title: text # a comment\n", "title: a: b\n",
                  "publisher: Agence France-Presse\nnotes: |\n  two\n  lines\n", "title: Alep, Syrie é\n",
                  "title:\tTab\n", "empty:\n", "url: http:\n"):
        assert not PLAIN_FIELDS.fullmatch(block)
        fields = _yaml_fields(block)
        expected = (fields, "Text.") if isinstance(fields, dict) and fields else ({}, f"---\n{block}---\nText.")
        assert _front_matter(f"---\n{block}---\nText.") == expected
