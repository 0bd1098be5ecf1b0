"""``python -m eval [options]`` is ``catalog-assistant eval [options]``."""

import sys

from assistant.cli import main

sys.exit(main(["eval", *sys.argv[1:]]))
