"""The kit's PDFs for a whole batch, in shared LibreOffice processes, recorded in the manifests.

After the decks, guides and handouts of a batch are written, every PDF of every freshly
built kit (slides, notes pages, handout) is made in one :func:`~deckgen.app.pdf.convert_all`
run, so LibreOffice starts a few times per batch rather than three times per deck.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from deckgen.app.jobs import Result, kit_words
from deckgen.app.kit import kit_pdfs
from deckgen.app.manifest import Record, file_digest, inputs_digest, write_manifest
from deckgen.app.pdf import Conversion, convert_all, soffice_path, writer_missing
from deckgen.errors import DeckgenError


def export_kit_pdfs(results: Sequence[Result], processes: int = 2) -> tuple[list[DeckgenError], list[Path]]:
    """Make the PDFs of the kits built in ``results``: (failures, PDFs skipped for want of LibreOffice)."""
    built = [r for r in results if r.status == "built" and r.job.kit and r.record is not None]
    wanted = [(result, item.kind, conversion) for result in built for item, conversion in kit_pdfs(result.job.output, result.language or "en-US")]
    if not wanted:
        return [], []
    if soffice_path() is None:
        return [], [conversion.target for _result, _kind, conversion in wanted]
    skipped = []
    if writer_missing():  # Impress alone: decks and notes yes, Word handouts no
        skipped = [c.target for _result, _kind, c in wanted if c.kind == "document"]
        wanted = [item for item in wanted if item[2].kind != "document"]
    failures = convert_all([conversion for _result, _kind, conversion in wanted], processes=processes)
    _record(wanted, {conversion.target for error in failures for conversion in error.conversions})
    return list(failures), skipped


def _record(wanted: list[tuple[Result, str, Conversion]], failed: set[Path]) -> None:
    """Add each PDF that was made to its folder's manifest."""
    updates: dict[Path, dict[str, Record]] = {}
    for result, kind, conversion in wanted:
        if conversion.target in failed or not conversion.target.is_file():
            continue
        assert result.record is not None
        files = [Path(f) for f in result.record.files]
        record = Record(inputs_digest(files, kit_words(result.job, kind)), file_digest(conversion.target), result.record.files)
        updates.setdefault(conversion.target.parent, {})[conversion.target.name] = record
    for folder, records in sorted(updates.items()):
        write_manifest(folder, records)
