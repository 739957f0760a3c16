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


def resolve_data_dir(flag: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The data folder: the flag wins, then the environment variable, then platformdirs."""
    env = os.environ if environ is None else environ
    if flag:
        return Path(flag).expanduser()
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
