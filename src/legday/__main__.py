"""Entry point for ``legday`` and ``python -m legday``. Kept tiny: the command line module decides
whether Textual is needed at all (scripted commands never import it)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from legday.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
