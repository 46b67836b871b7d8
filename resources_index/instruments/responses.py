"""Responses kept in the library folder, per user, never anywhere else:

    <library>/instruments/responses/<user>/drafts/<form id>/<response id>.json
    <library>/instruments/responses/<user>/completed/<form id>/<response id>.json

A draft is written again after every answer, atomically and durably (``util.fsutil``): a killed
program or a closed laptop loses at most the answer being typed. Completing writes the completed
response first and removes the draft second, so a kill between the two leaves both, and the draft
is then ignored (and removed by the next ``drafts()``). ``<user>`` is the login name made safe for
a folder name, so people sharing a laptop account-by-account keep their responses apart.
"""

import datetime
import getpass
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from resources_index.errors import InstrumentError, LibraryError, Words, reason_of
from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.limits import MAX_ANSWER_CHARS, MAX_RESPONSE_BYTES
from resources_index.instruments.session import FormSession
from resources_index.util.fsutil import open_regular, remove_file, write_atomic

RESPONSES_FOLDER = Path("instruments") / "responses"
RESPONSE_FORMAT = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Response:
    """One filling-in of a form. ``subject`` is a label the person chooses (a coachee's
    initials, "practice run") that never leaves the laptop."""

    id: str
    form_id: str
    form_version: str
    language: str
    started: str
    modified: str
    completed: str = ""
    subject: str = ""
    answers: Mapping[str, str] = field(default_factory=dict)


def now_text() -> str:
    """The time now, UTC, to the second: ``2026-12-03T08:49:33Z``."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def safe_name(text: str, fallback: str) -> str:
    """``text`` made into one safe path component (never ``..``, never empty)."""
    cleaned = _UNSAFE.sub("_", text).strip("._")[:64]
    return cleaned or fallback


def user_responses_folder(library_root: Path, user: str | None = None) -> Path:
    """The folder of ``user``'s responses (the login name when not given)."""
    return library_root / RESPONSES_FOLDER / safe_name(user or getpass.getuser(), "user")


class ResponseStore:
    """One user's drafts and completed responses."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def new_draft(self, definition: FormDefinition, language: str, subject: str = "") -> Response:
        """A new, empty draft of ``definition`` (saved at once, so it is listed)."""
        stamp = now_text()
        draft = Response(
            id=uuid.uuid4().hex,
            form_id=definition.id,
            form_version=definition.version,
            language=language,
            started=stamp,
            modified=stamp,
            subject=subject[:200],
        )
        self.save_draft(draft)
        return draft

    def save_draft(self, response: Response, answers: Mapping[str, str] | None = None) -> Response:
        """Write the draft with ``answers`` (atomically, durably) and return what was written."""
        saved = replace(
            response,
            modified=now_text(),
            answers=dict(response.answers if answers is None else answers),
        )
        _write(self._path("drafts", saved), _to_bytes(saved))
        return saved

    def complete(self, response: Response, session: FormSession) -> Response:
        """Keep the response as completed (relevant answers and calculated values) and remove
        its draft. The caller checks ``session.is_complete()`` first."""
        done = replace(
            response,
            modified=now_text(),
            completed=now_text(),
            answers=session.final_answers(),
        )
        _write(self._path("completed", done), _to_bytes(done))
        remove_file(self._path("drafts", done))
        return done

    def discard_draft(self, response: Response) -> None:
        remove_file(self._path("drafts", response))

    def drafts(self, form_id: str | None = None) -> tuple[list[Response], list[InstrumentError]]:
        """Drafts not yet completed (oldest first), and any file that could not be read."""
        done = {r.id for r in self.completed(form_id)[0]}
        drafts, problems = self._read_all("drafts", form_id)
        for draft in [d for d in drafts if d.id in done]:
            self.discard_draft(draft)  # completed, then killed before the draft was removed
        return [d for d in drafts if d.id not in done], problems

    def completed(self, form_id: str | None = None) -> tuple[list[Response], list[InstrumentError]]:
        """Completed responses (oldest first), and any file that could not be read."""
        return self._read_all("completed", form_id)

    def _path(self, kind: str, response: Response) -> Path:
        form = safe_name(response.form_id, "form")
        return self.folder / kind / form / f"{safe_name(response.id, 'response')}.json"

    def _read_all(
        self, kind: str, form_id: str | None
    ) -> tuple[list[Response], list[InstrumentError]]:
        base = self.folder / kind
        folders = [base / safe_name(form_id, "form")] if form_id else _subfolders(base)
        found: list[Response] = []
        problems: list[InstrumentError] = []
        for folder in folders:
            for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
                try:
                    found.append(read_response(path))
                except InstrumentError as error:
                    problems.append(error)
        found.sort(key=lambda r: (r.started, r.id))
        return found, problems


class _Unusable(ValueError):
    """Why a saved response cannot be used (said inside ``instrument.response_unreadable``):
    a ``response.`` kind."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.words = Words(kind)


def read_response(path: Path) -> Response:
    """A saved response, checked; ``InstrumentError`` naming the file if it cannot be used."""
    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_RESPONSE_BYTES + 1)
        if len(data) > MAX_RESPONSE_BYTES:
            raise _Unusable("response.too_large")
        try:
            raw = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError):
            raise _Unusable("response.not_json") from None
        return _from_json(raw)
    except (OSError, _Unusable) as error:
        reason = reason_of(error) if isinstance(error, OSError) else error.words
        raise InstrumentError(
            "instrument.response_unreadable", path=str(path), reason=reason
        ) from None


def _from_json(raw: Any) -> Response:
    if not isinstance(raw, dict) or raw.get("format") != RESPONSE_FORMAT:
        raise _Unusable("response.not_response")
    texts = {}
    for key in ("id", "form_id", "form_version", "language", "started", "modified"):
        texts[key] = _text(raw.get(key))
    answers = raw.get("answers", {})
    if not isinstance(answers, dict):
        raise _Unusable("response.answers_not_mapping")
    return Response(
        **texts,
        completed=_text(raw.get("completed", "")),
        subject=_text(raw.get("subject", "")),
        answers={_text(k): _text(v) for k, v in answers.items()},
    )


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_ANSWER_CHARS:
        raise _Unusable("response.value_not_text")
    return value


def _to_bytes(response: Response) -> bytes:
    raw = {"format": RESPONSE_FORMAT, **asdict(response), "answers": dict(response.answers)}
    return json.dumps(raw, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a full disk or a read-only folder is one sentence, and the file as it
    was (the previous draft) stays whole."""
    try:
        write_atomic(path, data)
    except OSError as error:
        raise LibraryError("library.not_written", path=str(path), reason=reason_of(error)) from None


def _subfolders(base: Path) -> list[Path]:
    return sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
