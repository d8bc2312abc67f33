"""The same article coded by two processes gives the same events (no dependence on hash order)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from relutil import NEWS, marsad_env

CODE = """
import hashlib, itertools, sys
from marsad.api_lib import Coder
from marsad.config import Settings
from marsad.ingest.readers import Article, read_inputs
arts = [a for a in itertools.islice(read_inputs([sys.argv[1]]), 200) if isinstance(a, Article)]
c = Coder(Settings(time_budget_ms=0))
out = [[(e.source.code, e.target.code if e.target else None, e.cameo, e.trigger.start, e.trigger.end)
        for e in c.code_article(a).events] for a in arts]
print(hashlib.sha256(repr(out).encode()).hexdigest())
"""


@pytest.mark.slow
def test_coding_does_not_depend_on_the_hash_seed():
    if not NEWS.exists():
        pytest.skip("../shared/data/news/saudinewsnet.jsonl is not present")
    digests = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**marsad_env(), "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", CODE, str(NEWS)], env=env, capture_output=True, text=True,
                             timeout=1800)
        assert out.returncode == 0, out.stderr[-2000:]
        digests.add(out.stdout.strip())
    assert len(digests) == 1
