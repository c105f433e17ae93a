import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def pytest_terminal_summary(terminalreporter):
    """Say how much the generic properties covered, so a missing registration shows."""
    from strategies import PACK_IDS, PROFILE_IDS

    from textfix import Pipeline

    rules = {r.id for p in PROFILE_IDS for r in Pipeline(p).rules}
    terminalreporter.write_line(
        f"textfix generic properties ran over {len(PROFILE_IDS)} profiles, {len(PACK_IDS)} packs "
        f"and {len(rules)} rules"
    )
