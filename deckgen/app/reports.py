"""Reports for CI systems: JUnit XML (GitLab, Jenkins, GitHub test reporters) and JSON.

One entry per deck (``build``) or per outline (``check``): what it is, whether it passed,
how long it took, and the ``file:line:col`` messages of what went wrong. The facts are
plain data (:class:`Entry`); :func:`write_report` picks the format by file suffix.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from deckgen.app.output import write_atomically
from deckgen.errors import UsageError, printable

REPORT_SUFFIXES = (".xml", ".json")


@dataclass(frozen=True)
class Entry:
    """One deck built (or one outline checked) and what came of it."""

    name: str
    """The deck file for ``build``, the outline file for ``check``: the test case's name."""
    outline: str
    audience: str | None
    status: str
    """``built``, ``skipped`` (unchanged), ``failed`` for build; ``ok``, ``failed`` for check."""
    seconds: float
    problems: tuple[str, ...] = ()
    """Error lines, ``file:line:col: location: message``."""
    warnings: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def check_report_path(path: Path) -> None:
    """A usage error unless ``path`` ends in .xml (JUnit) or .json."""
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise UsageError(f"--report {printable(str(path))}: name a .xml file (JUnit) or a .json file")


def write_report(path: Path, command: str, entries: Sequence[Entry]) -> None:
    """Write ``entries`` to ``path`` as JUnit XML (.xml) or JSON (.json), atomically."""
    check_report_path(path)
    if path.suffix.lower() == ".json":
        data = json_report(command, entries)
    else:
        data = junit_xml(command, entries)
    write_atomically(path, data)


def json_report(command: str, entries: Sequence[Entry]) -> bytes:
    """``{"command", "tests", "failures", "seconds", "results": [...]}`` as UTF-8 JSON."""
    results = [{**asdict(entry), "problems": list(entry.problems), "warnings": list(entry.warnings),
                "seconds": round(entry.seconds, 3)} for entry in entries]
    document = {
        "command": f"deckgen {command}",
        "tests": len(entries),
        "failures": sum(entry.failed for entry in entries),
        "seconds": round(sum(entry.seconds for entry in entries), 3),
        "results": results,
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def _text(value: str) -> str:
    """Text safe in XML: control characters escaped, undecodable file names kept readable."""
    return printable(value).encode("utf-8", "backslashreplace").decode("utf-8")


def junit_xml(command: str, entries: Sequence[Entry]) -> bytes:
    """A JUnit XML document: one ``<testcase>`` per entry, a ``<failure>`` for each failed one."""
    failures = sum(entry.failed for entry in entries)
    seconds = f"{sum(entry.seconds for entry in entries):.3f}"
    attributes = {"name": f"deckgen {command}", "tests": str(len(entries)), "failures": str(failures),
                  "errors": "0", "skipped": "0", "time": seconds}
    root = ET.Element("testsuites", attributes)
    suite = ET.SubElement(root, "testsuite", attributes)
    for entry in entries:
        _testcase(suite, command, entry)
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def _testcase(suite: ET.Element, command: str, entry: Entry) -> None:
    case = ET.SubElement(suite, "testcase", {
        "classname": f"deckgen.{command}", "name": _text(entry.name), "file": _text(entry.outline),
        "time": f"{entry.seconds:.3f}",
    })
    if entry.failed:
        lines = [_text(line) for line in entry.problems] or ["failed"]
        failure = ET.SubElement(case, "failure", {"message": lines[0], "type": "error"})
        failure.text = "\n".join(lines)
    notes = [f"audience: {entry.audience}"] if entry.audience else []
    if entry.status == "skipped":
        notes.append("unchanged since the last build; not rebuilt")
    notes += [f"warning: {line}" for line in entry.warnings]
    if notes:
        ET.SubElement(case, "system-out").text = "\n".join(_text(note) for note in notes)
