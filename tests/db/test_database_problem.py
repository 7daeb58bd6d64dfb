from sqlalchemy.exc import IntegrityError, OperationalError

from canhgiac.db.migrate import database_problem


def test_other_database_errors_are_not_explained_away():
    # A locked file or a broken constraint is no set-up problem: the caller re-raises it.
    assert database_problem(OperationalError("x", {}, Exception("database is locked"))) is None
    assert database_problem(IntegrityError("x", {}, Exception("UNIQUE constraint failed"))) is None


def test_missing_tables_on_either_engine_mean_upgrade():
    class UndefinedTable(Exception):
        sqlstate = "42P01"

    for orig in (Exception("no such table: users"), UndefinedTable('relation "users"')):
        message = database_problem(OperationalError("x", {}, orig))
        assert message is not None and "canhgiac db upgrade" in message
