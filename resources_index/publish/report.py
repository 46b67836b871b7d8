"""What a publish did, for the command line and the content team."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PublishReport:
    """What a publish did, and every file it skipped or warned about, in plain sentences."""

    out: Path
    version: int
    changed: bool
    resources: int = 0
    instruments: int = 0
    objects_written: int = 0
    objects_reused: int = 0
    #: objects found missing, damaged or altered in OUT and written again from the source
    objects_repaired: int = 0
    #: whether the index and parts were written again (missing, damaged or altered in OUT)
    parts_repaired: bool = False
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: why nothing was published at all (a folder with nothing a catalog carries)
    refused: str = ""

    def summary(self) -> str:
        if self.refused:
            return self.refused
        repaired = self._repaired()
        if not self.changed and repaired:
            return (
                f"The catalog did not change: {self.out} stays at version {self.version};"
                f" written again there because damaged or missing: {repaired}."
            )
        if not self.changed:
            return f"Nothing changed: {self.out} stays at version {self.version}."
        instruments = f" {self.instruments} instruments," if self.instruments else ""
        line = (
            f"Published version {self.version} to {self.out}: {self.resources} resources,"
            f"{instruments} {self.objects_written} new files, {self.objects_reused} reused."
        )
        if repaired:
            line += f" Written again because damaged or missing in it: {repaired}."
        return line

    def _repaired(self) -> str:
        """What was found damaged or missing in OUT and written again, in words ('' if none)."""
        what = []
        if self.objects_repaired:
            files = "file" if self.objects_repaired == 1 else "files"
            what.append(f"{self.objects_repaired} {files}")
        if self.parts_repaired:
            what.append("the catalog's index and parts")
        return " and ".join(what)
