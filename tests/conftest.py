import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def pytest_terminal_summary(terminalreporter):
    """Say how much the generic properties covered, so a missing registration shows."""
    from strategies import PACK_IDS, PROFILE_IDS
    from test_properties import RULES

    rules = {rule.id for rule, _ in RULES}
    terminalreporter.write_line(
        f"textfix generic properties ran over {len(PROFILE_IDS)} profiles, {len(PACK_IDS)} packs "
        f"and {len(rules)} rules"
    )
