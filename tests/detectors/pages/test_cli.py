import json

from typer.testing import CliRunner

from canhgiac.cli.main import app

runner = CliRunner()


def test_refused_address_exits_non_zero(monkeypatch, tmp_path, victim):
    monkeypatch.setenv("CANHGIAC_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("CANHGIAC_ALLOW_PRIVATE_FETCH", raising=False)
    result = runner.invoke(
        app, ["detect", "url", "check", f"http://127.0.0.1:{victim.port}/whoami", "--no-assets"]
    )
    assert result.exit_code == 2
    assert "loopback" in result.output and "Từ chối" in result.output
    assert victim.hits == []


def test_invalid_url_exits_non_zero(monkeypatch, tmp_path):
    monkeypatch.setenv("CANHGIAC_VAR_DIR", str(tmp_path))
    result = runner.invoke(app, ["detect", "url", "check", "file:///etc/passwd"])
    assert result.exit_code == 1
    assert "http" in result.output


def test_json_result_for_a_local_page(monkeypatch, tmp_path, site):
    monkeypatch.setenv("CANHGIAC_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CANHGIAC_ALLOW_PRIVATE_FETCH", "true")
    result = runner.invoke(
        app, ["detect", "url", "check", f"http://127.0.0.2:{site.port}/phish", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["is_suspicious"] is True
    assert data["page"]["brand"] == "vietcombank"
    assert {c["kind"] for c in data["captures"]} >= {"html"}
    assert (tmp_path / "evidence").is_dir()


def test_human_output_escapes_page_text(monkeypatch, tmp_path, site):
    monkeypatch.setenv("CANHGIAC_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CANHGIAC_ALLOW_PRIVATE_FETCH", "true")
    result = runner.invoke(app, ["detect", "url", "check", f"http://127.0.0.2:{site.port}/phish"])
    assert result.exit_code == 0, result.output
    assert "Vietcombank - Xác minh tài khoản" in result.output
    assert "ĐÁNG NGỜ" in result.output


def test_check_many_one_json_line_per_url(monkeypatch, tmp_path, site):
    monkeypatch.setenv("CANHGIAC_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CANHGIAC_ALLOW_PRIVATE_FETCH", "true")
    src = tmp_path / "urls.txt"
    src.write_text(
        f"http://127.0.0.2:{site.port}/phish\nftp://x/\nhttp://169.254.169.254/\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["detect", "url", "check-many", "--input", str(src), "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 3
    assert rows[0]["is_suspicious"] is True
    assert rows[1]["error"] == "validation_error" and rows[1]["url"] == "ftp://x/"
    assert rows[2]["fetch"]["refused"]
