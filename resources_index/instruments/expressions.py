"""The XLSForm expressions a form may use, parsed without ``eval``: a tokenizer and a
recursive-descent parser over exactly the subset ``docs/instruments.md`` documents.

Bounded: an expression longer than ``MAX_EXPRESSION_CHARS`` or nesting deeper than
``MAX_EXPRESSION_DEPTH`` is refused, so neither parsing nor evaluating can exhaust the stack or
run long. Any input either parses or raises ``ExpressionError``; nothing else escapes.

Precedence, lowest first (as XPath): ``or``, ``and``, ``=`` ``!=``, ``<`` ``<=`` ``>`` ``>=``,
``+`` ``-``, ``*`` ``div`` ``mod``, unary ``-``.
"""

import re
from dataclasses import dataclass
from typing import NoReturn

from resources_index.errors import ExpressionError
from resources_index.instruments.limits import MAX_EXPRESSION_CHARS, MAX_EXPRESSION_DEPTH

#: Functions and how many arguments each takes (least, most).
FUNCTIONS: dict[str, tuple[int, int]] = {
    "not": (1, 1),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "if": (3, 3),
    "coalesce": (2, 2),
    "string-length": (1, 1),
    "number": (1, 1),
    "int": (1, 1),
    "round": (1, 2),
    "today": (0, 0),
    "true": (0, 0),
    "false": (0, 0),
}

BINARY_LEVELS: tuple[tuple[str, ...], ...] = (
    ("or",),
    ("and",),
    ("=", "!="),
    ("<", "<=", ">", ">="),
    ("+", "-"),
    ("*", "div", "mod"),
)

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<ref>\$\{(?P<refname>[A-Za-z_][A-Za-z0-9_.-]*)\})
    | (?P<number>\d+(?:\.\d*)?|\.\d+)
    | (?P<string>'[^']*'|"[^"]*")
    | (?P<op><=|>=|!=|[=<>+\-*(),])
    | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
    | (?P<dot>\.)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, ref, op, name, dot, end
    text: str
    position: int  # 1-based character where it starts


@dataclass(frozen=True)
class Literal:
    value: float | str


@dataclass(frozen=True)
class Reference:
    name: str


@dataclass(frozen=True)
class Current:
    """``.``: the answer being checked (constraints only)."""


@dataclass(frozen=True)
class Negate:
    operand: "Node"


@dataclass(frozen=True)
class Binary:
    operator: str
    left: "Node"
    right: "Node"


@dataclass(frozen=True)
class Call:
    function: str
    arguments: tuple["Node", ...]


Node = Literal | Reference | Current | Negate | Binary | Call


def tokenize(expression: str) -> list[Token]:
    """The tokens of ``expression``, ending with an ``end`` token."""
    if len(expression) > MAX_EXPRESSION_CHARS:
        _refuse(expression, f"longer than {MAX_EXPRESSION_CHARS:,} characters", 1)
    tokens: list[Token] = []
    at = 0
    while at < len(expression):
        found = _TOKEN.match(expression, at)
        if found is None:
            _refuse(expression, f"unexpected {expression[at]!r}", at + 1)
        kind = found.lastgroup or ""
        if kind == "refname":  # the inner group of a reference reports last
            kind = "ref"
        if kind != "space":
            text = found.group("refname") if kind == "ref" else found.group()
            tokens.append(Token(kind, text, at + 1))
        at = found.end()
    tokens.append(Token("end", "", len(expression) + 1))
    return tokens


def parse(expression: str) -> Node:
    """The syntax tree of ``expression``, or ``ExpressionError`` saying what and where."""
    return _Parser(expression).parse()


def references(node: Node) -> set[str]:
    """The names ``${...}`` that ``node`` refers to."""
    if isinstance(node, Reference):
        return {node.name}
    if isinstance(node, Negate):
        return references(node.operand)
    if isinstance(node, Binary):
        return references(node.left) | references(node.right)
    if isinstance(node, Call):
        return set().union(*(references(a) for a in node.arguments)) if node.arguments else set()
    return set()


def uses_current(node: Node) -> bool:
    """Whether ``node`` refers to ``.`` (allowed in constraints only)."""
    if isinstance(node, Current):
        return True
    if isinstance(node, Negate):
        return uses_current(node.operand)
    if isinstance(node, Binary):
        return uses_current(node.left) or uses_current(node.right)
    if isinstance(node, Call):
        return any(uses_current(a) for a in node.arguments)
    return False


def _refuse(expression: str, problem: str, position: int) -> NoReturn:
    raise ExpressionError(
        "publish.expression_invalid",
        problem=problem,
        position=position,
        expression=expression[:80] + ("…" if len(expression) > 80 else ""),
    )


def depth(node: Node) -> int:
    """How deeply ``node`` nests (a leaf is 1), measured without recursion."""
    deepest = 0
    stack: list[tuple[Node, int]] = [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(current, Negate):
            stack.append((current.operand, level + 1))
        elif isinstance(current, Binary):
            stack += [(current.left, level + 1), (current.right, level + 1)]
        elif isinstance(current, Call):
            stack += [(argument, level + 1) for argument in current.arguments]
    return deepest


class _Parser:
    """One expression's tokens read once, left to right. ``nesting`` bounds the recursion
    (parentheses, calls, unary minus); the finished tree's depth bounds evaluation."""

    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = tokenize(expression)
        self.at = 0
        self.nesting = 0

    def parse(self) -> Node:
        if self.tokens[0].kind == "end":
            _refuse(self.expression, "an empty expression", 1)
        node = self._level(0)
        token = self._peek()
        if token.kind != "end":
            _refuse(self.expression, f"unexpected {token.text!r}", token.position)
        if depth(node) > MAX_EXPRESSION_DEPTH:
            _refuse(self.expression, f"nested more than {MAX_EXPRESSION_DEPTH} levels deep", 1)
        return node

    def _peek(self) -> Token:
        return self.tokens[self.at]

    def _take(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def _enter(self, token: Token) -> None:
        self.nesting += 1
        if self.nesting > MAX_EXPRESSION_DEPTH:
            _refuse(
                self.expression,
                f"nested more than {MAX_EXPRESSION_DEPTH} levels deep",
                token.position,
            )

    def _level(self, level: int) -> Node:
        if level == len(BINARY_LEVELS):
            return self._unary()
        operators = BINARY_LEVELS[level]
        node = self._level(level + 1)
        while self._peek().kind in ("op", "name") and self._peek().text in operators:
            operator = self._take().text
            node = Binary(operator, node, self._level(level + 1))
        return node

    def _unary(self) -> Node:
        token = self._peek()
        if token.kind == "op" and token.text == "-":
            self._take()
            self._enter(token)
            operand = self._unary()
            self.nesting -= 1
            return Negate(operand)
        return self._primary()

    def _primary(self) -> Node:
        token = self._take()
        if token.kind == "number":
            return Literal(float(token.text))
        if token.kind == "string":
            return Literal(token.text[1:-1])
        if token.kind == "ref":
            return Reference(token.text)
        if token.kind == "dot":
            return Current()
        if token.kind == "op" and token.text == "(":
            self._enter(token)
            node = self._level(0)
            self._expect(")")
            self.nesting -= 1
            return node
        if token.kind == "name" and self._peek().kind == "op" and self._peek().text == "(":
            return self._call(token)
        if token.kind == "end":
            _refuse(self.expression, "it ends too early", token.position)
        if token.kind == "name":
            _refuse(self.expression, f"{token.text!r} is not supported", token.position)
        _refuse(self.expression, f"unexpected {token.text!r}", token.position)

    def _call(self, name: Token) -> Node:
        if name.text not in FUNCTIONS:
            _refuse(self.expression, f"the function {name.text}() is not supported", name.position)
        self._take()  # (
        self._enter(name)
        arguments: list[Node] = []
        if not (self._peek().kind == "op" and self._peek().text == ")"):
            arguments.append(self._level(0))
            while self._peek().kind == "op" and self._peek().text == ",":
                self._take()
                arguments.append(self._level(0))
        self._expect(")")
        self.nesting -= 1
        least, most = FUNCTIONS[name.text]
        if not least <= len(arguments) <= most:
            wanted = str(least) if least == most else f"{least} or {most}"
            _refuse(
                self.expression,
                f"{name.text}() takes {wanted} arguments, not {len(arguments)}",
                name.position,
            )
        return Call(name.text, tuple(arguments))

    def _expect(self, text: str) -> None:
        token = self._take()
        if not (token.kind == "op" and token.text == text):
            found = "the end" if token.kind == "end" else repr(token.text)
            _refuse(self.expression, f"expected {text!r} but found {found}", token.position)
