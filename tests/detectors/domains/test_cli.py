import json

from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from canhgiac.cli.main import app
from canhgiac.verification.models import DomainCandidate
from tests.detectors.test_infrastructure import dns_port, rdap_url  # noqa: F401 - fixtures

runner = CliRunner()


def test_score_file_to_jsonl(tmp_path):
    src = tmp_path / "names.txt"
    src.write_text(
        "acb.vn-home.xyz\ngoogle.com\n\nnot a domain\nvietcombank.com.vn\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["detect", "domains", "score", "--input", str(src), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5  # one per input line, blank lines included, in order
    assert rows[0]["domain"] == "acb.vn-home.xyz" and rows[0]["is_suspicious"] is True
    assert rows[0]["brand"] == "acb"
    assert rows[1]["is_suspicious"] is False
    assert "error" in rows[2] and "error" in rows[3]
    assert rows[4]["is_suspicious"] is False
    for row in rows:
        assert {"domain", "score", "is_suspicious", "brand", "reasons"} <= row.keys()


def test_score_stdin_to_stdout():
    result = runner.invoke(
        app,
        ["detect", "domains", "score", "--input", "-", "--output", "-"],
        input="789bet-vip.club\n",
    )
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.strip().splitlines()[-1])
    assert row["domain"] == "789bet-vip.club"


def test_missing_input_file_is_a_clear_error(tmp_path):
    result = runner.invoke(
        app, ["detect", "domains", "score", "--input", str(tmp_path / "nope.txt")]
    )
    assert result.exit_code == 1
    assert "input" in result.output


def test_evaluate_prints_figures(tmp_path):
    pos = tmp_path / "pos.txt"
    neg = tmp_path / "neg.txt"
    pos.write_text("acb.vn-home.xyz\nvaytinchap-tpbank.xyz\n789bet-vip.club\n", encoding="utf-8")
    neg.write_text(
        "google.com\nwikipedia.org\nvnexpress.net\nvietcombank.com.vn\n", encoding="utf-8"
    )
    args = ["detect", "domains", "evaluate", "--positives", str(pos), "--negatives", str(neg)]
    result = runner.invoke(app, [*args, "--base-rate", "0.01"])
    assert result.exit_code == 0, result.output
    assert "recall" in result.output and "false-positive rate" in result.output
    assert "precision at base rate" in result.output and "threshold" in result.output
    result = runner.invoke(app, [*args, "--json"])
    data = json.loads(result.stdout)
    assert data["recall"] == 1.0 and data["false_positives"] == 0
    assert data["official_flagged"] == [] and data["model_trained_on"] == []


def test_train_writes_a_loadable_model(tmp_path):
    pos = tmp_path / "pos.txt"
    neg = tmp_path / "neg.txt"
    pos.write_text("\n".join(f"vaytien{i}-xacminh.xyz" for i in range(60)) + "\n", encoding="utf-8")
    neg.write_text("\n".join(f"thuvien{i}sach.vn" for i in range(120)) + "\n", encoding="utf-8")
    out = tmp_path / "model.npz"
    result = runner.invoke(
        app,
        [
            "detect",
            "domains",
            "train",
            "--positives",
            str(pos),
            "--negatives",
            str(neg),
            "--output",
            str(out),
            "--no-authored",
            "--no-platform-labels",
            "--target-fpr",
            "0.01",
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.is_file()
    names = tmp_path / "n.txt"
    names.write_text("vaytien999-xacminh.xyz\nthuvien999sach.vn\n", encoding="utf-8")
    result = runner.invoke(
        app, ["detect", "domains", "score", "--input", str(names), "--model", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert rows[0]["is_suspicious"] and not rows[1]["is_suspicious"]
    # Evaluating a model on its own training lists says so.
    args = ["detect", "domains", "evaluate", "--positives", str(pos), "--negatives", str(neg)]
    result = runner.invoke(app, [*args, "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert "trained on these lists" in result.output
    result = runner.invoke(app, [*args, "--model", str(out), "--json"])
    assert json.loads(result.stdout)["model_trained_on"] == ["neg.txt", "pos.txt"]


def test_train_holds_the_target_on_each_legitimate_list(tmp_path):
    pos = tmp_path / "pos.txt"
    pos.write_text("\n".join(f"vaytien{i}-xacminh.xyz" for i in range(60)) + "\n", encoding="utf-8")
    args = ["detect", "domains", "train", "--positives", str(pos), "--no-authored"]
    args.append("--no-platform-labels")
    for k, word in enumerate(("thuvien", "nhakhoa")):
        neg = tmp_path / f"neg{k}.txt"
        neg.write_text("\n".join(f"{word}{i}sach.vn" for i in range(150)) + "\n", "utf-8")
        args += ["--negatives", str(neg)]
    out = tmp_path / "model.npz"
    args += ["--output", str(out), "--target-fpr", "0.01", "--threshold-per-list"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout[result.stdout.index("{") :])
    assert set(meta["out_of_fold_fpr_by_list"]) == {"0", "1"}
    assert all(v <= 0.01 for v in meta["out_of_fold_fpr_by_list"].values())


def test_evaluate_held_out_trains_a_fresh_model_and_reports_each_list(tmp_path):
    words = ["vaytien", "nhanqua", "xacminh", "hotro", "taixiu", "trian"]
    pos = tmp_path / "pos.txt"
    pos.write_text("\n".join(f"{words[i % 6]}{i}-cskh.xyz" for i in range(120)), "utf-8")
    args = ["detect", "domains", "evaluate", "--positives", str(pos)]
    for k, word in enumerate(("thuvien", "nhakhoa")):
        neg = tmp_path / f"legit{k}.txt"
        neg.write_text("\n".join(f"{word}{i}sach.vn" for i in range(150)), "utf-8")
        args += ["--negatives", str(neg)]
    held = [*args, "--held-out", "0.4", "--split-by", "registrable", "--no-authored"]
    result = runner.invoke(app, [*held, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["split_by"] == "registrable" and data["train_positives"] + data["positives"] == 120
    assert [r["name"] for r in data["lists"]] == ["legit0.txt", "legit1.txt"]
    assert sum(r["names"] for r in data["lists"]) == data["negatives"]
    assert data["recall"] > 0.8 and data["false_positives"] == 0
    result = runner.invoke(app, held)
    assert result.exit_code == 0, result.output
    assert "legit1.txt" in result.output and "recall" in result.output
    # A fresh model is trained: an existing one cannot be given at the same time.
    result = runner.invoke(app, [*held, "--model", str(tmp_path / "m.npz")])
    assert result.exit_code == 1 and "model" in result.output
    result = runner.invoke(app, [*args, "--held-out", "0.3", "--split-by", "tld"])
    assert result.exit_code == 1 and "split_by" in result.output


def test_train_learns_from_verification_decisions(cli, scratch_database_url, tmp_path):
    queued = tmp_path / "nrd.txt"
    queued.write_text("vietcombank-xacminh-taikhoan.xyz\nvaytinchap-tpbank-online.xyz\n", "utf-8")
    result = cli("verification", "import", str(queued), "--source", "nrd")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["queued"] == 2
    engine = create_engine(scratch_database_url)
    with engine.connect() as conn:
        ids = dict(conn.execute(select(DomainCandidate.name, DomainCandidate.id)).all())
    engine.dispose()
    confirm = ids["vietcombank-xacminh-taikhoan.xyz"]
    reject = ids["vaytinchap-tpbank-online.xyz"]
    args = ("--category", "fraud.impersonation.bank", "--reason", "Trang giả")
    assert cli("verification", "decide", str(confirm), "confirm", *args).exit_code == 0
    result = cli("verification", "decide", str(reject), "reject", "--reason", "Trang thật")
    assert result.exit_code == 0, result.output

    pos = tmp_path / "pos.txt"
    neg = tmp_path / "neg.txt"
    pos.write_text("\n".join(f"vaytien{i}-xacminh.xyz" for i in range(60)) + "\n", "utf-8")
    neg.write_text("\n".join(f"thuvien{i}sach.vn" for i in range(120)) + "\n", "utf-8")
    train = ("detect", "domains", "train", "--positives", str(pos), "--negatives", str(neg),
             "--no-authored", "--target-fpr", "0.01")  # fmt: skip
    result = cli(*train, "--output", str(tmp_path / "with.npz"))
    assert result.exit_code == 0, result.output
    assert "1 xác nhận / confirmed, 1 bác bỏ / rejected" in " ".join(result.stdout.split())
    meta = json.loads(result.stdout[result.stdout.index("{") :])
    assert (meta["positives"], meta["negatives"]) == (61, 121)
    assert meta["sources"] == ["pos.txt", "neg.txt", "verification:1+1"]

    result = cli(*train, "--no-platform-labels", "--output", str(tmp_path / "without.npz"))
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout[result.stdout.index("{") :])
    assert (meta["positives"], meta["negatives"]) == (60, 120)


def test_facts_prints_registration_and_dns(rdap_url, dns_port):  # noqa: F811 - fixtures
    env = {
        "CANHGIAC_RDAP_BASE_URL": rdap_url,
        "CANHGIAC_DNS_NAMESERVERS": '["127.0.0.1"]',
        "CANHGIAC_DNS_PORT": str(dns_port),
        "CANHGIAC_ALLOW_PRIVATE_FETCH": "true",  # the local RDAP server: the test setting
        "CANHGIAC_RDAP_MIN_INTERVAL_SECONDS": "0",
    }
    result = runner.invoke(app, ["detect", "domains", "facts", "vcb-xacminh.top"], env=env)
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    assert facts["registrar"] == "NameSilo, LLC" and facts["dns"]["A"] == ["203.0.113.7"]
    bad = runner.invoke(app, ["detect", "domains", "facts", "xin chào"], env=env)
    assert bad.exit_code == 1 and "[name]" in bad.stderr
