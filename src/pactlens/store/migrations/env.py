"""Alembic environment: migrations run on the connection the library opened, inside its transaction.

The library calls Alembic itself when it opens a database (see
``pactlens.store.library``); running ``alembic`` from a shell is not needed.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
