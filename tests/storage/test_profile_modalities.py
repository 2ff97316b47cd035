"""The profile's list of modalities on disk: written as a TOML list, an old file without it reads as
"everything", and a bad entry is reported with its line and never overwritten."""

from __future__ import annotations

import tomllib

import pytest

from legday.core.model import CARDIO_MODALITIES, Profile
from legday.storage import Store
from legday.storage.errors import CorruptFile


def test_the_list_round_trips_as_a_toml_list(tmp_path):
    Store(tmp_path).save_profile(Profile(modalities=("bike", "swim", "yoga")))
    assert tomllib.loads((tmp_path / "profile.toml").read_text())["modalities"] == ["bike", "swim", "yoga"]
    assert Store(tmp_path).profile().modalities == ("bike", "swim", "yoga")


def test_an_old_profile_without_the_key_means_every_modality(tmp_path):
    (tmp_path / "profile.toml").write_text('schema = 1\ngoal = "strength"\nleg_days = ["tue"]\n')
    saved = Store(tmp_path).profile()
    assert saved.modalities == CARDIO_MODALITIES and saved.leg_days == (1,)


def test_a_hand_written_list_in_any_order_and_case_is_read(tmp_path):
    (tmp_path / "profile.toml").write_text('schema = 1\nmodalities = ["Walk", "run"]\n')
    assert Store(tmp_path).profile().modalities == ("run", "walk")


@pytest.mark.parametrize(
    "value, words",
    [
        ('["run", "pool"]', "unknown modality 'pool'"),
        ("[1]", "unknown modality 1"),
        ("[]", "no modalities"),
        ('"run"', "modalities"),
    ],
)
def test_a_bad_list_names_the_file_and_line_and_is_left_alone(tmp_path, value, words):
    text = f'schema = 1\ngoal = "power"\nmodalities = {value}\n'
    path = tmp_path / "profile.toml"
    path.write_text(text)
    with pytest.raises(CorruptFile) as caught:
        Store(tmp_path).profile()
    message = str(caught.value)
    assert words in message and "profile.toml:3" in message
    assert path.read_text() == text
