"""``python -m cspplan.cli``."""

import sys

from . import main

sys.exit(main())
