from __future__ import annotations

import gzip
import os

from canhgiac.monitoring.watch import Watcher
from tests.monitoring import samples


def _summary(w: Watcher) -> dict:
    return w.result().summary()


def test_resume_without_loss_or_double_count(tmp_path):
    ind, _ = samples.write_lists(tmp_path)
    logdir = tmp_path / "logs"
    logdir.mkdir()
    log = logdir / "dns.log"
    text = samples.ZEEK_DNS
    head, tail = text[:1500], text[1500:]
    assert not head.endswith("\n")  # the first poll sees a partial line
    log.write_text(head, encoding="utf-8")
    state = tmp_path / "state.duckdb"

    w = Watcher(state, [logdir], fmt="auto", indicators=[ind])
    first = w.poll()
    assert first.lines > 0
    lines_before = _summary(w)["lines"]
    assert w.poll().lines == 0  # nothing new
    w.close()

    with log.open("a", encoding="utf-8") as fh:
        fh.write(tail)
    w2 = Watcher(state, [logdir], fmt="auto", indicators=[ind])  # a restart
    w2.poll()
    w2.poll()
    got = _summary(w2)
    w2.compact()
    assert _summary(w2)["matched_lines"] == got["matched_lines"]
    w2.close()

    # The same file scanned in one go gives the same counts.
    from canhgiac.monitoring.engine import MonitorEngine

    eng = MonitorEngine()
    eng.load_indicators([ind])
    once = eng.scan([log]).summary()
    assert lines_before < got["lines"]
    for key in ("lines", "matched_lines", "hosts", "alerts", "malformed"):
        assert got[key] == once[key], key


def test_rotation_and_gzip(tmp_path):
    ind, _ = samples.write_lists(tmp_path)
    logdir = tmp_path / "logs"
    logdir.mkdir()
    log = logdir / "access.log"
    log.write_text(samples.SQUID, encoding="utf-8")
    state = tmp_path / "state.duckdb"
    w = Watcher(state, [logdir], fmt="squid", indicators=[ind])
    w.poll()
    n1 = _summary(w)["lines"]
    # Rotate: the old file is compressed, a new file starts at the same path.
    with gzip.open(logdir / "access.log.1.gz", "wt", encoding="utf-8") as fh:
        fh.write(samples.SQUID)
    os.unlink(log)
    log.write_text(samples.SQUID.splitlines(keepends=True)[0], encoding="utf-8")
    w.poll()
    w.poll()
    total = _summary(w)["lines"]
    assert total == n1 * 2 + 1
    w.close()
