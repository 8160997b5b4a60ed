"""Household sizes by country, with the source each comes from, for the people estimate of a household figure."""
import yaml

from schemas.reference import HERE, household_size, load_state_bodies


def test_a_countrys_size_comes_with_its_cited_source():
    found = household_size("KEN")
    assert found.country == "KEN" and 1 < found.size < 15
    assert found.source.startswith("United Nations Database on Household Size and Composition")
    assert found.year == 2019 and found.url.startswith("https://")


def test_a_country_code_is_read_in_either_case():
    assert household_size("ken") == household_size("KEN")


def test_a_country_no_source_gives_a_size_for_has_none():
    assert household_size("SYR") is None  # left out on purpose: no cited size, no estimate
    assert household_size(None) is None
    assert household_size("XXX") is None


def test_every_size_is_for_a_known_country_and_plausible():
    table = yaml.safe_load((HERE / "household_sizes.yaml").read_text(encoding="utf-8"))
    countries = load_state_bodies().countries
    for code, entry in table["sizes"].items():
        size = entry["size"] if isinstance(entry, dict) else entry
        assert code in countries, code
        assert 1.5 <= size <= 10, (code, size)
    assert table["default_source"] in table["sources"]
