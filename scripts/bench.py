"""`make bench`: run every benchmark in scripts/bench_*.py in turn and print their tables.

Each benchmark module has a `main() -> None` that prints its own table.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def main() -> int:
    only = sys.argv[1:]
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        if only and path.stem.removeprefix("bench_") not in only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}")
        module.main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
