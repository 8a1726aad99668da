"""Web app over the plan assistant: `python app.py --index var/index --host 127.0.0.1 --port 7860`."""

from __future__ import annotations

from webapp.server import main

if __name__ == "__main__":
    raise SystemExit(main())
