"""Safe YAML reading: bytes -> a small tree of located nodes, never Python objects.

The outline layer never calls ``yaml.load``: text is *composed* with a
:class:`yaml.SafeLoader` subclass (so no tag can run code) and the node graph is
copied into :class:`YScalar` / :class:`YSeq` / :class:`YMap`, each carrying its
1-based :class:`~deckgen.outline.model.Position` and its location path (``questions[2].kind``)
so that every later error can say where it is. The copy is where hostile input is
stopped: unknown tags, duplicate keys, alias bombs and absurd nesting all become
:class:`~deckgen.errors.Problem` objects instead of exceptions or memory blow-ups.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, Union

import yaml
from yaml.constructor import SafeConstructor

from deckgen.errors import OutlineError, Problem
from deckgen.outline.position import Position
from deckgen.records import record

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Largest outline accepted; a real discussion guide is a few kilobytes."""
MAX_DEPTH = 50
"""Deepest nesting of lists/mappings accepted (aliases included)."""
MAX_ALIASES = 1000
"""Most ``*alias`` references accepted in one file."""
MAX_NODES = 100_000
"""Most nodes after expanding aliases: stops "billion laughs" after a few milliseconds."""
MAX_TEXT_CHARS = 4_000_000
"""Most characters of text after expanding aliases (a 20 KB string used 999 times is 20 MB)."""

YAML_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (
    YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
SEQ, MAP = YAML_TAG + "seq", YAML_TAG + "map"
ALLOWED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, SEQ, MAP})


@record(frozen=True)
class YScalar:
    """A scalar as written (``value``), its resolved tag and its Python value."""

    value: str
    tag: str
    native: str | int | float | bool | None
    """``value`` for strings and timestamps, else the int/float/bool/None it means."""
    path: str
    position: Position


@record(frozen=True)
class YSeq:
    """A YAML sequence (block ``- x`` or flow ``[x, y]``)."""

    items: tuple[YNode, ...]
    path: str
    position: Position


@record(frozen=True)
class YMap:
    """A YAML mapping; ``entries`` maps each key's text to (key node, value node)."""

    entries: dict[str, tuple[YScalar, YNode]]
    path: str
    position: Position

    def value(self, key: str) -> YNode | None:
        """The value node of ``key``, or None when the key is absent."""
        entry = self.entries.get(key)
        return entry[1] if entry else None


def is_null(node: YNode) -> bool:
    """True for an explicit YAML null (``key:`` with nothing after it, ``~``, ``null``)."""
    return isinstance(node, YScalar) and node.tag == NULL


@record(frozen=True)
class YBad:
    """Stands for a node already reported as a problem (e.g. a forbidden tag)."""

    path: str
    position: Position


YNode = Union[YScalar, YSeq, YMap, YBad]


def child_path(parent: str, key: str | int) -> str:
    """Location path of a child: ``sections[1]`` for an index, ``source.title`` for a key."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def position_of(mark: object) -> Position:
    """Turn PyYAML's 0-based mark (pure or libyaml) into a 1-based :class:`Position`."""
    line, column = getattr(mark, "line", None), getattr(mark, "column", None)
    if not isinstance(line, int) or not isinstance(column, int):
        return Position()
    return Position(line + 1, column + 1)


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` -> ``!!python/object`` (as the user wrote it)."""
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


# --------------------------------------------------------------------------- reading


def read_outline_text(path: Path) -> str:
    """Read an outline file as UTF-8 (a BOM is allowed); raise :class:`OutlineError` else.

    Only a regular file is read (a FIFO would block, a device never ends), and never more
    than :data:`MAX_FILE_BYTES` + 1 bytes, whatever size the file system claims.
    """
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            _fail(path, "is a folder, not an outline file")
        if not stat.S_ISREG(mode):
            _fail(path, f"is {_special_kind(mode)}, not a regular file; give an outline file (.yaml)")
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        _fail(path, "no such file")
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        _fail(path, f"cannot read the file ({getattr(exc, 'strerror', None) or exc})")
    if len(data) > MAX_FILE_BYTES:
        _fail(path, f"the file is larger than {MAX_FILE_BYTES:,} bytes; outlines are limited to {MAX_FILE_BYTES:,} (split it into several outlines)")
    return decode_outline_bytes(data, path)


def _special_kind(mode: int) -> str:
    """What a file that is not a regular file is, in user words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def decode_outline_bytes(data: bytes, path: Path | None) -> str:
    """Decode UTF-8 (with or without BOM); binary or other encodings are explained."""
    if len(data) > MAX_FILE_BYTES:
        _fail(path, f"the file is {len(data):,} bytes; outlines are limited to {MAX_FILE_BYTES:,}")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        _fail(path, "the file is UTF-32; save it as UTF-8", 1, 1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _fail(path, "the file is UTF-16; save it as UTF-8", 1, 1)
    if b"\x00" in data:
        line, column = _line_column(data, data.index(b"\x00"))
        _fail(path, "this is a binary file, not a YAML outline (it contains NUL bytes)", line, column)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_column(data, exc.start)
        byte = data[exc.start]
        _fail(path, f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8", line, column)


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, roughly) of a byte offset."""
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


def _fail(path: Path | None, message: str, line: int = 0, column: int = 0) -> NoReturn:
    raise OutlineError([Problem(path, line, column, message)])


# --------------------------------------------------------------------------- composing


class _DeckgenLoader(yaml.SafeLoader):
    """SafeLoader that refuses deep nesting and many aliases *while* composing.

    PyYAML's composer recurses once per nesting level, so the depth check must
    happen here, before Python's recursion limit is anywhere near.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _LimitError(f"more than {MAX_ALIASES} aliases (*name)", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LimitError(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _LimitError(Exception):
    """A safety limit was hit while composing; becomes a :class:`Problem`."""

    def __init__(self, message: str, mark: object) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def compose(text: str, path: Path | None = None) -> YNode | None:
    """Compose one YAML document into located nodes; None for an empty document.

    Raises :class:`OutlineError` for syntax errors and exceeded limits (nothing
    else can be checked then); collects per-node problems (tags, duplicate keys)
    and raises them together.
    """
    root = _compose_yaml(text, path)
    if root is None:
        return None
    converter = _Converter(path)
    node = converter.convert(root, "", 0)
    if converter.problems:
        raise OutlineError(converter.problems)
    return node


_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
"""libyaml's loader, about ten times faster than PyYAML's own; None where it is not built."""


def _within_limits_fast(text: str) -> bool:
    """True when libyaml parses ``text`` cleanly within the depth and alias limits.

    Only then is the fast composer used; anything else goes through the pure-Python
    loader, whose limit checks and error messages are the ones users see.
    """
    depth = aliases = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return False
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    return False
    except (yaml.YAMLError, RecursionError):
        return False
    return True


def _compose_fast(text: str) -> yaml.Node | None:
    """Compose with libyaml when the text is known to be clean; raises to ask for the slow path."""
    if _FAST_LOADER is None or not _within_limits_fast(text):
        raise LookupError("use the pure-Python loader")
    loader = _FAST_LOADER(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _compose_yaml(text: str, path: Path | None) -> yaml.Node | None:
    try:
        return _compose_fast(text)
    except (LookupError, yaml.YAMLError, RecursionError):
        pass  # the pure-Python loader below reports the problem precisely
    try:
        loader = _DeckgenLoader(text)
    except yaml.YAMLError as exc:  # ReaderError: control characters in the text
        raise OutlineError([_reader_problem(exc, text, path)]) from None
    try:
        return loader.get_single_node()
    except _LimitError as exc:
        pos = position_of(exc.mark)
        raise OutlineError([Problem(path, pos.line, pos.column, f"{exc.message}; simplify the outline")]) from None
    except yaml.MarkedYAMLError as exc:
        raise OutlineError([_syntax_problem(exc, path, text)]) from None
    except yaml.YAMLError as exc:  # ReaderError: control characters in the text
        raise OutlineError([_reader_problem(exc, text, path)]) from None
    except RecursionError:  # pragma: no cover - the depth limit comes first
        raise OutlineError([Problem(path, 0, 0, "the outline is nested too deeply")]) from None
    finally:
        loader.dispose()


_HINTS: tuple[tuple[str, str], ...] = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("found unexpected end of stream", "a quote is not closed"),
    ("found unknown escape character", "in double quotes write \\\\ for a backslash, or use single quotes"),
    ("mapping values are not allowed", "quote the value: it contains ': '"),
    ("could not find expected ':'", "each line of a mapping needs 'key: value'; quote text containing ':' or '#'"),
    ("expected <block end>", "check the indentation of this line"),
    ("did not find expected key", "check the indentation of this line"),
    ("did not find expected '-'", "check the indentation of this line"),
    ("found undefined alias", "define the anchor (&name) before using *name"),
    ("expected a single document", "an outline is one YAML document; remove the extra '---'"),
    ("cannot start any token", "quote the value"),
    ("expected ',' or ']'", "inside [...] quote items that end in '?' or contain ': ' or ' #'"),
    ("expected ',' or '}'", "inside {...} quote values that end in '?' or contain ': ' or ' #'"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, path: Path | None, source: str = "") -> Problem:
    mark = exc.problem_mark or exc.context_mark
    pos = position_of(mark)
    text = _syntax_text(exc)
    hint = _indentation_hint(source, pos) if "mapping values are not allowed" in text else None
    hint = hint or next((h for key, h in _HINTS if key in text), "")
    return Problem(path, pos.line, pos.column, f"YAML syntax error: {text}" + (f"; {hint}" if hint else ""))


_LONE_KEY = re.compile(r"(\s*(?:-\s+)?)([^\s:#'\"\[{-][^:#]*?)\s*")
"""What stands before the ``:`` YAML refused on its line, when it is only a key: ``    kind``."""
_KEY_LINE = re.compile(r"(\s*(?:-\s+)?)([^\s:#'\"\[{-][^:#]*?):(?:\s|$)")
"""A line that starts a ``key: value`` (in a list item or not)."""


def _indentation_hint(source: str, pos: Position) -> str | None:
    """How to fix a key indented deeper than the key above it.

    YAML then reads ``kind: analysis`` as more text of the value above (``prompt: Why?
    kind``), and refuses the second ``:``; "quote the value" would be the wrong advice.
    None when the refused ``:`` does not end a lone key on such a line.
    """
    lines = source.splitlines()
    if not 1 <= pos.line <= len(lines):
        return None
    key = _LONE_KEY.fullmatch(lines[pos.line - 1][:pos.column - 1])
    if key is None:
        return None
    column = len(key.group(1)) + 1
    for number in range(pos.line - 1, 0, -1):
        above = _KEY_LINE.match(lines[number - 1])
        if above is not None and len(above.group(1)) + 1 < column:
            where = len(above.group(1)) + 1
            return (f"'{key.group(2)}:' is indented deeper than '{above.group(2)}:' on line {number}, so YAML reads it as "
                    f"more text of that value; indent it like '{above.group(2)}:' (column {where}) if it is a key of its "
                    "own, or quote the value if it contains ': '")
    return None


def _syntax_text(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's problem and context as one phrase: ``expected X, but found Y``."""
    problem, context = exc.problem or "", exc.context or ""
    if not (problem and context):
        return problem or context or "invalid YAML"
    if not context.startswith("while"):
        return f"{context}, {problem}"
    line = f" at line {exc.context_mark.line + 1}" if exc.context_mark is not None else ""
    return f"{problem} ({context}{line})"


def _reader_problem(exc: yaml.YAMLError, text: str, path: Path | None) -> Problem:
    offset = getattr(exc, "position", 0)
    char = getattr(exc, "character", "")
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    code = f"#x{char:04x}" if isinstance(char, int) else "?"
    return Problem(path, line, column, f"control character {code} is not allowed in YAML; remove it")


# --------------------------------------------------------------------------- converting


_SCALAR_CONSTRUCTORS = {
    INT: SafeConstructor.construct_yaml_int,
    FLOAT: SafeConstructor.construct_yaml_float,
    BOOL: SafeConstructor.construct_yaml_bool,
}
_CONSTRUCTOR = SafeConstructor()


_NOT_IN_DOCUMENTS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML (and so a .pptx) cannot contain; YAML escapes like "\\x01" can produce them."""


@dataclass(eq=False, repr=False)  # working state of one conversion, never compared or shown
class _Converter:
    """Copies PyYAML nodes into located nodes, expanding aliases within :data:`MAX_NODES`."""

    path: Path | None
    problems: list[Problem] = field(default_factory=list)
    nodes: int = 0
    chars: int = 0
    seen: set[int] = field(default_factory=set)
    """Ids of the YAML nodes copied so far: seeing one again means an alias repeated it."""
    aliased: bool = False

    def convert(self, node: yaml.Node, path: str, depth: int) -> YNode:
        self.nodes += 1
        pos = position_of(node.start_mark)
        if id(node) in self.seen:
            self.aliased = True
        self.seen.add(id(node))
        if self.nodes > MAX_NODES:
            raise OutlineError([Problem(self.path, pos.line, pos.column, _too_many_nodes(self.aliased))])
        if depth > MAX_DEPTH:
            raise OutlineError([Problem(self.path, pos.line, pos.column, f"nesting deeper than {MAX_DEPTH} levels (through aliases); simplify the outline")])
        if node.tag not in ALLOWED_TAGS:
            return self._bad(path, pos, _tag_message(node.tag))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path, pos)
        if isinstance(node, yaml.SequenceNode):
            items = tuple(self.convert(item, child_path(path, i), depth + 1) for i, item in enumerate(node.value))
            return YSeq(items, path, pos)
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, path, pos, depth)

    def _scalar(self, node: yaml.ScalarNode, path: str, pos: Position) -> YNode:
        self.chars += len(node.value)
        if self.chars > MAX_TEXT_CHARS:
            raise OutlineError([Problem(self.path, pos.line, pos.column, _too_much_text())])
        unusable = _NOT_IN_DOCUMENTS.search(node.value)
        if unusable:
            code = ord(unusable.group())
            what = "a NUL character (U+0000)" if code == 0 else f"the character U+{code:04X}"
            return self._bad(path, pos, f"contains {what}, which a deck cannot hold; remove it")
        construct = _SCALAR_CONSTRUCTORS.get(node.tag)
        native: str | int | float | bool | None = node.value
        if node.tag == NULL:
            native = None
        elif construct is not None:
            try:
                native = construct(_CONSTRUCTOR, node)
            except ValueError:
                return self._bad(path, pos, f"the number {node.value[:20]}... is too large; quote it")
        return YScalar(node.value, node.tag, native, path, pos)

    def _mapping(self, node: yaml.MappingNode, path: str, pos: Position, depth: int) -> YNode:
        entries: dict[str, tuple[YScalar, YNode]] = {}
        for key_node, value_node in node.value:
            key_pos = position_of(key_node.start_mark)
            if key_node.tag not in ALLOWED_TAGS:
                self._report(path, key_pos, _tag_message(key_node.tag))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._report(path, key_pos, "keys must be plain words, not lists or mappings")
                continue
            key = key_node.value
            key_path = child_path(path, key)
            if key in entries:
                first = entries[key][0].position.line
                self._report(key_path, key_pos, f"duplicate key '{key}' (first at line {first}); remove one of them")
                continue
            key_scalar = YScalar(key, key_node.tag, key, key_path, key_pos)
            entries[key] = (key_scalar, self.convert(value_node, key_path, depth + 1))
        return YMap(entries, path, pos)

    def _bad(self, path: str, pos: Position, message: str) -> YBad:
        self._report(path, pos, message)
        return YBad(path, pos)

    def _report(self, path: str, pos: Position, message: str) -> None:
        text = f"{path}: {message}" if path else message
        self.problems.append(Problem(self.path, pos.line, pos.column, text))


def _tag_message(tag: str) -> str:
    if tag == YAML_TAG + "merge":
        return "merge keys (<<) are not supported; write the keys out"
    return f"the tag {short_tag(tag)} is not allowed in an outline; remove it"


def _too_many_nodes(aliased: bool) -> str:
    if aliased:
        return (
            f"the outline expands to more than {MAX_NODES:,} nodes through aliases (*name); "
            "this looks like an alias bomb"
        )
    return f"the outline has more than {MAX_NODES:,} values (list items, keys and texts); split it into several outlines"


def _too_much_text() -> str:
    return (
        f"the outline expands to more than {MAX_TEXT_CHARS:,} characters of text through aliases (*name); "
        "write the text once, or use fewer aliases"
    )
