"""``canhgiac verification import``: files, standard input and endless streams."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import create_engine, func, select

from canhgiac.verification.models import DomainCandidate

pytestmark = pytest.mark.db

SCAMS = [f"vietcombank-xacminh{i}.xyz" for i in range(1, 6)]


def _ct_line(name: str) -> bytes:
    record = {"message_type": "certificate_update", "data": {"leaf_cert": {"all_domains": [name]}}}
    return (json.dumps(record) + "\n").encode()


def _queued(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(DomainCandidate)).scalar())
    finally:
        engine.dispose()


class _Stream(io.RawIOBase):
    """A CertStream client's output: one line per read; notes what the queue holds each time
    it is asked for the next line."""

    def __init__(self, lines: list[bytes], url: str) -> None:
        self.lines, self.url, self.seen = list(lines), url, []

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if not self.lines or len(buffer) < len(self.lines[0]):  # click probes with read(0)
            return 0
        self.seen.append(_queued(self.url))
        line = self.lines.pop(0)
        buffer[: len(line)] = line
        return len(line)


def test_stream_batches_reach_the_queue_while_the_stream_goes_on(cli, scratch_database_url):
    stream = _Stream([_ct_line(n) for n in SCAMS], scratch_database_url)
    result = cli(
        "verification", "import", "-", "--format", "ct-jsonl", "--source", "ct",
        "--stream", "--batch", "2", input=stream,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    totals = [json.loads(line) for line in result.stdout.splitlines()]
    assert [t["queued"] for t in totals] == [2, 4, 5]
    # The third line is read after the first batch was saved, the fifth after the second.
    assert stream.seen[2] == 2 and stream.seen[4] == 4
    assert _queued(scratch_database_url) == 5


def test_standard_input_without_stream_is_one_import(cli, scratch_database_url):
    text = "\n".join([*SCAMS, "vnexpress.net", "khong phai ten"]) + "\n"
    result = cli("verification", "import", "-", "--source", "nrd", input=text)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["queued"] == 5 and summary["names"] == 7
    again = cli("verification", "import", "-", "--source", "nrd", "--stream", input=text)
    assert json.loads(again.stdout.splitlines()[-1])["seen_again"] == 5
    assert _queued(scratch_database_url) == 5


def test_missing_file_in_stream_mode_is_a_clear_error(cli, tmp_path):
    result = cli("verification", "import", str(tmp_path / "none.jsonl"), "--stream")
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "[path]" in message and "file not found" in message


def test_resolver_log_names_join_the_queue_as_monitoring(cli, scratch_database_url, tmp_path):
    log = tmp_path / "query.log"
    log.write_text(
        "".join(
            f"03-Dec-2026 07:00:0{i}.000 queries: info: client @0x7f3a1c 10.20.4.{i}#5300{i} "
            f"({name}): query: {name} IN A + (10.0.0.53)\n"
            for i, name in enumerate(
                [SCAMS[0], "vnexpress.net", SCAMS[0], "1.4.20.10.in-addr.arpa"]
            )
        ),
        encoding="utf-8",
    )
    result = cli("verification", "import", str(log), "--format", "bind")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["names"] == 2 and summary["queued"] == 1  # each name once; no reverse look-up
    engine = create_engine(scratch_database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(DomainCandidate.name, DomainCandidate.source)).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [(SCAMS[0], "monitoring")]


def test_capture_pending_on_an_empty_queue_checks_nothing(cli):
    result = cli("verification", "capture-pending", "--limit", "5")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"checked": 0, "answered": 0, "unusable": 0}
    assert cli("verification", "capture-pending", "--limit", "0").exit_code == 2
