from __future__ import annotations

from headway import main

main()
