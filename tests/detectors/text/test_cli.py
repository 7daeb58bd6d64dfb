import json

from typer.testing import CliRunner

from canhgiac.cli.main import app

runner = CliRunner()
SCAM = "Vietcombank: tai khoan bi khoa, mo khoa tai vcb-mokhoa.top truoc 17h"
OTP = "Ma OTP cua ban la 123456, khong chia se cho ai"


def test_classify_csv_keeps_rows_in_order(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        f'noi_dung,nguoi_gui\n"{SCAM}",0912345678\n"{OTP}",Vietcombank\n,\n', encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        [
            "detect",
            "text",
            "classify",
            "--input",
            str(source),
            "--text-column",
            "noi_dung",
            "--sender-column",
            "nguoi_gui",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["is_scam"] for r in rows] == [True, False, False]
    assert {"category", "is_scam", "score", "reasons"} <= rows[0].keys()


def test_classify_jsonl_to_stdout(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"msg": OTP}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "detect",
            "text",
            "classify",
            "--input",
            str(source),
            "--text-column",
            "msg",
            "--no-indicators",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["category"] == "legit"


def test_classify_names_a_missing_column(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("text\nxin chao\n", encoding="utf-8")
    result = runner.invoke(
        app, ["detect", "text", "classify", "--input", str(source), "--text-column", "content"]
    )
    assert result.exit_code == 1
    assert "text_column" in result.output and "content" in result.output


def test_evaluate_prints_metrics_and_confusion(tmp_path):
    source = tmp_path / "labelled.csv"
    source.write_text(f'text,label\n"{SCAM}",scam\n"{OTP}",ham\n', encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "detect",
            "text",
            "evaluate",
            str(source),
            "--label-column",
            "label",
            "--positive",
            "scam,fraud",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "precision=1.0000" in result.output and "F1=1.0000" in result.output
    assert "actual scam" in result.output


def test_train_from_files_only(tmp_path):
    rows = ["text,category"]
    for i in range(12):
        rows.append(f'"Vay nhanh {i} trieu chi can CCCD lien he zalo 09123456{i:02d}",fraud.loan')
        rows.append(f'"Me oi toi nay con ve muon {i} phut nhe",legit')
    source = tmp_path / "labels.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "model.npz"
    result = runner.invoke(
        app,
        [
            "detect",
            "text",
            "train",
            str(source),
            "--no-seed",
            "--no-platform-labels",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.is_file()
    check = tmp_path / "one.csv"
    check.write_text('text\n"Vay nhanh 5 trieu chi can CCCD"\n', encoding="utf-8")
    result = runner.invoke(
        app, ["detect", "text", "classify", "--input", str(check), "--model", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["category"] == "fraud.loan"
