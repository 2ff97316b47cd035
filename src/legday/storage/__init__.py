"""legday's files: the profile, month-by-month logs and settings, as human-readable TOML.

    from legday.storage import Store, resolve_data_dir
    store = Store(resolve_data_dir(None))
    store.add_legs(session); week = store.history(monday, sunday)

Layout, atomicity and locking are described in ``store.py`` and ``files.py``; the file format in the
README ("Where your data lives").
"""

from legday.storage.errors import CorruptFile, NewerSchema, RecordChanged, StorageError
from legday.storage.paths import resolve_config_dir, resolve_data_dir
from legday.storage.settings import Settings, load_settings, save_settings
from legday.storage.store import Store

__all__ = [
    "CorruptFile",
    "NewerSchema",
    "RecordChanged",
    "Settings",
    "StorageError",
    "Store",
    "load_settings",
    "resolve_config_dir",
    "resolve_data_dir",
    "save_settings",
]
