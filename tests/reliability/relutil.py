"""Shared helpers of the reliability suite (imported by conftest and the tests)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
NEWS = (ROOT.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl").resolve()
EXAMPLES = int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "40"))

GOOD_TEXTS = (
    "أدانت مصر بشدة القصف الإسرائيلي على مدينة رفح جنوب قطاع غزة، وطالبت بوقف فوري لإطلاق النار.",
    "أجرى وزير الخارجية الأمريكي مايك بومبيو محادثة هاتفية مع وزير الخارجية الروسي سيرجي لافروف.",
    "استقبل الرئيس التركي رجب طيب أردوغان في أنقرة أمس رئيس الوزراء العراقي لبحث العلاقات الثنائية.",
)


def marsad_env(src: Path | None = None, **settings: object) -> dict[str, str]:
    """The environment for a CLI subprocess: PYTHONPATH=src plus ``MARSAD_<NAME>`` settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONPATH"] = str(src or SRC) + os.pathsep + env.get("PYTHONPATH", "")
    for k, v in settings.items():
        env[f"MARSAD_{k.upper()}"] = str(v)
    return env


def marsad_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "marsad.cli", *args]




def frozen_src(dest: Path) -> Path:
    """A copy of src/ so that runs compared with each other use the same code even while src/ changes."""
    import shutil

    out = dest / "src"
    shutil.copytree(SRC, out, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return out
