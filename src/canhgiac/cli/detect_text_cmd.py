"""``canhgiac detect text …``: classify, evaluate and train the scam-message detector."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from canhgiac.cli.context import console, fail, print_json
from canhgiac.errors import CanhgiacError

if TYPE_CHECKING:
    from canhgiac.detectors.text.classifier import TextClassifier

app = typer.Typer(no_args_is_help=True)

BATCH = 5000


def _classifier(model: Path | None) -> TextClassifier:
    from canhgiac.detectors.text.classifier import TextClassifier, load_text_classifier
    from canhgiac.detectors.text.model import load_model

    return TextClassifier(load_model(model)) if model else load_text_classifier()


@app.command("classify")
def classify(
    input: Path = typer.Option(..., "--input", "-i", help="Tệp CSV/TSV/JSONL, mỗi dòng một tin"),
    text_column: str = typer.Option("text", "--text-column", help="Cột chứa nội dung tin nhắn"),
    sender_column: str | None = typer.Option(
        None, "--sender-column", help="Cột người gửi (brandname / số điện thoại)"
    ),
    output: str = typer.Option("-", "--output", "-o", help="Tệp JSONL kết quả (- = stdout)"),
    model: Path | None = typer.Option(None, help="Mô hình .npz khác mô hình đi kèm"),
    indicators: bool = typer.Option(True, help="Kèm chỉ dấu (link, SĐT, STK) trong kết quả"),
) -> None:
    """Phân loại tin nhắn / classify messages: one JSON object per input row, in order."""
    from canhgiac.detectors.text.records import read_records, require_column

    try:
        classifier = _classifier(model)
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    except OSError as exc:
        fail(f"Không ghi được tệp {output}: {exc.strerror} / cannot write file", field="output")
    count = scams = 0
    try:
        texts: list[str] = []
        senders: list[str | None] = []

        def flush() -> None:
            nonlocal scams
            for verdict in classifier.classify_many(texts, senders, with_indicators=indicators):
                scams += verdict.is_scam
                out.write(json.dumps(verdict.to_dict(), ensure_ascii=False) + "\n")
            texts.clear()
            senders.clear()

        for record in read_records(input):
            value = require_column(record, text_column, "text_column")
            texts.append("" if value is None else str(value))
            sender = record.get(sender_column) if sender_column else None
            senders.append(str(sender) if sender not in (None, "") else None)
            count += 1
            if len(texts) >= BATCH:
                flush()
        flush()
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    finally:
        if out is not sys.stdout:
            out.close()
    if output != "-":
        console.print(f"{count} tin, {scams} lừa đảo / {count} messages, {scams} scams → {output}")


@app.command("evaluate")
def evaluate(
    file: Path = typer.Argument(..., help="Tệp CSV/TSV/JSONL có nhãn"),
    text_column: str = typer.Option("text", "--text-column"),
    label_column: str = typer.Option(..., "--label-column"),
    positive: str = typer.Option(
        ..., "--positive", help="Nhãn coi là lừa đảo, cách nhau bởi dấu phẩy"
    ),
    sender_column: str | None = typer.Option(None, "--sender-column"),
    model: Path | None = typer.Option(None, help="Mô hình .npz khác mô hình đi kèm"),
    as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON"),
) -> None:
    """Đo precision/recall/F1 / evaluate on a labelled file and print a confusion matrix."""
    from canhgiac.detectors.text.evaluate import evaluate_file

    try:
        report = evaluate_file(
            _classifier(model),
            file,
            text_column=text_column,
            label_column=label_column,
            positive=positive.split(","),
            sender_column=sender_column,
        )
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    if as_json:
        print_json(report.to_dict())
        return
    typer.echo(f"positive = {positive}")
    typer.echo(report.format())


@app.command("train")
def train(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(
        None, help="Tệp CSV/TSV/JSONL có cột text, category (và sender) để học thêm"
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Nơi ghi mô hình .npz"),
    text_column: str = typer.Option("text", "--text-column"),
    label_column: str = typer.Option("category", "--label-column"),
    reference_datasets: Path | None = typer.Option(
        None,
        "--reference-datasets",
        help="Thư mục bộ dữ liệu phát triển dùng chung (chỉ để chỉnh trọng số)",
    ),
    no_seed: bool = typer.Option(False, "--no-seed", help="Không dùng bộ dữ liệu hạt giống"),
    platform_labels: bool = typer.Option(
        True,
        "--platform-labels/--no-platform-labels",
        help="Dùng kết luận của phân tích viên trong CSDL / use analysts' verdicts stored in the database",
    ),
) -> None:
    """Huấn luyện lại mô hình / retrain from the seed corpus, analysts' labels and labelled files."""
    from canhgiac.detectors.text.records import read_labelled
    from canhgiac.detectors.text.reference_sets import training_rows
    from canhgiac.detectors.text.train import split_of, train_text_classifier

    try:
        labelled = [
            row
            for path in files or []
            for row in read_labelled(path, text_column=text_column, label_column=label_column)
        ]
        reference = []
        if reference_datasets is not None:
            reference = [
                r for r in training_rows(reference_datasets) if split_of(r.text) == "train"
            ]
        extra: list[tuple[str, str]] = []
        if platform_labels:
            from canhgiac.cli.context import cli_session
            from canhgiac.messages.service import labelled_examples

            with cli_session(ctx) as session:
                extra = list(labelled_examples(session))
            console.print(f"Nhãn của phân tích viên / analysts' labels: {len(extra)}")
        with console.status("Đang huấn luyện / training…"):
            trained = train_text_classifier(
                extra, labelled=labelled, reference=reference, include_seed=not no_seed
            )
        trained.save(output)
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    report = trained.report
    console.print(
        f"Đã lưu / saved {output}: {report['rows']} rows, vocabulary {report['vocabulary']}, "
        f"CV P={report['cv_precision']} R={report['cv_recall']} F1={report['cv_f1']}"
    )
