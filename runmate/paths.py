"""Where runmate keeps its data: --data-dir flag, then RUNMATE_DATA_DIR, then the platform default.

Nothing here touches the disk; callers decide when to create the folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "runmate"
DATA_FILE_NAME = "runmate.json"
ENV_VAR = "RUNMATE_DATA_DIR"


class DataDirError(ValueError):
    """The folder given for the data can't be a folder: empty, or naming an unknown home folder."""


def _expand(text: str, source: str) -> Path:
    if not text.strip():
        raise DataDirError(f"{source} is empty; give a folder, or leave it out to use your user data folder.")
    if "\0" in text:
        raise DataDirError(f"{source} has a control character in it, so it can't be a folder.")
    try:
        return Path(text).expanduser()
    except RuntimeError:  # ~name of a user that does not exist, or no home folder at all
        raise DataDirError(f"{source} starts with a home folder that can't be found.") from None


def resolve_data_dir(flag: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The data folder: the flag wins, then the environment variable, then platformdirs.

    An empty flag is a mistake, not a wish for the default (``--data-dir "$UNSET_VARIABLE"``), so
    it raises DataDirError, as does a ~name that names no user. An empty environment variable
    counts as unset.
    """
    env = os.environ if environ is None else environ
    if flag is not None:
        return _expand(os.fspath(flag), "--data-dir")
    if env.get(ENV_VAR):
        return _expand(env[ENV_VAR], ENV_VAR)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def shared_folder_note(folder: Path) -> str:
    """What is said when the data folder is shared on purpose (it has the sticky bit, like /tmp)."""
    return (
        f"{folder} is a folder other people on this computer can use too, so runmate has left its "
        "permissions as they are. Your data file is still readable only by you; a folder of your own is safer."
    )
