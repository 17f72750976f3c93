"""`briefer completion bash|zsh|fish`: a completion script made from the command table's parsers.

bash and zsh scripts come from shtab (a small, well-kept generator for argparse); fish's is written
here, one `complete` line per option, because shtab does not speak fish. Install, for example:
`briefer completion bash > ~/.local/share/bash-completion/completions/briefer`.
"""

from __future__ import annotations

import argparse

from briefer.environment import Environment, Settings
from briefer.errors import ExitStatus, UsageError

SHELLS = ("bash", "zsh", "fish")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    parser.epilog = "example: briefer completion bash > ~/.local/share/bash-completion/completions/briefer"


def run_completion(args: argparse.Namespace, env: Environment, settings: Settings) -> int:
    parser = full_parser()
    if args.shell == "fish":
        env.stdout.write(fish_script(parser))
    else:
        try:
            import shtab
        except ImportError:
            raise UsageError("completion for bash and zsh needs shtab: pip install shtab") from None
        env.stdout.write(shtab.complete(parser, shell=args.shell) + "\n")
    return ExitStatus.OK


def full_parser() -> argparse.ArgumentParser:
    """One parser with every command of the table and all its options (imports each command)."""
    from briefer.cli import COMMANDS, command_parser, top_parser

    parser = top_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for command in COMMANDS:
        sub.choices[command.name] = command_parser(command)
    return parser


def fish_script(parser: argparse.ArgumentParser) -> str:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help or "" for c in sub._choices_actions}
    lines = ["# briefer completion for fish", "complete -c briefer -f"]
    for name, command in sub.choices.items():
        lines.append(
            f"complete -c briefer -n __fish_use_subcommand -a {name} -d {_quote(helps.get(name, ''))}"
        )
        for action in command._actions:
            lines.extend(_fish_option(name, action))
        if any(a.dest == "sources" for a in command._actions):
            lines.append(f"complete -c briefer -n '__fish_seen_subcommand_from {name}' -F")
    return "\n".join(lines) + "\n"


def _fish_option(command: str, action: argparse.Action) -> list[str]:
    flags = []
    for option in action.option_strings:
        if option.startswith("--"):
            flags.append(f"-l {option[2:]}")
        elif len(option) == 2:
            flags.append(f"-s {option[1]}")
    if not flags:
        return []
    line = f"complete -c briefer -n '__fish_seen_subcommand_from {command}' {' '.join(flags)}"
    if action.choices:
        line += f" -x -a {_quote(' '.join(str(c) for c in action.choices))}"
    elif action.nargs != 0:
        line += " -r"
    return [line + f" -d {_quote(action.help or '')}"]


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
