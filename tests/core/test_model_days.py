import pytest

from legday.core.errors import InputError
from legday.core.model import parse_weekdays, weekday_number


@pytest.mark.parametrize("text, number", [("mon", 0), ("Thu", 3), ("thurs", 3), ("sunday", 6)])
def test_day_names_and_abbreviations(text, number):
    assert weekday_number(text) == number


@pytest.mark.parametrize("text", ["frimon", "mo", "", "mondays", "xyz"])
def test_not_a_day_is_refused_with_the_accepted_names(text):
    with pytest.raises(InputError, match="accepted: mon,tue,wed,thu,fri,sat,sun"):
        weekday_number(text)


def test_leg_days_sorted_without_repeats():
    assert parse_weekdays("thu, mon,thursday") == (0, 3)
    assert parse_weekdays("") == ()
