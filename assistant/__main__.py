"""`python -m assistant`: see assistant.cli."""

import sys

from assistant.cli import main

sys.exit(main())
