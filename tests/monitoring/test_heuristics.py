from __future__ import annotations

from canhgiac.monitoring.engine import MonitorEngine
from canhgiac.monitoring.heuristics import (
    Thresholds,
    dga_score,
    heuristic_findings,
    registered_label,
)


def test_registered_label():
    assert registered_label("a.b.tinmoi24h.vn") == "tinmoi24h"
    assert registered_label("dichvucong.gov.vn") == "dichvucong"
    assert registered_label("x.qwkz7rtp9vbn3.com") == "qwkz7rtp9vbn3"


def test_dga_score_separates_random_from_real_names():
    for name in ("xjw3k9qpz7vmlr2h.com", "q7zt0vbk2mxw9p.net", "kkjhqwrtzplmnbv.org"):
        assert dga_score(name) is not None, name
    for name in ("tinmoi24h.vn", "dichvucong.gov.vn", "nganhangso.com.vn", "thoitiethanoi.vn",
                 "baodientuhcm.vn", "xn--vietnam-abc.vn"):  # fmt: skip
        assert dga_score(name) is None, name


def test_findings_over_a_scan(tmp_path):
    rows = ["time,src,dst,port,bytes"]
    log = tmp_path / "dns.log"
    fields = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tquery\trcode_name\tanswers"
    lines = ["#separator \\x09", f"#fields\t{fields}"]
    for i in range(60):
        lines.append(
            f"{1777593600 + i}\tC\t10.20.9.9\t5000\t10.0.0.53\t53\tq{i:03d}x7kz9wbv.com\tNXDOMAIN\t-"
        )
    for i in range(60):
        lines.append(
            f"{1777593600 + i}\tC\t10.20.9.10\t5000\t10.0.0.53\t53\ttinmoi24h.vn\tNOERROR\t203.113.1.1"
        )
    lines.append(f"1777593700\tC\t10.20.9.11\t5000\t10.0.0.53\t53\t{'a' * 60}.exfil.vn\tNOERROR\t-")
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    del rows
    eng = MonitorEngine()
    eng.scan([log], heuristics=True)
    found = heuristic_findings(eng.con, Thresholds(), limit=10)
    assert [h["src"] for h in found["nxdomain_hosts"]] == ["10.20.9.9"]
    assert found["nxdomain_hosts"][0]["nxdomain"] == 60
    assert found["counts"]["dga_like"] == 60
    assert all(d["name"].endswith("x7kz9wbv.com") for d in found["dga_like"])
    assert [n["name"] for n in found["long_names"]] == [f"{'a' * 60}.exfil.vn"]
