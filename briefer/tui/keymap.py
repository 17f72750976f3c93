"""The reader's keys, declared once: the bindings, the footer, the help box and the command
palette are all made from `KEYS`, so a new key is one line here and cannot be missing from help."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Key:
    """`keys` as Textual names them, `shown` as the reader reads them; `footer` keeps the key in
    the footer (which has room for about eight at 80 columns)."""

    keys: str
    action: str
    label: str
    help: str
    shown: str
    footer: bool = False


KEYS: tuple[Key, ...] = (
    Key("question_mark", "help", "Help", "these keys", "?", footer=True),
    Key("slash", "search", "Search", "search brief and articles", "/", footer=True),
    Key("plus,equals_sign", "length(1)", "Longer", "longer bottom line", "+", footer=True),
    Key("minus", "length(-1)", "Shorter", "shorter bottom line", "-", footer=True),
    Key("a", "cycle_algorithm", "Algorithm", "next summarizer", "a", footer=True),
    Key("s", "export", "Save", "save: .md .txt .html .json", "s", footer=True),
    Key("y", "copy", "Copy", "copy item with citation", "y", footer=True),
    Key("q", "quit", "Quit", "quit, also Ctrl-C", "q", footer=True),
    Key("n", "section(1)", "Next section", "next section", "n"),
    Key("p", "section(-1)", "Previous section", "previous section", "p"),
    Key("o", "toggle_section", "Open/close", "open/close this section", "o"),
    Key("e", "expand_all(True)", "Expand all", "open every section", "e"),
    Key("c", "expand_all(False)", "Collapse all", "close every section", "c"),
    Key("f", "filter_actors", "Filter actors", "filter actors by name", "f"),
    Key("A,shift+a", "show_all", "Show all", "every actor and position", "A"),
    Key("l", "articles", "Articles", "go to the article list", "l"),
    Key("v", "view_article", "View article", "read the current article", "v"),
    Key("u", "open_url", "Open URL", "open the article's URL", "u"),
    Key("t", "toggle_theme", "Theme", "light or dark theme", "t"),
)

MOVES: tuple[tuple[str, str], ...] = (
    ("↑↓ j k", "move, also in actor table"),
    ("Enter", "open source/section/actor"),
    ("Esc b", "back from source view"),
    ("n p /", "source view: sentence, find"),
    ("Ctrl-P", "all commands by name"),
    ("mouse", "click items, wheel scrolls"),
)
"""Keys that belong to widgets or screens, listed in the help box beside `KEYS`."""

BRIEF_ACTIONS = frozenset(k.action.split("(")[0] for k in KEYS) - {"help", "quit", "toggle_theme"}
"""Actions on the brief's own screen; off while the source view or a dialog is open."""


def bindings() -> list[Binding]:
    return [Binding(k.keys, k.action, k.label, show=k.footer) for k in KEYS]


def help_rows() -> list[tuple[str, str]]:
    return [(k.shown, k.help) for k in KEYS] + list(MOVES)
