"""Repair fixes: each a plain function ``text -> list[Edit]`` with the reason it exists."""
