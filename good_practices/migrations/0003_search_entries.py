"""The public search's own table of the published practices' vectors, kept by triggers, and the number that tells each process its counts are stale.

Every statement that inserts, changes or deletes practices runs one trigger, which reads the
rows it touched (transition tables): a practice that is published gets or keeps its entry
with its current vectors, one that is not loses it, and when what the facets count or the
order of the list changed, the generation takes a new number from its sequence.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

ENTRY = "good_practices_searchentry"
GENERATION = "good_practices_searchgeneration"
PRACTICE = "good_practices_goodpractice"
# What the search's counts and order read from a practice: a change to one of these changes the generation.
COUNTED = "state, country_id, published_at, published_year, language, measure_numbers, theme_slugs"
# The configuration of the practices' vectors (good_practices.models.SEARCH_CONFIG when this was written).
TITLE_VECTOR = "to_tsvector('english'::regconfig, coalesce({}title, ''))"

TRIGGERS = f"""
CREATE SEQUENCE good_practices_search_generation;
INSERT INTO {GENERATION} (id, number) VALUES (1, nextval('good_practices_search_generation'));

CREATE FUNCTION good_practices_search_changed() RETURNS void LANGUAGE sql AS $$
    INSERT INTO {GENERATION} (id, number) VALUES (1, nextval('good_practices_search_generation'))
    ON CONFLICT (id) DO UPDATE SET number = excluded.number
$$;

CREATE FUNCTION good_practices_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {ENTRY} (practice_id, document, head, title)
    SELECT id, search_vector, head_vector, {TITLE_VECTOR.format("")} FROM changed WHERE state = 'published';
    IF FOUND THEN
        PERFORM good_practices_search_changed();
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION good_practices_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {ENTRY} entry USING changed WHERE entry.practice_id = changed.id AND changed.state <> 'published';
    INSERT INTO {ENTRY} (practice_id, document, head, title)
    SELECT changed.id, changed.search_vector, changed.head_vector, {TITLE_VECTOR.format("changed.")}
    FROM changed JOIN before ON before.id = changed.id
    WHERE changed.state = 'published'
      AND (before.state <> 'published'
           OR (changed.search_vector, changed.head_vector, changed.title)
              IS DISTINCT FROM (before.search_vector, before.head_vector, before.title))
    ON CONFLICT (practice_id) DO UPDATE SET document = excluded.document, head = excluded.head, title = excluded.title;
    IF EXISTS (
        SELECT 1 FROM changed JOIN before ON before.id = changed.id
        WHERE 'published' IN (changed.state, before.state)
          AND ({", ".join(f"changed.{name}" for name in COUNTED.split(", "))})
              IS DISTINCT FROM ({", ".join(f"before.{name}" for name in COUNTED.split(", "))})
    ) THEN
        PERFORM good_practices_search_changed();
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION good_practices_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {ENTRY} entry USING before WHERE entry.practice_id = before.id;
    IF EXISTS (SELECT 1 FROM before WHERE state = 'published') THEN
        PERFORM good_practices_search_changed();
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER good_practices_search_inserted AFTER INSERT ON {PRACTICE}
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION good_practices_search_inserted();
CREATE TRIGGER good_practices_search_updated AFTER UPDATE ON {PRACTICE}
    REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION good_practices_search_updated();
CREATE TRIGGER good_practices_search_deleted AFTER DELETE ON {PRACTICE}
    REFERENCING OLD TABLE AS before FOR EACH STATEMENT EXECUTE FUNCTION good_practices_search_deleted();

-- The practices published before this migration.
INSERT INTO {ENTRY} (practice_id, document, head, title)
SELECT id, search_vector, head_vector, {TITLE_VECTOR.format("")} FROM {PRACTICE} WHERE state = 'published';
"""

UNDO = f"""
DROP TRIGGER good_practices_search_inserted ON {PRACTICE};
DROP TRIGGER good_practices_search_updated ON {PRACTICE};
DROP TRIGGER good_practices_search_deleted ON {PRACTICE};
DROP FUNCTION good_practices_search_inserted();
DROP FUNCTION good_practices_search_updated();
DROP FUNCTION good_practices_search_deleted();
DROP FUNCTION good_practices_search_changed();
DROP SEQUENCE good_practices_search_generation;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("good_practices", "0002_themes_and_moderation"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "practice",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="good_practices.goodpractice",
                    ),
                ),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                ("head", django.contrib.postgres.search.SearchVectorField()),
                ("title", django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        migrations.CreateModel(
            name="SearchGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField()),
            ],
        ),
        migrations.RemoveIndex(
            model_name="goodpractice",
            name="practice_search_idx",
        ),
        migrations.RemoveIndex(
            model_name="goodpractice",
            name="practice_facets_idx",
        ),
        migrations.RemoveIndex(
            model_name="goodpractice",
            name="practice_newest_idx",
        ),
        migrations.AddIndex(
            model_name="goodpractice",
            index=models.Index(
                condition=models.Q(("state", "published")),
                fields=["-published_at", "-id"],
                include=("country", "published_year", "language", "measure_numbers", "theme_slugs"),
                name="practice_newest_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["document"], name="searchentry_document_idx"),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["head"], name="searchentry_head_idx"),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["title"], name="searchentry_title_idx"),
        ),
        migrations.AddConstraint(
            model_name="searchgeneration",
            constraint=models.CheckConstraint(condition=models.Q(("id", 1)), name="searchgeneration_one_row"),
        ),
        migrations.RunSQL(TRIGGERS, UNDO),
    ]
