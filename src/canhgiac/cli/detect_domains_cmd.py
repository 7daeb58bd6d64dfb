"""``canhgiac detect domains …``: score, evaluate and train the scam-domain name scorer."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

import typer

from canhgiac.cli.context import cli_session, console, fail, print_json, settings_of
from canhgiac.errors import CanhgiacError

if TYPE_CHECKING:
    from canhgiac.detectors.domains.evaluate import Evaluation
    from canhgiac.detectors.domains.scorer import DomainScorer

app = typer.Typer(no_args_is_help=True)

MAX_LINE = 4096
MAX_INPUT_LINES = 50_000_000
SCORE_CHUNK = 20_000


@contextmanager
def _open_in(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdin
        return
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            yield fh
    except OSError as exc:
        fail(f"Không mở được tệp {path}: {exc.strerror} / cannot open file", field="input")


@contextmanager
def _open_out(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    try:
        with open(path, "w", encoding="utf-8") as fh:
            yield fh
    except OSError as exc:
        fail(f"Không ghi được tệp {path}: {exc.strerror} / cannot write file", field="output")


def _scorer(model: Path | None, allow_list: Path | None, threshold: float) -> DomainScorer:
    from canhgiac.detectors.domains.scorer import DomainScorerConfig, load_domain_scorer
    from canhgiac.detectors.domains.train import read_names

    allowed = frozenset(read_names(allow_list)) if allow_list else frozenset()
    return load_domain_scorer(
        DomainScorerConfig(model_path=model, allow_list=allowed, threshold=threshold)
    )


def _lines(fh: IO[str]) -> Iterator[str]:
    for n, line in enumerate(fh, start=1):
        if n > MAX_INPUT_LINES:
            fail(f"Quá {MAX_INPUT_LINES} dòng / more than {MAX_INPUT_LINES} lines", field="input")
        yield line.rstrip("\r\n")[:MAX_LINE]


@app.command("score")
def score(
    input: str = typer.Option(
        ..., "--input", "-i", help="Tệp tên miền, mỗi dòng một tên (- = stdin)"
    ),
    output: str = typer.Option("-", "--output", "-o", help="Tệp JSONL kết quả (- = stdout)"),
    model: Path | None = typer.Option(None, help="Mô hình .npz khác mô hình đi kèm"),
    allow_list: Path | None = typer.Option(None, help="Tệp tên miền được phép, mỗi dòng một tên"),
    threshold: float = typer.Option(0.5, min=0.001, max=0.999, help="Ngưỡng điểm (0..1)"),
) -> None:
    """Chấm điểm tên miền / score domain names: one JSON object per input line, in order."""
    try:
        scorer = _scorer(model, allow_list, threshold)
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    flagged = total = 0
    with _open_in(input) as fh_in, _open_out(output) as fh_out:
        chunk: list[str] = []

        def flush() -> None:
            nonlocal flagged, total
            for result in scorer.score_many(chunk, errors="mark"):
                fh_out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                flagged += result.is_suspicious
                total += 1
            chunk.clear()

        for line in _lines(fh_in):
            chunk.append(line)
            if len(chunk) >= SCORE_CHUNK:
                flush()
        if chunk:
            flush()
    if output != "-":
        console.print(
            f"Đã chấm {total} tên, {flagged} đáng ngờ / scored {total}, {flagged} flagged"
        )


@app.command("facts")
def facts(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Tên miền hoặc đường link / a name or URL"),
) -> None:
    """Thông tin đăng ký (RDAP) và DNS / registration (RDAP) and DNS facts of a name.

    Ngày đăng ký, nhà đăng ký, máy chủ tên, bản ghi A/AAAA/NS/MX; lỗi mạng được ghi lại, không
    làm hỏng lệnh / network failures are reported in the facts, not raised."""
    from canhgiac.detectors.infrastructure import InfrastructureLookup

    try:
        found = InfrastructureLookup.for_settings(settings_of(ctx)).facts(name)
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    print_json(found.to_dict())


@app.command("evaluate")
def evaluate(
    positives: Path = typer.Option(..., help="Tệp tên miền lừa đảo / scam names"),
    negatives: list[Path] = typer.Option(
        ..., help="Tệp tên miền hợp lệ, lặp lại được / legitimate names (repeatable)"
    ),
    base_rate: float = typer.Option(0.01, min=0.0001, max=0.9999, help="Tỉ lệ tên lừa đảo thực tế"),
    target_fpr: float = typer.Option(0.001, min=0.0, max=1.0, help="Tỉ lệ báo nhầm mục tiêu"),
    model: Path | None = typer.Option(None, help="Mô hình .npz khác mô hình đi kèm"),
    threshold: float = typer.Option(0.5, min=0.001, max=0.999, help="Ngưỡng điểm (0..1)"),
    held_out: float | None = typer.Option(
        None,
        min=0.01,
        max=0.99,
        help="Huấn luyện mô hình mới trên phần còn lại, đo trên phần này (vd 0.3) / train a "
        "fresh model on the rest and measure on this share, never seen in training",
    ),
    split_by: str = typer.Option(
        "family", help="Chia theo family (họ tên gần giống) hoặc registrable / split by"
    ),
    seed: int = typer.Option(1, help="Hạt giống phép chia / split seed"),
    authored: bool = typer.Option(True, help="Kèm dữ liệu tự soạn khi huấn luyện (--held-out)"),
    as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON"),
) -> None:
    """Đánh giá trên danh sách có nhãn / recall, false-positive rate, precision at a base rate.

    With --held-out, a fresh model is trained on part of the lists and measured on the part
    it never saw: the honest figure. Without it, the given (or shipped) model scores the lists
    as they are, and a warning says so when it was trained on them.
    """
    from canhgiac.detectors.domains.evaluate import evaluate as run_evaluation
    from canhgiac.detectors.domains.holdout import held_out_evaluation
    from canhgiac.detectors.domains.train import TrainingConfig, read_names

    if held_out is not None and model is not None:
        fail("Dùng --held-out hoặc --model, không dùng cả hai / not both", field="model")
    try:
        pos = read_names(positives)
        # Lists are named by file name, or by path when two files share a name.
        short = [p.name for p in negatives]
        neg_lists = {
            (p.name if short.count(p.name) == 1 else str(p)): read_names(p) for p in negatives
        }
        if held_out is not None:
            if not as_json:
                console.print(
                    "Đang huấn luyện mô hình trên phần còn lại (khoảng một phút cho vài chục "
                    "nghìn tên) / training on the rest…"
                )
            held = held_out_evaluation(
                pos,
                neg_lists,
                test_fraction=held_out,
                split_by=split_by,
                seed=seed,
                config=TrainingConfig(use_authored=authored),
                base_rate=base_rate,
                target_fpr=target_fpr,
            )
            if as_json:
                print_json(held.to_dict())
                return
            typer.echo(
                f"Chia theo / split by {held.split_by}, seed {held.seed}: học / trained on "
                f"{held.train_positives} + {held.train_negatives}, đo trên phần chưa học / "
                f"measured on the unseen {held_out:.0%}"
            )
            _print_evaluation(held.evaluation, [])
            for rate in held.lists:
                typer.echo(
                    f"  {rate.name}: {rate.names} tên hợp lệ / legitimate, báo nhầm / FPR "
                    f"{rate.false_positive_rate:.5f} ({rate.flagged}) {', '.join(rate.examples)}"
                )
            return
        scorer = _scorer(model, None, threshold)
        result = run_evaluation(
            scorer,
            pos,
            [n for names in neg_lists.values() for n in names],
            base_rate=base_rate,
            target_fpr=target_fpr,
        )
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    # Scoring the model's own training lists measures memory, not detection.
    sources = set(scorer.model.meta.get("sources") or ())
    trained_on = sorted(({positives.name} | {p.name for p in negatives}) & sources)
    if as_json:
        print_json({**result.to_dict(), "model_trained_on": trained_on})
        return
    _print_evaluation(result, trained_on)


def _print_evaluation(r: Evaluation, trained_on: list[str]) -> None:
    lines = [
        f"Tên lừa đảo / positives:                 {r.positives}",
        f"Tên hợp lệ / negatives:                  {r.negatives}",
        f"Dòng không hợp lệ / invalid lines:       {r.invalid}",
        f"Ngưỡng / threshold:                      {r.threshold:.3f}",
        f"Độ phủ / recall:                         {r.recall:.4f} ({r.true_positives})",
        f"Tỉ lệ báo nhầm / false-positive rate:    {r.false_positive_rate:.5f} "
        f"({r.false_positives})",
        f"Độ chính xác ở tỉ lệ nền {r.base_rate:g} / precision at base rate: "
        f"{r.precision_at_base_rate:.4f}",
        f"Ngưỡng đạt FPR {r.target_fpr:g} trên tệp này / threshold for that FPR here: "
        f"{r.threshold_at_target_fpr:.4f} (recall {r.recall_at_target_fpr:.4f})",
        f"Tên miền chính thức bị gắn cờ / official domains flagged: {len(r.official_flagged)}",
    ]
    if r.false_positive_examples:
        lines.append("Ví dụ báo nhầm / false positives: " + ", ".join(r.false_positive_examples))
    if trained_on:
        lines.append(
            f"Cảnh báo: mô hình đã học từ {', '.join(trained_on)}, số liệu trên tệp này lạc quan; "
            "dùng --held-out để đo trên phần chưa học / warning: the model was trained on these "
            "lists, so the figures are optimistic; use --held-out"
        )
    for line in lines:
        typer.echo(line)


@app.command("train")
def train(
    ctx: typer.Context,
    output: Path = typer.Option(..., help="Tệp mô hình .npz sẽ ghi"),
    positives: list[Path] = typer.Option([], help="Tệp tên miền lừa đảo (lặp lại được)"),
    negatives: list[Path] = typer.Option([], help="Tệp tên miền hợp lệ (lặp lại được)"),
    target_fpr: float = typer.Option(0.001, min=0.00001, max=0.5, help="Tỉ lệ báo nhầm mục tiêu"),
    c: float = typer.Option(0.5, min=0.001, max=1000.0, help="Nghịch đảo độ điều chuẩn L2"),
    authored: bool = typer.Option(True, help="Kèm dữ liệu tự soạn của dự án"),
    threshold_per_list: bool = typer.Option(
        False,
        help="Giữ tỉ lệ báo nhầm trên từng tệp hợp lệ đủ lớn, không chỉ trên tổng / hold the "
        "target FPR on every legitimate list large enough to measure it, not only on the pool",
    ),
    platform_labels: bool = typer.Option(
        True,
        "--platform-labels/--no-platform-labels",
        help="Dùng quyết định của phân tích viên ở hàng đợi xác minh trong CSDL / use analysts' "
        "verification decisions stored in the database",
    ),
) -> None:
    """Huấn luyện mô hình tên miền / train the name model (weights only are saved).

    Names analysts confirmed in the verification queue join the scam names, names they
    rejected join the legitimate ones as a list of their own."""
    from canhgiac.detectors.domains.scorer import build_extractor
    from canhgiac.detectors.domains.train import TrainingConfig, read_names, train_model

    try:
        pos = [n for p in positives for n in read_names(p)]
        neg: list[str] = []
        lists: list[int] = []
        for index, path in enumerate(negatives):
            names = read_names(path)
            neg += names
            lists += [index] * len(names)
        sources = [p.name for p in (*positives, *negatives)]
        if platform_labels:
            from canhgiac.verification.service import training_labels

            with cli_session(ctx) as session:
                decided = list(training_labels(session))
            confirmed = [name for name, is_scam in decided if is_scam]
            rejected = [name for name, is_scam in decided if not is_scam]
            pos += confirmed
            neg += rejected
            lists += [len(negatives)] * len(rejected)
            if decided:
                sources.append(f"verification:{len(confirmed)}+{len(rejected)}")
            console.print(
                f"Quyết định của phân tích viên / analysts' decisions: {len(confirmed)} xác nhận "
                f"/ confirmed, {len(rejected)} bác bỏ / rejected"
            )
        extractor, _ = build_extractor()
        config = TrainingConfig(
            c=c,
            target_fpr=target_fpr,
            use_authored=authored,
            threshold_per_list=threshold_per_list,
        )
        model = train_model(
            extractor,
            pos,
            neg,
            config,
            sources=sources,
            negative_lists=lists,
        )
        model.save(output)
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    console.print(f"Đã lưu mô hình / model saved: {output}")
    print_json(model.meta)
