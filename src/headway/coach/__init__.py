"""The reasoning of Headway in pure Python: plain data in, plain data out.

Nothing here imports Django or another Headway package; a test enforces it.
"""
