"""legday's files: the profile, month-by-month logs and settings, as human-readable TOML.

    from legday.storage import Store, resolve_data_dir
    store = Store(resolve_data_dir(None))
    store.add_legs(session); week = store.history(monday, sunday)

The rooms, each a module to read in one sitting (imports only point down this list):

    errors.py    what can go wrong, one line each
    files.py     reading and atomic writing of one file, the lock, writing into a path a person names
    codec.py     records <-> TOML values (the one-line forms)
    schema.py    parse, check ``schema = N``, decode: the way every file is read
    layout.py    where each entry is in a month file's text (comments included)
    monthtext.py a month file's new text after a change, keeping a person's comments
    reading.py   the logs and profile read with no lock, cached while unchanged
    steps.py     the undo history's files
    commit.py    a change written all or nothing under the lock, and crash recovery
    undo.py      reversing the newest step, or refusing
    store.py     the Store: every change, put together from the rooms above
    settings.py, themes.py, paths.py   the settings file, theme files, where the folders are

The file format is in the README ("Where your data lives").
"""

from legday.storage.errors import CorruptFile, NewerSchema, RecordChanged, Refused, StorageError
from legday.storage.paths import resolve_config_dir, resolve_data_dir
from legday.storage.settings import Settings, load_settings, save_settings
from legday.storage.store import Store

__all__ = [
    "CorruptFile",
    "NewerSchema",
    "RecordChanged",
    "Refused",
    "Settings",
    "StorageError",
    "Store",
    "load_settings",
    "resolve_config_dir",
    "resolve_data_dir",
    "save_settings",
]
