"""Where things live on disk: pure functions, overridable so tests and IT can point anywhere."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "SOP Desktop"
DATA_ENV = "SOP_DESKTOP_DATA"
LOG_ENV = "SOP_DESKTOP_LOGS"
RENDITIONS_ENV = "SOP_DESKTOP_RENDITIONS"
STARTER_CATALOG_ID = "sop-starter"  # the catalog id the packaged starter is published under


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library's folder: the explicit option, else ``$SOP_DESKTOP_DATA``, else the policy's
    ``data_dir`` (``~`` and environment variables expanded, e.g. ``%LOCALAPPDATA%``), else
    platformdirs' user data folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    from resources_index.config.policy import Policy

    default = default_data_dir()
    # The policy last read whole is kept in the default folder too, so a policy file that
    # cannot be used for a while still finds the library where it chose.
    chosen = Policy.load(keep_in=default).data_dir
    if chosen:
        return Path(os.path.expandvars(chosen)).expanduser()
    return default


def default_data_dir() -> Path:
    """platformdirs' user data folder for the program."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where the rotating log files and crash reports go: ``$SOP_DESKTOP_LOGS``, else
    platformdirs' user log folder."""
    named = os.environ.get(LOG_ENV)
    if named:
        return Path(named).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def rendition_cache_dir() -> Path:
    """Where publishing keeps the PDF renditions it made, by the SHA-256 of the document:
    ``$SOP_DESKTOP_RENDITIONS``, else platformdirs' user cache folder. Publishing the same
    document again (into a new folder too) reuses its rendition instead of making a new one
    that laptops would download again."""
    named = os.environ.get(RENDITIONS_ENV)
    if named:
        return Path(named).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "renditions"


def package_data_dir() -> Path:
    """Files shipped inside the ``resources_index`` package (the starter catalog and its key)."""
    return Path(__file__).resolve().parent.parent / "data"


def starter_catalog_dir() -> Path:
    """The published, signed starter catalog that makes a fresh install useful offline."""
    return package_data_dir() / "starter"


def starter_public_key() -> Path:
    """The public key the packaged starter catalog is signed with."""
    return starter_catalog_dir() / "starter.pub"
