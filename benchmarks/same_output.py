"""Prove a refactor: the records of two runs on the corpus and the VOA stories are identical.

    python benchmarks/same_output.py save /tmp/before     # on the old code
    python benchmarks/same_output.py compare /tmp/before  # on the new code: exit 1 on a diff

Runs ``communique extract`` (the installed command) on ``corpus/articles`` and, when
present, ``../shared/corpus/voa/voa_dev.jsonl``, and compares the records line by line
(``source_path`` aside). A diff prints the article id and the first differing kind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the shared folder beside the project (../shared), or $COMMUNIQUE_SHARED
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared")
INPUTS = {
    "corpus": ROOT / "corpus" / "articles",
    "voa": SHARED / "corpus" / "voa" / "voa_dev.jsonl",
}


def run(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    exe = shutil.which("communique") or str(Path(sys.executable).parent / "communique")
    for name, path in INPUTS.items():
        if not path.exists():
            print(f"skip {name}: {path} is absent")
            continue
        subprocess.run(
            [exe, "extract", str(path), "-o", str(folder / f"{name}.jsonl"), "--force"],
            check=False,
            capture_output=True,
        )


def records(path: Path) -> dict:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record.pop("source_path", None)
        out[record["id"]] = record
    return out


def compare(before: Path, after: Path) -> int:
    diffs = 0
    for name in INPUTS:
        if not (before / f"{name}.jsonl").exists():
            continue
        old, new = records(before / f"{name}.jsonl"), records(after / f"{name}.jsonl")
        for key in sorted(set(old) | set(new)):
            a, b = old.get(key), new.get(key)
            if a == b:
                continue
            diffs += 1
            kinds = [k for k in (a or b) if (a or {}).get(k) != (b or {}).get(k)]
            print(f"{name} {key}: differs in {kinds}")
        print(f"{name}: {len(old)} vs {len(new)} records compared")
    print("identical" if not diffs else f"{diffs} records differ")
    return 1 if diffs else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"save", "compare"}:
        print(__doc__)
        return 2
    target = Path(argv[1])
    if argv[0] == "save":
        run(target)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp))
        return compare(target, Path(tmp))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
