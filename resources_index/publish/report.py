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
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: why nothing was published at all (a folder with nothing a catalog carries)
    refused: str = ""

    def summary(self) -> str:
        if self.refused:
            return self.refused
        if not self.changed:
            return f"Nothing changed: {self.out} stays at version {self.version}."
        instruments = f" {self.instruments} instruments," if self.instruments else ""
        return (
            f"Published version {self.version} to {self.out}: {self.resources} resources,"
            f"{instruments} {self.objects_written} new files, {self.objects_reused} reused."
        )
